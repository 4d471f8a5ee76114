package org.newsdesk.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.post.PostStatus;

/**
 * The desk's inbox: the feeds' articles grouped by story, newest story first, with each person's read and
 * starred marks, dismissed stories, keyword watches, and writers' nominations with editors' decisions. Every
 * list is bounded (a page of stories, a story's articles) and served by an index, whatever the inbox holds.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
public class Inbox {

    /** Stories on one page of the inbox. */
    public static final int STORIES_PER_PAGE = 25;
    /** The most articles shown under one story; the count says how many it has. */
    public static final int ARTICLES_PER_STORY = 12;
    /** The most keyword watches one person keeps. */
    public static final int MAX_WATCHES = 20;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AccountService accounts;

    @Inject
    private AuditLog audit;

    /**
     * What the inbox shows; each part may be null (or false) for "any". {@code before}: the page after the story
     * of that time and id ({@link Page#next()}), so that stories of one second are neither repeated nor skipped.
     */
    public record Filter(Long outletId, String section, String language, String words, Long watchId, boolean unreadOnly,
                         boolean starredOnly, boolean dismissed, Instant before, Long beforeId) {

        boolean onArticles() {
            return outletId != null || section != null || language != null || words != null || watchId != null || unreadOnly || starredOnly;
        }
    }

    /** An article as one person sees it: read, starred, quoted (by whom, in which post), nominated. */
    public record Article(InboxItem item, boolean read, boolean starred, String quotedBy, String quotedIn, Nomination nomination) {
    }

    /** A nomination as the inbox shows it. */
    public record Nomination(long id, NominationStatus status, String note, String by, String decisionNote, String decidedBy, Long postId) {
    }

    /** A story: its articles (newest first, at most {@link #ARTICLES_PER_STORY}), outlets, and the post covering it. */
    public record Story(InboxStory story, List<Article> articles, List<String> outlets, Long coveredPostId, String coveredHeadline,
                        PostStatus coveredStatus, boolean dismissed) {

        /** The outlets as the card names them: "Times, Wire and Harbour". */
        public String outletNames() {
            if (outlets.size() < 2) {
                return String.join("", outlets);
            }
            return String.join(", ", outlets.subList(0, outlets.size() - 1)) + " and " + outlets.get(outlets.size() - 1);
        }

        public int unread() {
            return (int) articles.stream().filter(a -> !a.read()).count();
        }
    }

    /** A page of stories, and where the next page starts (null on the last): the last story's time and id. */
    public record Page(List<Story> stories, Instant next, Long nextId) {

        /** The next page's {@code before} parameter: {@code 2026-12-07T08:00:00Z_123}. */
        public String getNextToken() {
            return next == null ? null : next + "_" + nextId;
        }
    }

    /** A watch with the articles it matched since its owner last looked. */
    public record Watch(long id, String words, int newHits) {
    }

    public Page page(Filter filter) {
        long me = me();
        Instant before = filter.before() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.before();
        long beforeId = filter.before() == null || filter.beforeId() == null ? Long.MAX_VALUE : filter.beforeId();
        List<Long> storyIds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String dismissal = (filter.dismissed() ? "" : "not ") + "exists (select 1 from inbox_dismissal d where d.story_id = %s and d.user_id = ?1)";
        if (!filter.onArticles()) {
            List<Object[]> rows = em.createNativeQuery("select s.id, s.latest_at from inbox_story s where (s.latest_at < ?2 or s.latest_at = ?2 and s.id < ?3) and "
                            + dismissal.formatted("s.id") + " order by s.latest_at desc, s.id desc", Object[].class)
                    .setParameter(1, me).setParameter(2, before).setParameter(3, beforeId).setMaxResults(STORIES_PER_PAGE + 1).getResultList();
            rows.forEach(row -> {
                storyIds.add(((Number) row[0]).longValue());
                times.add(instant(row[1]));
            });
        } else {
            StringBuilder sql = new StringBuilder("select i.story_id, max(i.listed_at) latest from inbox_item i where i.story_id is not null and "
                    + dismissal.formatted("i.story_id"));
            Map<Integer, Object> parameters = new HashMap<>();
            parameters.put(1, me);
            parameters.put(2, before);
            parameters.put(3, beforeId);
            int next = 4;
            if (filter.outletId() != null) {
                sql.append(" and i.outlet_id = ?").append(next);
                parameters.put(next++, filter.outletId());
            }
            if (filter.section() != null) {
                sql.append(" and i.section = ?").append(next);
                parameters.put(next++, filter.section());
            }
            if (filter.language() != null) {
                sql.append(" and (i.language = ?").append(next).append(" or i.language like ?").append(next + 1).append(")");
                parameters.put(next++, filter.language());
                parameters.put(next++, filter.language() + "-%");
            }
            if (filter.words() != null) {
                // Words of three letters or more through the full-text index, every one required; shorter ones ("US",
                // "UN"), which the index leaves out, as parts of the text.
                StringBuilder indexed = new StringBuilder();
                for (String plain : filter.words().replaceAll("[+\\-<>()~*\"@'.,;:!?]", " ").strip().split("\\s+")) {
                    if (plain.codePointCount(0, plain.length()) >= 3) {
                        // A word and its longer forms: "militia" finds "militias".
                        indexed.append(indexed.length() == 0 ? "" : " ").append('+').append(plain).append('*');
                    } else if (!plain.isEmpty()) {
                        String like = "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                        sql.append(" and (i.title like ?").append(next).append(" or i.summary like ?").append(next).append(")");
                        parameters.put(next++, like);
                    }
                }
                if (indexed.length() > 0) {
                    sql.append(" and match(i.title, i.summary) against (?").append(next).append(" in boolean mode)");
                    parameters.put(next++, indexed.toString());
                }
            }
            if (filter.watchId() != null) {
                sql.append(" and exists (select 1 from inbox_watch_hit h join inbox_watch w on w.id = h.watch_id where h.item_id = i.id and w.id = ?")
                        .append(next).append(" and w.user_id = ?1)");
                parameters.put(next++, filter.watchId());
            }
            if (filter.unreadOnly()) {
                sql.append(" and not exists (select 1 from inbox_mark m where m.item_id = i.id and m.user_id = ?1 and m.read_at is not null)");
            }
            if (filter.starredOnly()) {
                sql.append(" and exists (select 1 from inbox_mark m where m.item_id = i.id and m.user_id = ?1 and m.starred_at is not null)");
            }
            sql.append(" group by i.story_id having latest < ?2 or latest = ?2 and i.story_id < ?3 order by latest desc, i.story_id desc");
            Query query = em.createNativeQuery(sql.toString(), Object[].class);
            parameters.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.setMaxResults(STORIES_PER_PAGE + 1).getResultList();
            rows.forEach(row -> {
                storyIds.add(((Number) row[0]).longValue());
                times.add(instant(row[1]));
            });
        }
        Instant nextPage = null;
        Long nextId = null;
        if (storyIds.size() > STORIES_PER_PAGE) {
            storyIds.remove(STORIES_PER_PAGE);
            nextPage = times.get(STORIES_PER_PAGE - 1);
            nextId = storyIds.get(STORIES_PER_PAGE - 1);
        }
        return new Page(stories(storyIds, me, filter.dismissed()), nextPage, nextId);
    }

    /** The stories with these ids, in this order, as {@code me} sees them. */
    private List<Story> stories(List<Long> storyIds, long me, boolean dismissed) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        Map<Long, InboxStory> stories = new HashMap<>();
        em.createQuery("select s from InboxStory s where s.id in :ids", InboxStory.class).setParameter("ids", storyIds)
                .getResultList().forEach(s -> stories.put(s.getId(), s));
        Map<Long, List<InboxItem>> items = new LinkedHashMap<>();
        // A story's newest articles: the window function keeps the query bounded however big a story grows.
        List<Long> itemIds = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id from (select i.id, row_number() over (partition by i.story_id order by i.listed_at desc, i.id desc) n"
                + " from inbox_item i where i.story_id in (:ids)) ranked where n <= " + ARTICLES_PER_STORY)
                .unwrap(org.hibernate.query.NativeQuery.class).setParameterList("ids", storyIds).getResultList()) {
            itemIds.add(((Number) row).longValue());
        }
        if (!itemIds.isEmpty()) {
            em.createQuery("select i from InboxItem i where i.id in :ids order by i.listedAt desc, i.id desc", InboxItem.class)
                    .setParameter("ids", itemIds).getResultList()
                    .forEach(i -> items.computeIfAbsent(i.storyId, k -> new ArrayList<>()).add(i));
        }
        Map<Long, Object[]> marks = new HashMap<>();
        Map<Long, Nomination> nominations = new HashMap<>();
        Set<Long> userIds = new LinkedHashSet<>();
        Set<Long> postIds = new LinkedHashSet<>();
        if (!itemIds.isEmpty()) {
            em.createNativeQuery("select item_id, read_at, starred_at from inbox_mark where user_id = ?1 and item_id in (?2)", Object[].class)
                    .setParameter(1, me).setParameter(2, itemIds).getResultList()
                    .forEach(row -> marks.put(((Number) ((Object[]) row)[0]).longValue(), (Object[]) row));
            for (Object row : em.createNativeQuery("select n.item_id, n.id, n.status, n.note, n.nominated_by, n.decision_note, n.decided_by, n.post_id"
                    + " from inbox_nomination n where n.item_id in (?1) order by n.id", Object[].class).setParameter(1, itemIds).getResultList()) {
                Object[] r = (Object[]) row;
                if (r[4] != null) {
                    userIds.add(((Number) r[4]).longValue());
                }
                if (r[6] != null) {
                    userIds.add(((Number) r[6]).longValue());
                }
                nominations.put(((Number) r[0]).longValue(), new Nomination(((Number) r[1]).longValue(), NominationStatus.valueOf((String) r[2]),
                        (String) r[3], r[4] == null ? null : r[4].toString(), (String) r[5], r[6] == null ? null : r[6].toString(),
                        r[7] == null ? null : ((Number) r[7]).longValue()));
            }
        }
        items.values().forEach(list -> list.forEach(i -> {
            if (i.quotedBy != null) {
                userIds.add(i.quotedBy);
            }
            if (i.quotedPostId != null) {
                postIds.add(i.quotedPostId);
            }
        }));
        stories.values().forEach(s -> {
            if (s.coveredPostId != null) {
                postIds.add(s.coveredPostId);
            }
        });
        Map<Long, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("select u.id, u.displayName, u.username from User u where u.id in :ids", Object[].class).setParameter("ids", userIds)
                    .getResultList().forEach(r -> names.put((Long) r[0], r[1] != null ? (String) r[1] : (String) r[2]));
        }
        Map<Long, Object[]> posts = new HashMap<>();
        if (!postIds.isEmpty()) {
            em.createQuery("select p.id, p.headline, p.status from Post p where p.id in :ids", Object[].class).setParameter("ids", postIds)
                    .getResultList().forEach(r -> posts.put((Long) r[0], r));
        }
        List<Story> result = new ArrayList<>();
        for (Long id : storyIds) {
            InboxStory story = stories.get(id);
            if (story == null) {
                continue;
            }
            List<Article> articles = new ArrayList<>();
            Set<String> outlets = new LinkedHashSet<>();
            for (InboxItem item : items.getOrDefault(id, List.of())) {
                Object[] mark = marks.get(item.getId());
                Nomination n = nominations.get(item.getId());
                if (n != null) {
                    n = new Nomination(n.id(), n.status(), n.note(), name(names, n.by()), n.decisionNote(), name(names, n.decidedBy()), n.postId());
                }
                Object[] quotedIn = item.quotedPostId == null ? null : posts.get(item.quotedPostId);
                articles.add(new Article(item, mark != null && mark[1] != null, mark != null && mark[2] != null,
                        item.quotedBy == null ? null : names.get(item.quotedBy), quotedIn == null ? null : (String) quotedIn[1], n));
                outlets.add(item.getOutlet().getName());
            }
            Long covered = story.coveredPostId;
            Object[] post = covered == null ? null : posts.get(covered);
            result.add(new Story(story, articles, List.copyOf(outlets), post == null ? null : covered, post == null ? null : (String) post[1],
                    post == null ? null : (PostStatus) post[2], dismissed));
        }
        return result;
    }

    private static String name(Map<Long, String> names, String id) {
        return id == null ? null : names.getOrDefault(Long.parseLong(id), "someone removed");
    }

    /** The outlets, sections and languages articles have, for the filters. */
    public record Choices(List<Outlet> outlets, List<String> sections, List<String> languages) {
    }

    public Choices choices() {
        List<Outlet> outlets = em.createQuery("select distinct f.outlet from Feed f order by f.outlet.name", Outlet.class).getResultList();
        List<String> sections = em.createQuery("select distinct f.section from Feed f where f.section is not null order by f.section", String.class)
                .getResultList();
        List<String> languages = em.createQuery("select distinct f.language from Feed f where f.language is not null order by f.language", String.class)
                .getResultList();
        return new Choices(outlets, sections, languages);
    }

    // Marks.

    public void markRead(Collection<Long> itemIds, boolean read) {
        long me = me();
        Instant now = Instant.now();
        for (Long id : itemIds) {
            em.createNativeQuery("insert into inbox_mark (user_id, item_id, read_at) select ?1, id, ?2 from inbox_item where id = ?3"
                            + " on duplicate key update read_at = values(read_at)")
                    .setParameter(1, me).setParameter(2, read ? now : null).setParameter(3, id).executeUpdate();
        }
    }

    /** Stars the article, or takes the star off; whether it is starred now. */
    public boolean toggleStar(long itemId) {
        long me = me();
        List<?> now = em.createNativeQuery("select starred_at from inbox_mark where user_id = ?1 and item_id = ?2")
                .setParameter(1, me).setParameter(2, itemId).getResultList();
        boolean starred = now.isEmpty() || now.get(0) == null;
        em.createNativeQuery("insert into inbox_mark (user_id, item_id, starred_at) select ?1, id, ?2 from inbox_item where id = ?3"
                        + " on duplicate key update starred_at = values(starred_at)")
                .setParameter(1, me).setParameter(2, starred ? Instant.now() : null).setParameter(3, itemId).executeUpdate();
        return starred;
    }

    /** Takes the story out of this person's inbox (or puts it back). */
    public void dismiss(long storyId, boolean dismissed) {
        long me = me();
        if (dismissed) {
            em.createNativeQuery("insert ignore into inbox_dismissal (user_id, story_id, dismissed_at) select ?1, id, ?2 from inbox_story where id = ?3")
                    .setParameter(1, me).setParameter(2, Instant.now()).setParameter(3, storyId).executeUpdate();
        } else {
            em.createNativeQuery("delete from inbox_dismissal where user_id = ?1 and story_id = ?2").setParameter(1, me).setParameter(2, storyId)
                    .executeUpdate();
        }
    }

    // Keyword watches.

    public List<Watch> watches() {
        List<Watch> watches = new ArrayList<>();
        for (Object row : em.createNativeQuery("select w.id, w.words, (select count(*) from inbox_watch_hit h where h.watch_id = w.id"
                + " and h.found_at > w.seen_at) from inbox_watch w where w.user_id = ?1 order by w.words", Object[].class)
                .setParameter(1, me()).getResultList()) {
            Object[] r = (Object[]) row;
            watches.add(new Watch(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue()));
        }
        return watches;
    }

    /** How many articles this person's watches matched since they last looked: the desk's front page shows it. */
    public int newWatchHits() {
        return watches().stream().mapToInt(Watch::newHits).sum();
    }

    public void addWatch(String words) {
        String cleaned = words == null ? "" : words.strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty()) {
            throw new FeedRefusedException("watchWords", Phrase.of("inbox.refused.watchNone"));
        }
        if (cleaned.length() > 200) {
            throw new FeedRefusedException("watchWords", Phrase.of("inbox.refused.watchLong", 200, cleaned.length()));
        }
        if (FeedLedger.words(cleaned).isEmpty()) {
            throw new FeedRefusedException("watchWords", Phrase.of("inbox.refused.watchLetters"));
        }
        List<Watch> mine = watches();
        if (mine.size() >= MAX_WATCHES) {
            throw new FeedRefusedException("watchWords", Phrase.of("inbox.refused.watchMany", MAX_WATCHES));
        }
        if (mine.stream().anyMatch(w -> FeedLedger.words(w.words()).equals(FeedLedger.words(cleaned)))) {
            throw new FeedRefusedException("watchWords", Phrase.of("inbox.refused.watchAlready"));
        }
        Instant now = Instant.now();
        em.createNativeQuery("insert into inbox_watch (user_id, words, created_at, seen_at) values (?1, ?2, ?3, ?3)")
                .setParameter(1, me()).setParameter(2, cleaned).setParameter(3, now).executeUpdate();
    }

    public void removeWatch(long watchId) {
        em.createNativeQuery("delete from inbox_watch where id = ?1 and user_id = ?2").setParameter(1, watchId).setParameter(2, me()).executeUpdate();
    }

    /** The person looked at what the watch found: its count starts again from now. */
    public void watchSeen(long watchId) {
        em.createNativeQuery("update inbox_watch set seen_at = ?1 where id = ?2 and user_id = ?3")
                .setParameter(1, Instant.now()).setParameter(2, watchId).setParameter(3, me()).executeUpdate();
    }

    // Nominations.

    public void nominate(long itemId, String note) {
        if (em.find(InboxItem.class, itemId) == null) {
            throw new FeedRefusedException("nominate", Phrase.of("inbox.refused.gone"));
        }
        long open = ((Number) em.createNativeQuery("select count(*) from inbox_nomination where item_id = ?1 and status = 'OPEN'")
                .setParameter(1, itemId).getSingleResult()).longValue();
        if (open > 0) {
            throw new FeedRefusedException("nominate", Phrase.of("inbox.refused.nominated"));
        }
        String cleaned = note == null || note.isBlank() ? null : TextLimit.shorten(note.strip(), 1000);
        em.createNativeQuery("insert into inbox_nomination (item_id, nominated_by, note, created_at, status) values (?1, ?2, ?3, ?4, 'OPEN')")
                .setParameter(1, itemId).setParameter(2, me()).setParameter(3, cleaned).setParameter(4, Instant.now()).executeUpdate();
        audit.record("inbox.nominated", "inbox_item", itemId, cleaned == null ? "" : cleaned);
    }

    /** An open nomination, for the editors' list. */
    public record OpenNomination(long id, long itemId, String title, String outlet, String url, String note, String by, Instant at) {
    }

    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<OpenNomination> openNominations() {
        List<OpenNomination> open = new ArrayList<>();
        for (Object row : em.createNativeQuery("select n.id, i.id, i.title, o.name, i.url, n.note, coalesce(u.display_name, u.username), n.created_at"
                        + " from inbox_nomination n join inbox_item i on i.id = n.item_id join outlet o on o.id = i.outlet_id"
                        + " left join users u on u.id = n.nominated_by where n.status = 'OPEN' order by n.created_at", Object[].class)
                .setMaxResults(100).getResultList()) {
            Object[] r = (Object[]) row;
            open.add(new OpenNomination(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], instant(r[7])));
        }
        return open;
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public long openNominationCount() {
        return ((Number) em.createNativeQuery("select count(*) from inbox_nomination where status = 'OPEN'").getSingleResult()).longValue();
    }

    /** The article a nomination is of; refused when it was decided meanwhile. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public long openNominationItem(long nominationId) {
        List<?> rows = em.createNativeQuery("select item_id from inbox_nomination where id = ?1 and status = 'OPEN'").setParameter(1, nominationId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new FeedRefusedException("nominations", Phrase.of("inbox.refused.decided"));
        }
        return ((Number) rows.get(0)).longValue();
    }

    /** Decides a nomination; an accepted one names the post that quotes it. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public void decide(long nominationId, boolean accepted, String note, Long postId) {
        int done = em.createNativeQuery("update inbox_nomination set status = ?1, decided_by = ?2, decided_at = ?3, decision_note = ?4, post_id = ?5"
                        + " where id = ?6 and status = 'OPEN'")
                .setParameter(1, accepted ? "ACCEPTED" : "DECLINED").setParameter(2, me()).setParameter(3, Instant.now())
                .setParameter(4, note == null || note.isBlank() ? null : TextLimit.shorten(note.strip(), 1000)).setParameter(5, postId)
                .setParameter(6, nominationId).executeUpdate();
        if (done == 0) {
            throw new FeedRefusedException("nominations", Phrase.of("inbox.refused.decided"));
        }
        audit.record(accepted ? "inbox.nomination.accepted" : "inbox.nomination.declined", "inbox_nomination", nominationId, note == null ? "" : note);
    }

    // Quoting.

    /** The articles to quote, in the order given; those no longer in the inbox are left out. */
    public List<InboxItem> items(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        Map<Long, InboxItem> found = new HashMap<>();
        em.createQuery("select i from InboxItem i where i.id in :ids", InboxItem.class).setParameter("ids", itemIds).getResultList()
                .forEach(i -> found.put(i.getId(), i));
        return itemIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The story's articles, one per outlet (the newest of each), for "Quote the story". */
    public List<Long> onePerOutlet(long storyId) {
        Map<Long, Long> byOutlet = new LinkedHashMap<>();
        em.createQuery("select i from InboxItem i where i.storyId = :story order by i.listedAt desc, i.id desc", InboxItem.class)
                .setParameter("story", storyId).setMaxResults(200).getResultList()
                .forEach(i -> byOutlet.putIfAbsent(i.getOutlet().getId(), i.getId()));
        List<Long> ids = new ArrayList<>(byOutlet.values());
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** A draft an article may be quoted into. */
    public record Draft(long id, String headline) {
    }

    /** The signed-in person's drafts (and those sent back to them), most recently changed first: where "Quote into" may add. */
    public List<Draft> myDrafts() {
        return em.createQuery("select p.id, p.headline from Post p where p.author.id = :me and p.status = :draft order by p.updatedAt desc",
                        Object[].class).setParameter("me", me()).setParameter("draft", PostStatus.DRAFT).setMaxResults(15).getResultList()
                .stream().map(r -> new Draft((Long) r[0], (String) r[1])).toList();
    }

    /** Notes the articles as quoted by the signed-in person in the post (and read by them), their stories as covered by it. */
    public void quoted(Collection<Long> itemIds, long postId) {
        markRead(itemIds, true);
        long me = me();
        Instant now = Instant.now();
        for (InboxItem item : items(new ArrayList<>(itemIds))) {
            item.quotedPostId = postId;
            item.quotedBy = me;
            item.quotedAt = now;
            if (item.storyId != null) {
                InboxStory story = em.find(InboxStory.class, item.storyId);
                if (story != null) {
                    story.coveredPostId = postId;
                }
            }
        }
    }

    private long me() {
        return accounts.currentUser().getId();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }
}
