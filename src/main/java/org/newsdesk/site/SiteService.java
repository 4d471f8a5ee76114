package org.newsdesk.site;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.ServletContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.newsdesk.comment.CommentCounts;
import org.newsdesk.media.Photo;
import org.newsdesk.media.VariantSize;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.ExcerptMarkup;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;

/** Reads what readers may see: published posts only, fully loaded for rendering. */
@Stateless
public class SiteService {

    public static final int PAGE_SIZE = 10;
    private static final int TEASER_WORDS = 45;

    /** A post with what its page or a feed shows, in one statement; {@link #loadWhole} reads the rest. */
    private static final String WHOLE_POST = " from Post p left join fetch p.excerpts e left join fetch e.outlet"
            + " left join fetch e.photo left join fetch p.section left join fetch p.author";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CommentCounts commentCounts;

    /** For the addresses in a card's srcset, which a page cannot prefix entry by entry. */
    @Inject
    private ServletContext servletContext;

    public FrontPage frontPage(int page) {
        return listing(em.createNamedQuery("Post.findPublishedIds", Long.class), page);
    }

    /** Published posts of one section, newest first; empty if there is no such section. */
    public Optional<Listing> sectionPage(String slug, int page) {
        return em.createNamedQuery("Section.findBySlug", Section.class).setParameter("slug", slug)
                .getResultStream().findFirst()
                .map(section -> new Listing(section.getName(), section.getDescription(), "section:" + section.getSlug(),
                        listing(publishedIds(section), page)));
    }

    /** Published posts with one tag, newest first; empty if there is no such tag. */
    public Optional<Listing> tagPage(String slug, int page) {
        return em.createNamedQuery("Tag.findBySlug", Tag.class).setParameter("slug", slug)
                .getResultStream().findFirst()
                .map(tag -> new Listing(tag.getName(), tag.getDescription(), "tag:" + tag.getSlug(), listing(publishedIds(tag), page)));
    }

    /** The ids of a section's published posts, newest first: its page and its feed. */
    private Query publishedIds(Section section) {
        return em.createQuery("select p.id from Post p where p.status = :status and p.section = :section"
                        + " order by p.publishedAt desc, p.id desc", Long.class)
                .setParameter("status", PostStatus.PUBLISHED).setParameter("section", section);
    }

    /** The ids of a tag's published posts, newest first: its page and its feed. */
    private Query publishedIds(Tag tag) {
        return em.createQuery("select p.id from Post p join p.tags t where p.status = :status and t = :tag"
                        + " order by p.publishedAt desc, p.id desc", Long.class)
                .setParameter("status", PostStatus.PUBLISHED).setParameter("tag", tag);
    }

    /**
     * Published posts whose headline, deks or paragraphs hold every word of the query (word prefixes
     * count: "militia" finds "militias"), newest first.
     */
    public FrontPage search(String query, int page) {
        String words = SearchWords.booleanQuery(query);
        if (words.isEmpty()) {
            return new FrontPage(List.of(), 1, false);
        }
        Query ids = em.createNativeQuery(
                "select p.id from post p where p.status = 'PUBLISHED' and (match(p.headline) against (?1 in boolean mode)"
                        + " or exists (select 1 from excerpt e where e.post_id = p.id and match(e.dek, e.body) against (?1 in boolean mode)))"
                        + " order by p.published_at desc, p.id desc")
                .setParameter(1, words);
        return listing(ids, page);
    }

    /** A post as the sitemaps list it. */
    public record SitemapEntry(String slug, String headline, Instant publishedAt, Instant updatedAt) {
    }

    /** Published posts, newest first, with their last change: for the post sitemap. */
    public List<SitemapEntry> sitemapEntries(int max) {
        return em.createQuery("select new org.newsdesk.site.SiteService$SitemapEntry(p.slug, p.headline, p.publishedAt, p.updatedAt)"
                        + " from Post p where p.status = :status order by p.publishedAt desc, p.id desc", SitemapEntry.class)
                .setParameter("status", PostStatus.PUBLISHED).setMaxResults(max).getResultList();
    }

