package org.newsdesk.site.web;

import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.Phrase;
import org.newsdesk.site.SiteAdministration;
import org.newsdesk.site.SiteIdentity;
import org.newsdesk.site.SiteSettingsException;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves {@code admin/site/index.xhtml}: the site's name, tagline, language and logo, for administrators. */
@Named("siteSettings")
@ViewScoped
public class SiteSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The languages offered first, each named in itself; any other tag the environment set is offered too. */
    private static final Map<String, String> LANGUAGES = languages();

    @Inject
    private SiteAdministration administration;

    private boolean loaded;
    private String name;
    private String tagline;
    private String language;
    private String logo;
    private SiteIdentity environment;
    private transient Part logoFile;

    public void onload() {
        if (loaded) {
            return;
        }
        loaded = true;
        SiteIdentity identity = administration.identity();
        environment = administration.environmentIdentity();
        name = identity.name();
        tagline = identity.tagline();
        language = identity.language();
        logo = identity.logo();
    }

    public void save() throws IOException {
        try {
            byte[] uploaded = null;
            if (logoFile != null && logoFile.getSize() > 0) {
                if (logoFile.getSize() > SiteAdministration.LOGO_MAX_BYTES) {
                    // Said before the file is read into memory; the other fields are checked on the next save.
                    throw new SiteSettingsException("logoFile", Phrase.of("site.refused.logoMax", SiteAdministration.LOGO_MAX_BYTES / 1_000_000));
                }
                try (InputStream in = logoFile.getInputStream()) {
                    uploaded = in.readAllBytes();
                }
            }
            administration.saveIdentity(name, tagline, language, logo, uploaded);
            Notices.info("site.saved");
            Faces.getExternalContext().redirect(Faces.getRequestContextPath() + "/admin/site/");
        } catch (SiteSettingsException e) {
            e.problems().forEach((field, phrase) -> Messages.addError("site:" + field, phrase.key(), phrase.arguments().toArray()));
        } finally {
            if (logoFile != null) {
                logoFile.delete();
            }
        }
    }

    public List<SelectItem> getLanguages() {
        List<SelectItem> items = new ArrayList<>();
        LANGUAGES.forEach((tag, label) -> items.add(new SelectItem(tag, label + " (" + tag + ")")));
        for (String other : new String[] {language, environment == null ? null : environment.language()}) {
            if (other != null && !LANGUAGES.containsKey(other) && items.stream().noneMatch(i -> i.getValue().equals(other))) {
                items.add(new SelectItem(other, other));
            }
        }
        return items;
    }

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("ar", "العربية");
        languages.put("he", "עברית");
        languages.put("fa", "فارسی");
        languages.put("ur", "اردو");
        languages.put("el", "Ελληνικά");
        languages.put("tr", "Türkçe");
        languages.put("fr", "Français");
        languages.put("de", "Deutsch");
        languages.put("es", "Español");
        languages.put("it", "Italiano");
        languages.put("pt", "Português");
        languages.put("pt-BR", "Português (Brasil)");
        languages.put("ru", "Русский");
        languages.put("uk", "Українська");
        languages.put("zh-CN", "中文（简体）");
        languages.put("ja", "日本語");
        return languages;
    }

    public SiteIdentity getEnvironment() {
        return environment;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTagline() {
        return tagline;
    }

    public void setTagline(String tagline) {
        this.tagline = tagline;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Part getLogoFile() {
        return logoFile;
    }

    public void setLogoFile(Part logoFile) {
        this.logoFile = logoFile;
    }

    public String getLogo() {
        return logo;
    }

    public void setLogo(String logo) {
        this.logo = logo;
    }
}
