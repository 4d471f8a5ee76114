package org.newsdesk.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries about posts for the desk and the scheduler; callers bring the transaction. */
@ApplicationScoped
public class PostRepository {

    public static final int DESK_PAGE_SIZE = 25;

    @PersistenceContext
    private EntityManager em;

    public Optional<Post> find(long id) {
        return Optional.ofNullable(em.find(Post.class, id));
    }

    /** The post, locked until the transaction ends, so concurrent saves and publications take turns. */
    public Optional<Post> findForUpdate(long id) {
        return Optional.ofNullable(em.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean slugTaken(String slug, Long exceptPostId) {
        return !em.createQuery("select p.id from Post p where p.slug = :slug and p.id <> :except", Long.class)
                .setParameter("slug", slug)
                .setParameter("except", exceptPostId == null ? -1L : exceptPostId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public List<Long> dueScheduledIds(Instant now) {
        return em.createQuery("select p.id from Post p where p.status = :status and p.publishAt <= :now order by p.publishAt, p.id", Long.class)
                .setParameter("status", PostStatus.SCHEDULED)
                .setParameter("now", now)
                .getResultList();
    }

    public List<Object[]> scheduled() {
        return em.createQuery("select p.id, p.publishAt from Post p where p.status = :status", Object[].class)
                .setParameter("status", PostStatus.SCHEDULED)
                .getResultList();
    }

    public DeskPage desk(DeskFilter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.sentBack()) {
            where.append(" and p.status = org.newsdesk.post.PostStatus.DRAFT and p.reviewNote is not null");
        } else if (filter.status() != null) {
            where.append(" and p.status = :status");
        }
        if (filter.authorId() != null) {
            where.append(" and p.author.id = :author");
        }
        if (filter.sectionId() != null) {
            where.append(" and p.section.id = :section");
        }
        boolean search = filter.headline() != null && !filter.headline().isBlank();
        if (search) {
            where.append(" and lower(p.headline) like :headline");
        }
        TypedQuery<Post> query = em.createQuery("select p from Post p left join fetch p.author left join fetch p.section"
                + where + " order by p.updatedAt desc, p.id desc", Post.class);
        bind(query, filter, search);
        int page = Math.max(1, filter.page());
        List<Post> posts = new ArrayList<>(query.setFirstResult((page - 1) * DESK_PAGE_SIZE)
                .setMaxResults(DESK_PAGE_SIZE + 1).getResultList());
        boolean hasNext = posts.size() > DESK_PAGE_SIZE;
        if (hasNext) {
            posts.remove(posts.size() - 1);
        }
        Map<PostStatus, Long> counts = new EnumMap<>(PostStatus.class);
        long sentBack = 0;
        // count(p.reviewNote) counts the posts with a note: among drafts, the ones sent back (a note is never blank).
        for (Object[] row : em.createQuery("select p.status, count(p), count(p.reviewNote) from Post p group by p.status",
                Object[].class).getResultList()) {
            counts.put((PostStatus) row[0], (Long) row[1]);
            if (row[0] == PostStatus.DRAFT) {
                sentBack = (Long) row[2];
            }
        }
        return new DeskPage(posts, page, hasNext, counts, sentBack);
    }

    /**
     * The drafts an editor sent back to the writer signed in as {@code username} ({@link Post#isSentBack()}), the
     * most recently changed first, at most {@code limit}.
     */
    public List<Post> sentBackTo(String username, int limit) {
        return em.createQuery("select p from Post p where p.author.username = :username"
                        + " and p.status = org.newsdesk.post.PostStatus.DRAFT and p.reviewNote is not null"
                        + " order by p.updatedAt desc, p.id desc", Post.class)
                .setParameter("username", username)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Posts waiting for an editor's review, with their writers, the longest waiting first, at most {@code limit}. */
    public List<Post> inReview(int limit) {
        return em.createQuery("select p from Post p left join fetch p.author"
                        + " where p.status = org.newsdesk.post.PostStatus.IN_REVIEW order by p.submittedAt, p.id", Post.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Posts scheduled to publish from {@code from} until before {@code until}, soonest first, at most {@code limit}. */
    public List<Post> scheduledBetween(Instant from, Instant until, int limit) {
        return em.createQuery("select p from Post p left join fetch p.author where p.status = :status"
                        + " and p.publishAt >= :from and p.publishAt < :until order by p.publishAt, p.id", Post.class)
                .setParameter("status", PostStatus.SCHEDULED)
                .setParameter("from", from)
                .setParameter("until", until)
                .setMaxResults(limit)
                .getResultList();
    }

    private static void bind(TypedQuery<?> query, DeskFilter filter, boolean search) {
        if (filter.status() != null && !filter.sentBack()) {
            query.setParameter("status", filter.status());
        }
        if (filter.authorId() != null) {
            query.setParameter("author", filter.authorId());
        }
        if (filter.sectionId() != null) {
            query.setParameter("section", filter.sectionId());
        }
        if (search) {
            query.setParameter("headline", "%" + filter.headline().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    public List<Section> sections() {
        return em.createNamedQuery("Section.inOrder", Section.class).getResultList();
    }

    public Section sectionNamed(String name) {
        String slug = Slugs.of(name);
        return em.createNamedQuery("Section.findBySlug", Section.class).setParameter("slug", slug)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Section section = new Section(name.strip());
                    Integer last = em.createQuery("select max(s.position) from Section s", Integer.class).getSingleResult();
                    section.placeAt(last == null ? 1 : last + 1);
                    em.persist(section);
                    return section;
                });
    }

    public Tag tagNamed(String name) {
        String slug = Slugs.of(name);
        return em.createNamedQuery("Tag.findBySlug", Tag.class).setParameter("slug", slug)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Tag tag = new Tag(name.strip());
                    em.persist(tag);
                    return tag;
                });
    }

    public List<PostRevision> revisions(long postId) {
        return em.createNamedQuery("PostRevision.findByPost", PostRevision.class).setParameter("postId", postId).getResultList();
    }

    public int lastRevisionNumber(long postId) {
        return em.createNamedQuery("PostRevision.lastNumber", Integer.class).setParameter("postId", postId).getSingleResult();
    }

    public void add(Object entity) {
        em.persist(entity);
    }
}
