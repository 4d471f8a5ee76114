package org.newsdesk.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.RefusedValue;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;

/**
 * The desk's changes to what every public page shows: the site's identity (administrators) and the sections'
 * menu, names and descriptions and the tags' (editors). Roles are checked here whatever the pages show; every
 * change is audited and drops every public page once it has committed ({@link SiteChanged}).
 */
@Stateless
@RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
public class SiteAdministration {

    public static final int SECTION_NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;
    private static final int TAGS_SHOWN = 200;
    public static final int LOGO_MAX_BYTES = 2_000_000;
    static final int LOGO_MAX_WIDTH = 1200;
    static final int LOGO_MAX_HEIGHT = 400;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SiteSettings settings;

    @Inject
    private SiteConfig config;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<SiteChanged> changes;

    /** The identity in force, and what the environment alone says (the desk shows both). */
    public SiteIdentity identity() {
        return settings.identity();
    }

    public SiteIdentity environmentIdentity() {
        return config.defaults();
    }

    /**
     * Stores the identity as the desk gave it, with a logo uploaded at the same time (null for none), which
     * replaces the logo address. Every field is checked before anything is stored, and every refusal is said at
     * once: a wrong logo file and an empty name are both reported. A field equal to the environment's value is not
     * stored, so a later change to the environment applies there; an empty logo or tagline is stored as a choice
     * of none.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public void saveIdentity(String name, String tagline, String language, String logo, byte[] uploadedLogo) {
        Map<String, Phrase> problems = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(SiteSettings.NAME, checked("name", name, SiteIdentity::checkedName, problems));
        wanted.put(SiteSettings.TAGLINE, tagline == null ? "" : checked("tagline", tagline, SiteIdentity::checkedTagline, problems));
        wanted.put(SiteSettings.LANGUAGE, checked("language", language, SiteIdentity::checkedLanguage, problems));
        wanted.put(SiteSettings.LOGO, logo == null || logo.isBlank() ? "" : checked("logo", logo, SiteIdentity::checkedLogo, problems));
        byte[] logoPng = null;
        if (uploadedLogo != null) {
            try {
                logoPng = logoPng(uploadedLogo);
            } catch (SiteSettingsException e) {
                problems.putAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteSettingsException(problems);
        }
        if (logoPng != null) {
            wanted.put(SiteSettings.LOGO, storeLogo(logoPng));
        }
        SiteIdentity environment = config.defaults();
        Map<String, String> defaults = Map.of(SiteSettings.NAME, environment.name(), SiteSettings.TAGLINE, environment.tagline(),
                SiteSettings.LANGUAGE, environment.language(), SiteSettings.LOGO, Objects.requireNonNullElse(environment.logo(), ""));
        SiteIdentity before = settings.identity();
        wanted.forEach((key, value) -> {
            if (value.equals(defaults.get(key))) {
                em.createNativeQuery("delete from setting where name = ?1").setParameter(1, key).executeUpdate();
            } else {
                em.createNativeQuery("insert into setting (name, value) values (?1, ?2) on duplicate key update value = ?2")
                        .setParameter(1, key).setParameter(2, value).executeUpdate();
            }
        });
        settings.forget();
        audit.record("site.identity-changed", "setting", null, before + " -> " + wanted);
        changes.fire(new SiteChanged("identity"));
    }

    /**
     * An uploaded logo made fit to serve: a JPEG, PNG or WebP of at most {@link #LOGO_MAX_BYTES}, redrawn as a PNG no
     * larger than {@link #LOGO_MAX_WIDTH} × {@link #LOGO_MAX_HEIGHT} (which also drops whatever metadata it carried).
     */
    static byte[] logoPng(byte[] bytes) {
        if (bytes.length > LOGO_MAX_BYTES) {
            throw new SiteSettingsException("logoFile", Phrase.of("site.refused.logoSize", LOGO_MAX_BYTES / 1_000_000,
                    bytes.length / 1_000_000.0));
        }
        java.awt.image.BufferedImage image;
        try {
            image = org.newsdesk.media.ImageDecoder.decode(bytes, 25_000_000L).image();
        } catch (org.newsdesk.media.MediaException e) {
            throw new SiteSettingsException("logoFile", e.phrase());
        }
        double scale = Math.min(1.0, Math.min((double) LOGO_MAX_WIDTH / image.getWidth(), (double) LOGO_MAX_HEIGHT / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        java.awt.image.BufferedImage drawn = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = drawn.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(drawn, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** Keeps a logo by the hash of its bytes and returns its address. */
    private String storeLogo(byte[] png) {
        String hash = SiteLogos.sha256(png);
        em.createNativeQuery("insert ignore into site_logo (sha256, mime_type, bytes, uploaded_at)"
                        + " values (?1, 'image/png', ?2, ?3)")
                .setParameter(1, hash).setParameter(2, png).setParameter(3, java.time.Instant.now()).executeUpdate();
        audit.record("site.logo-uploaded", "setting", null, png.length + " bytes " + hash);
        return SiteLogos.path(hash);
    }

    /** Every section in the menu's order, those in the menu and those not. */
    public List<Section> sections() {
        return em.createNamedQuery("Section.inOrder", Section.class).getResultList();
    }

    /** The tags, those with the most posts first; {@code query} narrows them by name. */
    public List<Tag> tags(String query) {
        String like = "%" + (query == null ? "" : query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        List<Long> ids = ((List<?>) em.createNativeQuery("select t.id from tag t left join post_tag pt on pt.tag_id = t.id"
                        + " where t.name like ?1 group by t.id, t.name order by count(pt.post_id) desc, t.name")
                .setParameter(1, like).setMaxResults(TAGS_SHOWN).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Tag> tags = new java.util.ArrayList<>(em.createQuery("select t from Tag t where t.id in :ids", Tag.class)
                .setParameter("ids", ids).getResultList());
        tags.sort(java.util.Comparator.comparingInt(t -> ids.indexOf(t.getId())));
        return tags;
    }

    /** Renames and describes a section and puts it in or out of the menu; its address stays as it was. */
    public void saveSection(long id, String name, String description, boolean inMenu) {
        Section section = find(Section.class, id);
        String checkedName = checked("name", name, SiteAdministration::checkedListingName);
        String checkedDescription = checked("description", description == null ? "" : description, SiteAdministration::checkedDescription);
        String before = section.getName() + " | " + section.getDescription() + " | menu " + section.isInMenu();
        section.describe(checkedName, checkedDescription);
        section.setInMenu(inMenu);
        audit.record("section.changed", "section", id, before + " -> " + checkedName + " | " + checkedDescription + " | menu " + inMenu);
        changes.fire(new SiteChanged("section " + section.getSlug()));
    }

    /** Moves a section one place up ({@code -1}) or down ({@code 1}) in the menu; the order is then 1, 2, 3... */
    public void moveSection(long id, int by) {
        List<Section> ordered = em.createNamedQuery("Section.inOrder", Section.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Section moving = find(Section.class, id);
        int from = ordered.indexOf(moving);
        int to = Math.max(0, Math.min(ordered.size() - 1, from + Integer.signum(by)));
        if (from != to) {
            ordered.remove(from);
            ordered.add(to, moving);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(i + 1);
        }
        audit.record("section.moved", "section", id, moving.getName() + " to place " + (to + 1));
        changes.fire(new SiteChanged("section order"));
    }

    public void saveTag(long id, String name, String description) {
        Tag tag = find(Tag.class, id);
        String checkedName = checked("name", name, SiteAdministration::checkedListingName);
        String checkedDescription = checked("description", description == null ? "" : description, SiteAdministration::checkedDescription);
        String before = tag.getName() + " | " + tag.getDescription();
        tag.describe(checkedName, checkedDescription);
        audit.record("tag.changed", "tag", id, before + " -> " + checkedName + " | " + checkedDescription);
        changes.fire(new SiteChanged("tag " + tag.getSlug()));
    }

    private <T> T find(Class<T> type, long id) {
        T found = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw new SiteSettingsException("name", Phrase.of("sections.refused.gone"));
        }
        return found;
    }

    /** A section's or a tag's name. */
    static String checkedListingName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > SECTION_NAME_MAX) {
            throw new RefusedValue(Phrase.of("sections.refused.name", SECTION_NAME_MAX));
        }
        return stripped;
    }

    static String checkedDescription(String description) {
        String stripped = description.strip();
        if (stripped.length() > DESCRIPTION_MAX) {
            throw new RefusedValue(Phrase.of("sections.refused.description", DESCRIPTION_MAX, stripped.length()));
        }
        return stripped;
    }

    /** The checked value, or a refusal at its field. */
    private static String checked(String field, String value, Function<String, String> check) {
        Map<String, Phrase> problems = new LinkedHashMap<>();
        String checked = checked(field, value, check, problems);
        if (!problems.isEmpty()) {
            throw new SiteSettingsException(problems);
        }
        return checked;
    }

    /** The checked value, or null with the refusal added to {@code problems}, so several are said at once. */
    private static String checked(String field, String value, Function<String, String> check, Map<String, Phrase> problems) {
        try {
            return check.apply(value == null ? "" : value);
        } catch (RefusedValue e) {
            problems.put(field, e.phrase());
            return null;
        }
    }
}
