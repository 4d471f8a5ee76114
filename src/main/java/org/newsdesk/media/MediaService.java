package org.newsdesk.media;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.platform.Phrase;

/**
 * The media library: takes in photos (checking them and making their variants), finds, describes and
 * deletes them, and tells the media servlet where a photo's bytes are. Staff call it through the desk;
 * every method that changes or lists the library checks the caller's role itself.
 */
@Stateless
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class.getName());

    public static final int PAGE_SIZE = 24;
    /** About 8,000 × 6,000: every camera photo, and still within the heap once decoded. */
    static final long MAX_PIXELS = 50_000_000L;
    /** Decoding a photo takes about 4 bytes a pixel: at most two at once, so a burst of uploads cannot exhaust the heap. */
    private static final Semaphore DARKROOM = new Semaphore(2, true);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhotoUses photoUses;

    @Inject
    private MediaConfig mediaConfig;

    @Inject
    private Event<PhotoChanged> changes;

    @Inject
    private ImageStore store;

    @Inject
    private AccountService accounts;

    @Inject
    private AuditLog audit;

    @Resource
    private SessionContext session;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The uploaded photo, uploaded by the signed-in caller; the same bytes again give the photo already there. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Photo upload(String originalFilename, byte[] bytes) {
        return receive(originalFilename, bytes).photo();
    }

    /** As {@link #upload}, telling also whether the library already had the photo. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Upload receive(String originalFilename, byte[] bytes) {
        return take(bytes, originalFilename, accounts.currentUser());
    }

    /** For jobs that run without a signed-in caller (the demo content, imports) on behalf of a named user. */
    @PermitAll
    public Photo add(byte[] bytes, String originalFilename, User uploadedBy) {
        return take(bytes, originalFilename, uploadedBy).photo();
    }

    /**
     * Refuses a file of this size before anyone reads it into memory: the desk calls this with the size
     * the browser sent, and {@link #upload} calls it again with the bytes it was given.
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void checkUploadSize(long sizeBytes) {
        refuseSize(sizeBytes);
    }

    @PermitAll
    public int maxUploadMegabytes() {
        return mediaConfig.maxUploadMb();
    }

    private void refuseSize(long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new UnsupportedImageException(Phrase.of("media.refused.empty"));
        }
        int maxUploadMb = mediaConfig.maxUploadMb();
        if (sizeBytes > maxUploadMb * 1024L * 1024L) {
            throw new UnsupportedImageException(Phrase.of("media.refused.tooBig", sizeBytes / (1024.0 * 1024.0), maxUploadMb));
        }
    }

    private Upload take(byte[] bytes, String originalFilename, User uploadedBy) {
        refuseSize(bytes == null ? 0 : bytes.length);
        String sha256 = ImageStore.sha256(bytes);
        Optional<Photo> same = em.createNamedQuery("Photo.findBySha256", Photo.class)
                .setParameter("sha256", sha256).getResultStream().findFirst();
        if (same.isPresent()) {
            return new Upload(same.get(), true);
        }
        long started = System.nanoTime();
        DevelopedPhoto developed;
        enterDarkroom();
        try {
            developed = DevelopedPhoto.develop(bytes, MAX_PIXELS);
        } finally {
            DARKROOM.release();
        }
        DecodedImage decoded = developed.decoded();
        byte[] original = developed.original();
        String key = ImageStore.originalKey(sha256, decoded.type());
        Photo photo = new Photo(new StoredImage(key, decoded.type().mimeType(), decoded.width(), decoded.height(),
                original.length, sha256), cleanFilename(originalFilename, decoded.type()), uploadedBy,
                Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(key, original);
        for (EncodedVariant variant : developed.variants()) {
            String variantKey = ImageStore.variantKey(sha256, variant.size(), variant.type());
            files.put(variantKey, variant.bytes());
            photo.addVariant(variant.size(), variantKey, variant.type().mimeType(), variant.width(), variant.height(),
                    variant.bytes().length);
        }
        keepAll(files);
        em.persist(photo);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        audit.recordAs(uploadedBy == null ? "system" : uploadedBy.getUsername(), "photo.uploaded", "photo", photo.getId(),
                photo.getOriginalFilename());
        LOG.info(() -> String.format(Locale.ROOT, "Photo %d (%s, %d×%d, %,d bytes) and its variants made in %d ms",
                photo.getId(), photo.getFormat(), photo.getWidth(), photo.getHeight(), original.length, millis));
        return new Upload(photo, false);
    }

    /**
     * Writes the original and its variants, all or none: when one cannot be written (a full disk), those
     * written already are removed and the uploader is told; when the transaction that records the photo
     * does not commit, they are removed too. Files that were there before (the same photo, uploaded
     * earlier) are never touched.
     */
    private void keepAll(Map<String, byte[]> files) {
        List<String> written = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (store.keep(file.getKey(), file.getValue())) {
                    written.add(file.getKey());
                }
            }
        } catch (UncheckedIOException e) {
            store.discard(written);
            if (ImageStore.diskFull(e)) {
                LOG.severe(() -> "The media directory " + mediaConfig.directory() + " is full: an upload was refused");
                throw new MediaException("file", Phrase.of("media.refused.diskFull"));
            }
            LOG.severe(() -> "Could not store an upload in " + mediaConfig.directory() + ": " + e.getMessage());
            throw new MediaException("file", Phrase.of("media.refused.notStored"));
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    store.discard(written);
                }
            }
        });
    }

    private static void enterDarkroom() {
        try {
            if (!DARKROOM.tryAcquire(2, TimeUnit.MINUTES)) {
                throw new MediaException("file", Phrase.of("media.refused.busy"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("file", Phrase.of("media.refused.interrupted"));
        }
    }

    /** The name as the uploader's computer had it, without any folder, and never empty. */
    static String cleanFilename(String given, ImageType type) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "photo." + type.extension();
        }
        return name.length() > 255 ? name.substring(0, name.offsetByCodePoints(0, 200)) : name;
    }

    /** The photo with its uploader and variants, or null when there is no such photo. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Photo find(long id) {
        return em.createNamedQuery("Photo.findWithDetails", Photo.class).setParameter("id", id)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * One page (the first is 1) of photos whose file name, alt text, default caption or default credit
     * contains the query, newest first; every photo for a blank query.
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<Photo> search(String query, int page) {
        return searchQuery("select p from Photo p", query, " order by p.uploadedAt desc, p.id desc", Photo.class)
                .setFirstResult((Math.max(page, 1) - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
    }

    /** How many photos {@link #search} finds in all its pages. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public long count(String query) {
        return searchQuery("select count(p) from Photo p", query, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> searchQuery(String select, String query, String order, Class<T> type) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty()) {
            return em.createQuery(select + order, type);
        }
        if (words.length() > 200) {
            words = words.substring(0, 200);
        }
        // The columns' collation already ignores case; ! escapes LIKE's wildcards in what was typed.
        String pattern = "%" + words.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return em.createQuery(select + " where p.originalFilename like :pattern escape '!'"
                        + " or p.altText like :pattern escape '!' or p.defaultCaption like :pattern escape '!'"
                        + " or p.defaultCredit like :pattern escape '!'" + order, type)
                .setParameter("pattern", pattern);
    }

    /** Sets what the library says about a photo; blank means none. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void update(long id, String altText, String defaultCaption, String defaultCredit) {
        Photo photo = existing(id);
        photo.setAltText(checked("altText", altText, Photo.MAX_ALT_TEXT, "alt text"));
        photo.setDefaultCaption(checked("caption", defaultCaption, Photo.MAX_CAPTION, "caption"));
        photo.setDefaultCredit(checked("credit", defaultCredit, Photo.MAX_CREDIT, "credit"));
        audit.record("photo.updated", "photo", id, (String) null);
        changes.fire(new PhotoChanged(id));
    }

    private static String checked(String field, String value, int max, String what) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new MediaException(field, Phrase.of("media.refused.tooLong." + field, max));
        }
        return text;
    }

    /** The posts whose excerpts show this photo. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<PhotoUse> uses(long id) {
        return photoUses.uses(id);
    }

    /**
     * Deletes a photo and its files. Refused while a published or scheduled post shows it (readers would
     * find a hole); drafts, posts in review and unpublished posts simply lose it. Writers may delete only
     * the photos they uploaded.
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void delete(long id) {
        Photo photo = existing(id);
        User me = accounts.currentUser();
        if (!me.isEditor() && (photo.getUploadedBy() == null || !photo.getUploadedBy().getId().equals(me.getId()))) {
            throw new MediaException(null, Phrase.of("media.refused.notYours"));
        }
        Optional<PhotoUse> shown = uses(id).stream().filter(PhotoUse::isPublic).findFirst();
        if (shown.isPresent()) {
            PhotoUse use = shown.get();
            throw new MediaInUseException(Phrase.of("SCHEDULED".equals(use.status()) ? "media.refused.inScheduled" : "media.refused.inPublished",
                    use.headline()));
        }
        int unhooked = photoUses.removeFromUnpublished(id);
        List<String> files = photo.storageKeys();
        em.remove(photo);
        em.flush();
        // The files go only once the row is gone for good: a rolled-back delete must still find them.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    store.discard(files);
                }
            }
        });
        audit.record("photo.deleted", "photo", id, photo.getOriginalFilename()
                + (unhooked > 0 ? "; taken out of " + unhooked + " unpublished excerpt(s)" : ""));
    }

    private Photo existing(long id) {
        Photo photo = em.find(Photo.class, id);
        if (photo == null) {
            throw new MediaException(null, Phrase.of("media.refused.gone"));
        }
        return photo;
    }

    /**
     * The file to send for a photo's variant ({@code thumbnail}, {@code medium}, {@code large} or
     * {@code original}), found by the photo's public key: the original where the variant has not been
     * made (photos from before variants existed). Readers get only the variants of photos a published
     * post shows, never the original (it is the newsroom's, not the readers'); staff get everything.
     * Empty when there is no such photo or variant name, or the caller may not see it: the servlet
     * cannot tell a hidden photo from a missing one, so neither can a reader.
     */
    @PermitAll
    public Optional<MediaFile> file(String publicKey, String variant) {
        Optional<VariantSize> size = VariantSize.named(variant);
        if (size.isEmpty() && !"original".equals(variant)) {
            return Optional.empty();
        }
        Optional<Photo> found = em.createNamedQuery("Photo.findByPublicKey", Photo.class)
                .setParameter("publicKey", publicKey).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Photo photo = found.get();
        boolean readersMaySee = size.isPresent() && photoUses.shownToReaders(photo.getId());
        if (!readersMaySee && !isStaff()) {
            return Optional.empty();
        }
        if (size.isPresent()) {
            PhotoVariant made = em.find(PhotoVariant.class, new PhotoVariant.Key(photo.getId(), variant));
            if (made != null) {
                Path path = store.resolve(made.getStorageKey());
                if (Files.isReadable(path)) {
                    return Optional.of(new MediaFile(path, made.getMimeType(), readersMaySee));
                }
            }
        }
        return Optional.of(new MediaFile(store.resolve(photo.getStorageKey()), photo.getMimeType(), readersMaySee));
    }

    private boolean isStaff() {
        return session.isCallerInRole(Role.WRITER_NAME) || session.isCallerInRole(Role.EDITOR_NAME)
                || session.isCallerInRole(Role.ADMIN_NAME);
    }

    /** {@code forReaders}: anyone may be sent these bytes, so caches may share them. */
    public record MediaFile(Path path, String mimeType, boolean forReaders) {
    }
}
