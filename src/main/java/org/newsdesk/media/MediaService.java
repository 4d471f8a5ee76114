package org.newsdesk.media;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.newsdesk.account.User;

/** Takes in photos and tells the media servlet where a photo's bytes are. */
@Stateless
public class MediaService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ImageStore store;

    public Photo add(byte[] bytes, String originalFilename, User uploadedBy) {
        StoredImage image = store.store(bytes);
        Photo photo = new Photo(image, originalFilename, uploadedBy, Instant.now(Clock.systemUTC()));
        em.persist(photo);
        return photo;
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
