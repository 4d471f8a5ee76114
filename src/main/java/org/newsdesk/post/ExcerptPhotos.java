package org.newsdesk.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.newsdesk.media.PhotoUse;
import org.newsdesk.media.PhotoUses;

/** The photos that excerpts show, answered for the media library (in the caller's transaction). */
@ApplicationScoped
public class ExcerptPhotos implements PhotoUses {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<PhotoUse> uses(long photoId) {
        return em.createQuery("select p.id, p.headline, p.status from Excerpt e join e.post p"
                        + " where e.photo.id = :id order by p.id", Object[].class)
                .setParameter("id", photoId).getResultStream()
                .map(row -> new PhotoUse(((Number) row[0]).longValue(), (String) row[1], String.valueOf(row[2])))
                .toList();
    }

    @Override
    public boolean shownToReaders(long photoId) {
        return em.createQuery("select count(e) from Excerpt e where e.photo.id = :id and e.post.status = :published", Long.class)
                .setParameter("id", photoId).setParameter("published", PostStatus.PUBLISHED).getSingleResult() > 0;
    }

    @Override
    public int removeFromUnpublished(long photoId) {
        return em.createNativeQuery("update excerpt set photo_id = null where photo_id = ?1 and post_id in"
                        + " (select id from post where status not in ('PUBLISHED', 'SCHEDULED'))")
                .setParameter(1, photoId).executeUpdate();
    }
}
