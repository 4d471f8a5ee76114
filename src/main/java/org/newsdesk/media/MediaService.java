package org.newsdesk.media;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Takes in photos and tells the media servlet where a photo's bytes are. */
@Stateless
public class MediaService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ImageStore store;

    @Inject
    private AccountService accounts;

    public Photo add(byte[] bytes, String originalFilename, User uploadedBy) {
        StoredImage image = store.store(bytes);
        // The same bytes uploaded again are the same photo: keep one, with its caption and credit.
        Photo existing = em.createQuery("select p from Photo p where p.storageKey = :key", Photo.class)
                .setParameter("key", image.storageKey()).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Photo photo = new Photo(image, originalFilename, uploadedBy, Instant.now(Clock.systemUTC()));
        em.persist(photo);
        return photo;
    }

    /**
     * A photo uploaded from the desk by the signed-in member of staff. Refuses anything that is not a
     * JPEG, PNG or WebP image with {@link UnsupportedImageException}, whose message is for the uploader.
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Photo upload(String originalFilename, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnsupportedImageException("This file is empty.");
        }
        return add(bytes, originalFilename, accounts.currentUser());
    }

    public Photo find(long id) {
        return em.find(Photo.class, id);
    }

    /** Recent photos, newest first, for picking one from the library. */
    public List<Photo> recent(int max) {
        return em.createQuery("select p from Photo p order by p.uploadedAt desc, p.id desc", Photo.class)
                .setMaxResults(max).getResultList();
    }

    /** The file to send for a photo, or empty when there is no such photo. */
    public Optional<MediaFile> file(long photoId, String variant) {
        Photo photo = em.find(Photo.class, photoId);
        if (photo == null) {
            return Optional.empty();
        }
        Path path = store.resolve(photo.getStorageKey());
        return Optional.of(new MediaFile(path, photo.getMimeType()));
    }

    public record MediaFile(Path path, String mimeType) {
    }
}
