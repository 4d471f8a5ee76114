package org.newsdesk.outlet.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
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
    private Integer maxExcerptWords;
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
        notes = outlet.getNotes();
    }

    public void save() throws IOException {
        try {
            Outlet saved = service.save(id, name, domain, creditStyle, maxExcerptWords, notes);
            Notices.info(saved.getName() + " saved.");
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Faces.redirect("admin/outlets/");
        } catch (OutletService.OutletRefused e) {
            Messages.addError("outlet:" + e.field(), e.getMessage());
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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
