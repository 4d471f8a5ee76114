package org.newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.PageCache;
import org.newsdesk.platform.SiteLanguage;

/**
 * The site's identity and section menu in force: the environment's identity ({@link SiteConfig}) with the
 * administrators' overrides from the {@code setting} table, and the sections in the order the editors gave
 * them. Every public page reads both, so they are kept in memory for a few seconds and only while no public
 * page was invalidated: a change on the desk drops every public page here and on every other instance
 * ({@link PublicPages#EVERY_PAGE}), so the next page is rendered with it.
 */
@ApplicationScoped
public class SiteSettings implements SiteLanguage {

    static final String NAME = "site.name";
    static final String TAGLINE = "site.tagline";
    static final String LANGUAGE = "site.language";
    static final String LOGO = "site.logo";

    private static final Logger LOG = Logger.getLogger(SiteSettings.class.getName());
    private static final long CACHE_MILLIS = 5_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PageCache pages;

    @Inject
    private SiteConfig config;

    @Inject
    private DatabaseState database;

    /** One section as the menu links it. */
    public record MenuSection(String name, String slug) {
    }

    private record Loaded(SiteIdentity identity, List<MenuSection> menu, long at, long generation) {
    }

    private volatile Loaded cached;

    public SiteIdentity identity() {
        return loaded().identity();
    }

    @Override
    public String siteName() {
        return identity().name();
    }

    @Override
    public String logo() {
        return identity().logo();
    }

    /** The language readers are addressed in. */
    @Override
    public java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(identity().language());
    }

    /** The sections in the editors' order, for the menu on every public page. */
    public List<MenuSection> menu() {
        return loaded().menu();
    }

    /** The environment's identity with the desk's overrides over it. */
    static SiteIdentity resolve(SiteIdentity defaults, Map<String, String> overrides) {
        String logo = overrides.getOrDefault(LOGO, defaults.logo());
        return new SiteIdentity(overrides.getOrDefault(NAME, defaults.name()), overrides.getOrDefault(TAGLINE, defaults.tagline()),
                overrides.getOrDefault(LANGUAGE, defaults.language()), logo == null || logo.isEmpty() ? null : logo);
    }

    void forget() {
        cached = null;
    }

    private Loaded loaded() {
        Loaded loaded = cached;
        long generation = pages.generation();
        if (loaded == null || loaded.generation() != generation || System.currentTimeMillis() - loaded.at() > CACHE_MILLIS) {
            if (!database.isUsable()) {
                // The database is away or hangs: the page saying so (503) is rendered without waiting on it.
                return loaded != null ? loaded : new Loaded(config.defaults(), List.of(), 0, generation);
            }
            try {
                // One statement for both: every public page rendered after an invalidation reads them.
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select 0, name, value, 0 from setting where name like 'site.%'"
                        + " union all select 1, slug, name, position from section where in_menu order by 1, 4, 3").getResultList();
                Map<String, String> overrides = new HashMap<>();
                List<MenuSection> menu = new ArrayList<>();
                for (Object[] row : rows) {
                    if (((Number) row[0]).intValue() == 0) {
                        overrides.put((String) row[1], (String) row[2]);
                    } else {
                        menu.add(new MenuSection((String) row[2], (String) row[1]));
                    }
                }
                loaded = new Loaded(resolve(config.defaults(), overrides), List.copyOf(menu), System.currentTimeMillis(), generation);
                cached = loaded;
            } catch (RuntimeException e) {
                // The database failed meanwhile: the page saying so still needs a name. Not kept, so the next page asks again.
                LOG.log(Level.FINE, "Site settings unreadable; the environment's serve meanwhile", e);
                return loaded != null ? loaded : new Loaded(config.defaults(), List.of(), 0, generation);
            }
        }
        return loaded;
    }
}
