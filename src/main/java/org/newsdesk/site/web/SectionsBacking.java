package org.newsdesk.site.web;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.platform.Notices;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;
import org.newsdesk.site.SiteAdministration;
import org.newsdesk.site.SiteSettingsException;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * Serves {@code admin/sections/index.xhtml}: the section menu in its order, each section's name, description
 * and place in the menu, and the tags' names and descriptions, for editors. Each row is its own form, so
 * saving one keeps what was typed in no other; a refused value is said under its row and stays in the field.
 */
@Named("sectionsDesk")
@ViewScoped
public class SectionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeskWords words;

    @Inject
    private SiteAdministration administration;

    @Inject
    @Param(name = "q")
    private String query;

    /** One editable row: a section's or a tag's. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String slug;
        private String name;
        private String description;
        private boolean inMenu;
        private String error;

        Row(long id, String slug, String name, String description, boolean inMenu) {
            this.id = id;
            this.slug = slug;
            this.name = name;
            this.description = description;
            this.inMenu = inMenu;
        }

        public long getId() { return id; }
        public String getSlug() { return slug; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public boolean isInMenu() { return inMenu; }
        public void setInMenu(boolean inMenu) { this.inMenu = inMenu; }
        public String getError() { return error; }
    }

    private List<Row> sections;
    private List<Row> tags;

    public void onload() {
        if (sections == null) {
            load();
        }
    }

    private void load() {
        sections = administration.sections().stream().map(SectionsBacking::row).toList();
        tags = administration.tags(query).stream().map(SectionsBacking::row).toList();
    }

    private static Row row(Section s) {
        return new Row(s.getId(), s.getSlug(), s.getName(), s.getDescription(), s.isInMenu());
    }

    private static Row row(Tag t) {
        return new Row(t.getId(), t.getSlug(), t.getName(), t.getDescription(), false);
    }

    public void saveSection(Row row) throws IOException {
        try {
            administration.saveSection(row.id, row.name, row.description, row.inMenu);
            Notices.info("sections.saved", row.name.strip());
            reload();
        } catch (SiteSettingsException e) {
            row.error = words.say(e.phrase());
        }
    }

    public void move(Row row, int by) throws IOException {
        try {
            administration.moveSection(row.id, by);
            reload();
        } catch (SiteSettingsException e) {
            row.error = words.say(e.phrase());
        }
    }

    public void saveTag(Row row) throws IOException {
        try {
            administration.saveTag(row.id, row.name, row.description);
            Notices.info("tags.saved", row.name.strip());
            reload();
        } catch (SiteSettingsException e) {
            row.error = words.say(e.phrase());
        }
    }

    private void reload() throws IOException {
        Faces.getExternalContext().redirect(Faces.getRequestContextPath() + "/admin/sections/" + (query == null || query.isBlank() ? ""
                : "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Read when the page is built (c:forEach), before its view action: so loaded here, once per view. */
    public List<Row> getSections() {
        onload();
        return sections;
    }

    public List<Row> getTags() {
        onload();
        return tags;
    }

    public String getQuery() {
        return query;
    }

    public int getDescriptionMax() {
        return SiteAdministration.DESCRIPTION_MAX;
    }
}
