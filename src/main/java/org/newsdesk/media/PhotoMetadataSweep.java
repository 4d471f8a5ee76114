package org.newsdesk.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.newsdesk.platform.DatabaseReady;
import org.newsdesk.platform.DatabaseState;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Timers;

/**
 * Cleans the originals stored before uploads were cleaned of private metadata: once the database is
 * reached, every photo not yet marked {@code metadata_cleaned} has its original read, cleaned as an upload
 * is today ({@link PhotoMetadata#original}: no GPS position, maker notes, XMP or comments; orientation,
 * creator and copyright kept; pixels untouched), put back in one step and marked. It runs in the background
 * in batches, one transaction each, so a library of thousands delays nothing. The variants need nothing:
 * they were always encoded afresh from the pixels. Several instances may run it at once; cleaning a clean
 * file changes nothing.
 */
@Startup
@Singleton
public class PhotoMetadataSweep {

    static final int BATCH = 25;

    private static final Logger LOG = Logger.getLogger(PhotoMetadataSweep.class.getName());

    /** This bean's only timer's info; a timer with any other info was left by an earlier deployment. */
    private record NextBatch() implements Serializable {
    }

    @Resource
    private TimerService timers;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DatabaseState database;

    private final ImageStore store = new ImageStore();

    private int cleaned;
    private int changed;

    @PostConstruct
    void start() {
        Timers.cancelForeign(timers, NextBatch.class);
    }

    /** Once the database is reached, at start-up or when it comes back after the site started without it. */
    public void onDatabaseReady(@Observes DatabaseReady ready) {
        timers.createSingleActionTimer(5_000, new TimerConfig(new NextBatch(), false));
    }

    @Timeout
    void fire(Timer timer) {
        if (!Timers.ours(timer, NextBatch.class)) {
            timer.cancel();
            return;
        }
        if (!database.isUsable()) {
            timers.createSingleActionTimer(30_000, new TimerConfig(new NextBatch(), false));
            return;
        }
        if (cleanNextBatch() == BATCH) {
            timers.createSingleActionTimer(1_000, new TimerConfig(new NextBatch(), false));
        } else if (cleaned > 0) {
            int all = cleaned;
            int rewritten = changed;
            LOG.info(() -> "Photo library: " + all + " photos stored before uploads were cleaned checked; private metadata"
                    + " removed from " + rewritten);
            cleaned = 0;
            changed = 0;
        }
    }

    /**
     * Cleans up to {@link #BATCH} photos not yet marked as cleaned, and marks them; returns how many it
     * took. Called by the timer until a batch comes back short.
     */
    public int cleanNextBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> photos = em.createNativeQuery(
                        "select id, storage_key, mime_type from photo where metadata_cleaned = false order by id")
                .setMaxResults(BATCH).getResultList();
        for (Object[] photo : photos) {
            long id = ((Number) photo[0]).longValue();
            Long size = clean(id, (String) photo[1], (String) photo[2]);
            em.createNativeQuery("update photo set metadata_cleaned = true, size_bytes = coalesce(?1, size_bytes) where id = ?2")
                    .setParameter(1, size).setParameter(2, id).executeUpdate();
        }
        cleaned += photos.size();
        return photos.size();
    }

    /** The original's size once clean, or null when it was left as it was (gone, or not an image we read). */
    private Long clean(long id, String storageKey, String mimeType) {
        Path file = store.resolve(storageKey);
        try {
            byte[] stored = Files.readAllBytes(file);
            ImageType type = ImageType.sniff(stored).orElse(null);
            if (type == null) {
                LOG.warning(() -> "Photo " + id + ": " + storageKey + " (" + mimeType + ") is not an image Newsdesk reads;"
                        + " left as it is");
                return null;
            }
            PhotoMetadata.Authorship authorship = type == ImageType.JPEG
                    ? PhotoMetadata.authorship(stored) : PhotoMetadata.Authorship.NONE;
            int orientation = type == ImageType.JPEG ? ExifOrientation.read(stored) : ExifOrientation.UPRIGHT;
            byte[] clean = PhotoMetadata.original(stored, type, orientation, authorship);
            if (!Arrays.equals(clean, stored)) {
                store.replace(storageKey, clean);
                changed++;
            }
            return (long) clean.length;
        } catch (NoSuchFileException gone) {
            LOG.warning(() -> "Photo " + id + ": its original " + storageKey + " is missing from the media directory");
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Photo " + id + ": could not clean its original " + storageKey + " (" + Faults.firstLine(e)
                    + "); left as it is");
            return null;
        }
    }
}
