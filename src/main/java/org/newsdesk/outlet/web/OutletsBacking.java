package org.newsdesk.outlet.web;

import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletPolicies;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.outlet.PhotoPolicy;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves {@code admin/outlets/index.xhtml}: the registry, and the form to add or change one outlet. */
@Named("outlets")
@ViewScoped
public class OutletsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OutletService service;

    private Long id;
    private String name;
    private String domain;
    private String creditStyle;
    @Min(value = 1, message = "A word limit is a positive number, or empty for none.")
    private Integer maxExcerptWords;
    @Min(value = 1, message = "A share is a whole number from 1 to 100 (per cent), or empty for none.")
    @Max(value = 100, message = "A share is a whole number from 1 to 100 (per cent), or empty for none.")
    private Integer maxQuotePercent;
    @NotNull(message = "Say whether this outlet's photos may be used.")
    private PhotoPolicy photoPolicy = PhotoPolicy.ALWAYS;
    @Size(max = 200, message = "Keep the credit format under 200 characters.")
    private String photoCreditFormat;
    private boolean paywalled;
    private String notes;

    public List<Outlet> getAll() {
        return service.all();
    }

    public void edit(Outlet outlet) {
        id = outlet.getId();
        name = outlet.getName();
        domain = outlet.getDomain();
        creditStyle = outlet.getCreditStyle();
        maxExcerptWords = outlet.getMaxExcerptWords();
        maxQuotePercent = outlet.getMaxQuotePercent();
        photoPolicy = outlet.getPhotoPolicy();
        photoCreditFormat = outlet.getPhotoCreditFormat();
        paywalled = outlet.isPaywalled();
        notes = outlet.getNotes();
    }

    public void save() throws IOException {
        try {
            Outlet saved = service.save(id, name, domain, creditStyle, maxExcerptWords,
                    new OutletPolicies(maxQuotePercent, photoPolicy, photoCreditFormat, paywalled), notes);
            Notices.info("outlets.saved", saved.getName());
            Faces.redirect("admin/outlets/");
        } catch (OutletService.OutletRefused e) {
            Messages.addError("outlet:" + e.field(), e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getCreditStyle() {
        return creditStyle;
    }

    public void setCreditStyle(String creditStyle) {
        this.creditStyle = creditStyle;
    }

    public Integer getMaxExcerptWords() {
        return maxExcerptWords;
    }

    public void setMaxExcerptWords(Integer maxExcerptWords) {
        this.maxExcerptWords = maxExcerptWords;
    }

    public PhotoPolicy[] getPhotoPolicies() {
        return PhotoPolicy.values();
    }

    public Integer getMaxQuotePercent() {
        return maxQuotePercent;
    }

    public void setMaxQuotePercent(Integer maxQuotePercent) {
        this.maxQuotePercent = maxQuotePercent;
    }

    public PhotoPolicy getPhotoPolicy() {
        return photoPolicy;
    }

    public void setPhotoPolicy(PhotoPolicy photoPolicy) {
        this.photoPolicy = photoPolicy;
    }

    public String getPhotoCreditFormat() {
        return photoCreditFormat;
    }

    public void setPhotoCreditFormat(String photoCreditFormat) {
        this.photoCreditFormat = photoCreditFormat;
    }

    public boolean isPaywalled() {
        return paywalled;
    }

    public void setPaywalled(boolean paywalled) {
        this.paywalled = paywalled;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