    /** Posts published since {@code since}, newest first: for the Google News sitemap. */
    public List<SitemapEntry> publishedSince(Instant since, int max) {
        return em.createQuery("select new org.newsdesk.site.SiteService$SitemapEntry(p.slug, p.headline, p.publishedAt, p.updatedAt)"
                        + " from Post p where p.status = :status and p.publishedAt >= :since order by p.publishedAt desc, p.id desc",
                        SitemapEntry.class)
                .setParameter("status", PostStatus.PUBLISHED).setParameter("since", since).setMaxResults(max).getResultList();
    }

    /** A listing page's path ({@code /section/world}) and the last change to a published post in it. */
    public record ListingChange(String path, Instant updatedAt) {
    }

    /** Sections and tags with at least one published post, and that post's time: for the listing sitemap. */
    public List<ListingChange> listingsWithPosts() {
        List<ListingChange> listings = new ArrayList<>();
        em.createQuery("select s.slug, max(p.updatedAt) from Post p join p.section s where p.status = :status group by s.slug"
                        + " order by s.slug", Object[].class)
                .setParameter("status", PostStatus.PUBLISHED).getResultStream()
                .forEach(row -> listings.add(new ListingChange("/section/" + row[0], (Instant) row[1])));
        em.createQuery("select t.slug, max(p.updatedAt) from Post p join p.tags t where p.status = :status group by t.slug"
                        + " order by t.slug", Object[].class)
                .setParameter("status", PostStatus.PUBLISHED).getResultStream()
                .forEach(row -> listings.add(new ListingChange("/tag/" + row[0], (Instant) row[1])));
        return listings;
    }

    /** The newest change to any published post: the front page's last change, for the sitemaps. */
    public Optional<Instant> lastPublishedChange() {
        return Optional.ofNullable(em.createQuery("select max(p.updatedAt) from Post p where p.status = :status", Instant.class)
                .setParameter("status", PostStatus.PUBLISHED).getSingleResult());
    }

    /**
     * A feed: the site's ({@code kind} null), a section's or a tag's, by slug; empty if there is no such
     * section or tag. Its {@link Feed#updated()} is the last change to a post that is or has been in it,
     * so an edit and an unpublish move it as a publish does.
     */
    public Optional<Feed> feed(String kind, String slug, SiteIdentity site) {
        if (kind == null) {
            return Optional.of(feed(site.name(), site.tagline(), "/", "/feed",
                    em.createNamedQuery("Post.findPublishedIds", Long.class),
                    em.createQuery("select max(p.updatedAt) from Post p where p.publishedAt is not null", Instant.class)));
        }
        if (kind.equals("section")) {
            return em.createNamedQuery("Section.findBySlug", Section.class).setParameter("slug", slug).getResultStream().findFirst()
                    .map(section -> feed(site.name() + ": " + section.getName(), nullToEmpty(section.getDescription()),
                            "/section/" + section.getSlug(), "/feed/section/" + section.getSlug(), publishedIds(section),
                            em.createQuery("select max(p.updatedAt) from Post p where p.publishedAt is not null and p.section = :section",
                                    Instant.class).setParameter("section", section)));
        }
        if (kind.equals("tag")) {
            return em.createNamedQuery("Tag.findBySlug", Tag.class).setParameter("slug", slug).getResultStream().findFirst()
                    .map(tag -> feed(site.name() + ": " + tag.getName(), nullToEmpty(tag.getDescription()),
                            "/tag/" + tag.getSlug(), "/feed/tag/" + tag.getSlug(), publishedIds(tag),
                            em.createQuery("select max(p.updatedAt) from Post p join p.tags t where p.publishedAt is not null and t = :tag",
                                    Instant.class).setParameter("tag", tag)));
        }
        return Optional.empty();
    }

    private Feed feed(String title, String description, String pagePath, String feedPath, Query ids, TypedQuery<Instant> lastChange) {
        List<Long> shown = ((List<?>) ids.setMaxResults(Feed.ITEMS).getResultList()).stream()
                .map(id -> ((Number) id).longValue()).toList();
        Instant updated = lastChange.getSingleResult();
        return new Feed(title, description, pagePath, feedPath, wholePosts(shown), updated == null ? Instant.EPOCH : updated);
    }

