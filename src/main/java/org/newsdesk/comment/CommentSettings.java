package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.comment.rules.ModerationSettings;

/**
 * Where the moderation settings in force come from: the environment's defaults with the moderators'
 * overrides from the {@code setting} table. Read on every comment, so the overrides are cached for a
 * few seconds; a save on this instance shows at once, one on another instance within the cache time.
 */
@ApplicationScoped
public class CommentSettings {

    private static final long CACHE_MILLIS = 5_000;
    private static final ModerationSettings DEFAULTS = ModerationSettings.fromEnvironment();

    @PersistenceContext
    private EntityManager em;

    private volatile ModerationSettings cached;
    private volatile long loadedAt;

    public ModerationSettings current() {
        ModerationSettings settings = cached;
        if (settings == null || System.currentTimeMillis() - loadedAt > CACHE_MILLIS) {
            Map<String, String> stored = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select name, value from setting where name like 'comments.%'")
                    .getResultList();
            for (Object[] row : rows) {
                stored.put((String) row[0], (String) row[1]);
            }
            settings = DEFAULTS.with(stored);
            cached = settings;
            loadedAt = System.currentTimeMillis();
        }
        return settings;
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
