package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.platform.PageCache;

/**
 * Where the moderation settings in force come from: the environment's defaults with the moderators'
 * overrides from the {@code setting} table. Read on every comment and every post page rendered, so the
 * overrides are kept in memory for a few seconds, and only while no public page was invalidated: a save
 * invalidates every post page, here or on another instance ({@link PageCache#generation()}), so the
 * next page is rendered with the new settings and no page rendered with the old ones is kept.
 */
@ApplicationScoped
public class CommentSettings {

    private static final long CACHE_MILLIS = 5_000;
    private static final ModerationSettings DEFAULTS = CommentConfig.moderationDefaults();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PageCache pages;

    /** The overrides as read, with when and at which of the page cache's generations. */
    private record Loaded(ModerationSettings settings, long at, long generation) {
    }

    private volatile Loaded cached;

    public ModerationSettings current() {
        Loaded loaded = cached;
        long generation = pages.generation();
        if (loaded == null || loaded.generation() != generation || System.currentTimeMillis() - loaded.at() > CACHE_MILLIS) {
            Map<String, String> stored = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select name, value from setting where name like 'comments.%'")
                    .getResultList();
            for (Object[] row : rows) {
                stored.put((String) row[0], (String) row[1]);
            }
            loaded = new Loaded(DEFAULTS.with(stored), System.currentTimeMillis(), generation);
            cached = loaded;
        }
        return loaded.settings();
    }

    public ModerationSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Keeps only what differs from the environment's defaults, so a default changed later in the
     * environment still applies wherever nobody overrode it. Runs in the caller's transaction.
     */
    void save(ModerationSettings settings) {
        Map<String, String> defaults = DEFAULTS.asStored();
        settings.asStored().forEach((name, value) -> {
            if (value.equals(defaults.get(name))) {
                em.createNativeQuery("delete from setting where name = ?1").setParameter(1, name).executeUpdate();
            } else {
                em.createNativeQuery("insert into setting (name, value) values (?1, ?2)"
                                + " on duplicate key update value = ?2")
                        .setParameter(1, name)
                        .setParameter(2, value)
                        .executeUpdate();
            }
        });
        cached = null;
    }
}