    /** Published posts by id, in that order, with everything a post page or a feed shows. */
    private List<Post> wholePosts(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Post> posts = new ArrayList<>(em.createQuery("select distinct p" + WHOLE_POST + " where p.id in :ids and p.status = :status",
                        Post.class)
                .setParameter("ids", ids).setParameter("status", PostStatus.PUBLISHED).getResultList());
        posts.sort(Comparator.comparingInt(p -> ids.indexOf(p.getId())));
        posts.forEach(SiteService::loadWhole);
        return posts;
    }

    /** What a post page or a feed reads of a post beyond the query's joins: its tags and related links. */
    private static void loadWhole(Post post) {
        Hibernate.initialize(post.getTags());
        post.getExcerpts().forEach(excerpt -> Hibernate.initialize(excerpt.getRelatedLinks()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A titled list of posts: a section's or a tag's, {@code place} naming it as {@link org.newsdesk.post.PostChanged} does. */
    public record Listing(String title, String description, String place, FrontPage page) {
    }

    private FrontPage listing(Query publishedIds, int page) {
        return listing(publishedIds, page, PAGE_SIZE);
    }

    /** A page of post cards from a query of published post ids in the order to show them. */
    private FrontPage listing(Query publishedIds, int page, int pageSize) {
        int current = Math.max(1, page);
        List<Long> ids = ((List<?>) publishedIds
                .setFirstResult((current - 1) * pageSize)
                .setMaxResults(pageSize + 1)
                .getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        boolean hasNext = ids.size() > pageSize;
        List<Long> shown = hasNext ? ids.subList(0, pageSize) : ids;
        if (shown.isEmpty()) {
            return new FrontPage(List.of(), current, false);
        }
        List<Post> posts = em.createQuery("select distinct p from Post p left join fetch p.excerpts e"
                        + " left join fetch e.outlet left join fetch e.photo left join fetch p.section where p.id in :ids", Post.class)
                .setParameter("ids", shown)
                .getResultList();
        posts.sort(Comparator.comparingInt(p -> shown.indexOf(p.getId())));
        Map<Long, Long> counts = commentCounts.shown(shown);
        List<PostSummary> summaries = new ArrayList<>();
        for (Post post : posts) {
            Excerpt lead = post.getLeadExcerpt();
            Photo photo = lead == null ? null : lead.getPhoto();
            int[] cardSize = photo == null ? new int[] {0, 0} : photo.sizeAt(VariantSize.MEDIUM);
            summaries.add(new PostSummary(post.getId(), post.getSlug(), post.getHeadline(), post.getPublishedAt(),
                    post.getUpdatedAt(), post.getSection() == null ? null : post.getSection().getName(),
                    lead == null || lead.getPhoto() == null ? null : lead.getPhoto().getPublicKey(),
                    photo == null ? null : lead.getAltText(),
                    post.getExcerpts().stream().filter(e -> e.getOutlet() != null)
                            .map(e -> e.getOutlet().getName()).distinct().toList(),
                    teaser(lead), counts.getOrDefault(post.getId(), 0L),
                    lead == null || lead.getPhoto() == null ? null : lead.getPhoto().getId(),
                    post.getExcerpts().stream().filter(e -> e.getOutlet() != null)
                            .map(e -> e.getOutlet().getId()).distinct().toList(),
                    photo == null ? null : photo.srcset(servletContext.getContextPath()), cardSize[0], cardSize[1]));
        }
        return new FrontPage(summaries, current, hasNext);
    }

    /** A published post with everything its page shows, or empty if there is none by that slug. */
    public Optional<Post> publishedPost(String slug) {
        Optional<Post> found = em.createQuery("select p" + WHOLE_POST + " where p.slug = :slug and p.status = :status", Post.class)
                .setParameter("slug", slug)
                .setParameter("status", PostStatus.PUBLISHED)
                .getResultStream().findFirst();
        found.ifPresent(SiteService::loadWhole);
        return found;
    }

    private static String teaser(Excerpt lead) {
        if (lead == null) {
            return "";
        }
        String text = lead.getDek() != null && !lead.getDek().isBlank() ? lead.getDek() : ExcerptMarkup.toPlainText(lead.getBody());
        String[] words = text.strip().split("\\s+");
        return words.length <= TEASER_WORDS ? text.strip() : String.join(" ", List.of(words).subList(0, TEASER_WORDS)) + "…";
    }
}
