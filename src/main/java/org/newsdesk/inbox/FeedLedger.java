package org.newsdesk.inbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.post.SameStory;
import org.newsdesk.post.StorySimilarity;
import org.newsdesk.source.HostTurns;
import org.newsdesk.source.SourcePage;

/**
 * What the feed reader reads and writes, each call its own transaction, so that a run of many minutes holds no
 * transaction and a failure loses one feed's read at most: the feeds due, each read's articles (kept once,
 * updates merged), their stories, keyword watches' hits, and a feed's failures with the backoff they earn.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeedLedger {

    static final String LEASE = "feed-reader";
    /**
     * The most articles of the story window compared with new ones, the newest: more than a busy desk's day (20,000
     * articles from 500 feeds). At 5,000 (bench/inbox.sh) an article found late in a day missed its story's first
     * articles and started a story of its own.
     */
    static final int STORY_WINDOW_LIMIT = 25_000;
    /**
     * The newest articles of the window one word of a new article makes candidates, at most: measured with
     * bench/inbox.sh, taking all of them made every article of the window a candidate of every new one (104 articles
     * a second), and leaving common words out split big stories.
     */
    static final int CANDIDATES_PER_WORD = 60;
    private static final java.util.Deque<StorySimilarity.StoryText> EMPTY = new java.util.ArrayDeque<>();
    /** A failing feed waits one interval more per failure, doubled, up to a day. */
    static final Duration LONGEST_BACKOFF = Duration.ofDays(1);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private SameStory sameStory;

    /** A feed due for reading, with the validators of its last read. */
    public record Due(long id, String url, String host, String etag, String lastModified) {
    }

    /** What one read stored: the articles new to the inbox and those whose title or summary changed. */
    public record Stored(List<Long> added, int changed) {
    }

    public List<Due> due(Instant now, int limit) {
        // The database keeps whole seconds, rounded: a feed due within this second is due.
        return em.createQuery("select f from Feed f where f.active = true and f.nextReadAt <= :now order by f.nextReadAt, f.id", Feed.class)
                .setParameter("now", now.plusSeconds(1)).setMaxResults(limit).getResultStream()
                .map(f -> new Due(f.getId(), f.url, HostTurns.host(f.url), f.etag, f.lastModified))
                .filter(due -> due.host() != null)
                .toList();
    }

    /** One feed, due or not, for a read an editor asks for; null when it is gone. */
    public Due one(long feedId) {
        Feed f = em.find(Feed.class, feedId);
        return f == null ? null : new Due(f.getId(), f.url, HostTurns.host(f.url), f.etag, f.lastModified);
    }

    /**
     * Stores a read's articles: each found by the feed's GUID within its outlet, else by its address, and taken
     * in (new) or brought up to date (known); then the feed's state and next read.
     */
    public Stored store(long feedId, FeedDocument document, SourcePage page, Instant now, Duration interval) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null) {
            return new Stored(List.of(), 0);
        }
        Stored stored = items(feed, document, now);
        List<Long> addedIds = stored.added();
        feed.lastReadAt = now;
        feed.lastStatus = page.status();
        feed.lastItems = document.entries().size();
        feed.lastNewItems = addedIds.size();
        feed.itemsTotal += addedIds.size();
        feed.failures = 0;
        feed.lastError = null;
        feed.etag = TextLimit.shorten(page.etag(), 500);
        feed.lastModified = TextLimit.shorten(page.lastModified(), 100);
        feed.format = document.format();
        feed.title = document.title() != null ? TextLimit.shorten(document.title(), 500) : feed.title;
        feed.language = document.language() != null ? document.language() : feed.language;
        feed.hubUrl = document.hubUrl() != null && document.hubUrl().length() <= 2000 ? document.hubUrl() : feed.hubUrl;
        feed.nextReadAt = now.plus(interval);
        moved(feed, page);
        return stored;
    }

    /** The document's articles kept once each: found by GUID within the outlet, else by address; new ones added. */
    private Stored items(Feed feed, FeedDocument document, Instant now) {
        Map<String, FeedEntry> byUrl = new LinkedHashMap<>();
        for (FeedEntry entry : document.entries()) {
            byUrl.putIfAbsent(ArticleAddress.hash(ArticleAddress.key(entry.url())), entry);
        }
        Map<String, String> guidOf = new HashMap<>();
        byUrl.forEach((urlHash, entry) -> {
            if (entry.guid() != null) {
                guidOf.put(urlHash, ArticleAddress.hash(entry.guid()));
            }
        });
        Map<String, InboxItem> knownByUrl = new HashMap<>();
        Map<String, InboxItem> knownByGuid = new HashMap<>();
        if (!byUrl.isEmpty()) {
            em.createQuery("select i from InboxItem i where i.urlHash in :urls", InboxItem.class)
                    .setParameter("urls", byUrl.keySet()).getResultList().forEach(i -> knownByUrl.put(i.urlHash, i));
        }
        if (!guidOf.isEmpty()) {
            em.createQuery("select i from InboxItem i where i.outlet = :outlet and i.guidHash in :guids", InboxItem.class)
                    .setParameter("outlet", feed.getOutlet()).setParameter("guids", new HashSet<>(guidOf.values()))
                    .getResultList().forEach(i -> knownByGuid.put(i.guidHash, i));
        }
        List<InboxItem> added = new ArrayList<>();
        int changed = 0;
        Set<InboxItem> touched = new HashSet<>();
        for (Map.Entry<String, FeedEntry> pair : byUrl.entrySet()) {
            String urlHash = pair.getKey();
            String guidHash = guidOf.get(urlHash);
            InboxItem item = guidHash != null ? knownByGuid.get(guidHash) : null;
            if (item == null) {
                item = knownByUrl.get(urlHash);
            }
            if (item == null) {
                item = new InboxItem(feed.getOutlet(), feed.getId(), guidHash, urlHash, now);
                item.take(pair.getValue(), feed.section, feed.language);
                em.persist(item);
                added.add(item);
                knownByUrl.put(urlHash, item);
                if (guidHash != null) {
                    knownByGuid.put(guidHash, item);
                }
            } else if (touched.add(item) && item.take(pair.getValue(), feed.section, feed.language)) {
                changed++;
            }
        }
        em.flush();
        return new Stored(added.stream().map(InboxItem::getId).toList(), changed);
    }

    /** Stores a copy of the feed a WebSub hub pushed: its articles as a read's, the feed's read state left alone. */
    public List<Long> storePushed(long feedId, FeedDocument document, Instant now) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null) {
            return List.of();
        }
        List<Long> added = items(feed, document, now).added();
        feed.itemsTotal += added.size();
        return added;
    }

    /** A feed that moved for good (301 or 308) is followed to its new address, unless that address is followed already. */
    private void moved(Feed feed, SourcePage page) {
        if (!page.movedPermanently()) {
            return;
        }
        String to = page.address().toString();
        String hash = ArticleAddress.hash(to);
        long taken = em.createQuery("select count(f) from Feed f where f.urlHash = :hash", Long.class).setParameter("hash", hash).getSingleResult();
        if (taken == 0 && to.length() <= 2000) {
            feed.url = to;
            feed.urlHash = hash;
        }
    }

    /** The feed had not changed since the last read (304). */
    public void notModified(long feedId, Instant now, Duration interval) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed != null) {
            feed.lastReadAt = now;
            feed.lastStatus = 304;
            feed.lastNewItems = 0;
            feed.failures = 0;
            feed.lastError = null;
            feed.nextReadAt = now.plus(interval);
        }
    }

    /**
     * A read that failed, and why in words: read again after the interval doubled for each failure in a row (up to
     * a day), or when the site asked ({@code retryAt}, from a 429's or 503's {@code Retry-After}) if that is later.
     */
    public void failed(long feedId, Integer status, Phrase why, Instant now, Instant retryAt, Duration interval) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null) {
            return;
        }
        feed.lastReadAt = now;
        feed.lastStatus = status;
        feed.lastNewItems = 0;
        feed.failures++;
        // Stored as the phrase, worded when shown in the reader's desk language; English if it would not fit.
        feed.lastError = why.stored(500);
        Duration backoff = interval.multipliedBy(1L << Math.min(feed.failures, 10));
        Instant next = now.plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff);
        feed.nextReadAt = retryAt != null && retryAt.isAfter(next) ? retryAt : next;
    }

    /**
     * Puts each new article into a story: the story of the most alike article of the window (the last
     * {@code window}, at most {@link #STORY_WINDOW_LIMIT} articles) when the two read as one story, else a story of
     * its own. Compared are titles and summaries, through an index of their words, so each new article is scored
     * against the articles sharing a word with it, not the whole window. Returns the stories touched.
     */
    public Set<Long> cluster(List<Long> itemIds, Instant now, Duration window) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        List<InboxItem> fresh = em.createQuery("select i from InboxItem i where i.id in :ids and i.storyId is null order by i.listedAt, i.id",
                InboxItem.class).setParameter("ids", itemIds).getResultList();
        List<Object[]> rows = em.createQuery("select i.id, i.storyId, i.title, i.summary, i.url from InboxItem i"
                        + " where i.foundAt >= :since and i.storyId is not null order by i.id desc", Object[].class)
                .setParameter("since", now.minus(window)).setMaxResults(STORY_WINDOW_LIMIT).getResultList();
        Map<Long, Long> storyOf = new HashMap<>();
        List<StorySimilarity.StoryText> texts = new ArrayList<>();
        for (Object[] row : rows) {
            storyOf.put((Long) row[0], (Long) row[1]);
            texts.add(text((Long) row[0], (String) row[2], (String) row[3], (String) row[4]));
        }
        List<StorySimilarity.StoryText> freshTexts = fresh.stream().map(i -> text(i.getId(), i.title, i.summary, i.url)).toList();
        List<StorySimilarity.StoryText> all = new ArrayList<>(texts);
        all.addAll(freshTexts);
        StorySimilarity similarity = new StorySimilarity(all);
        // Each word's articles, newest first (the window is read newest first; new ones go in front).
        Map<String, java.util.Deque<StorySimilarity.StoryText>> index = new HashMap<>();
        texts.forEach(text -> similarity.words(text).forEach(word -> index.computeIfAbsent(word, w -> new java.util.ArrayDeque<>()).addLast(text)));
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            InboxItem item = fresh.get(i);
            StorySimilarity.StoryText text = freshTexts.get(i);
            Set<String> words = similarity.words(text);
            Map<Long, StorySimilarity.StoryText> candidates = new LinkedHashMap<>();
            for (String word : words) {
                // A word many articles of the window have ("says", "Iraq", or a big story's own words) brings only its
                // newest articles: otherwise every article would be a candidate of every new one, and a big story's
                // newest articles are the ones a new article of it reads most like.
                int taken = 0;
                for (StorySimilarity.StoryText other : index.getOrDefault(word, EMPTY)) {
                    if (taken++ == CANDIDATES_PER_WORD) {
                        break;
                    }
                    candidates.putIfAbsent(other.id(), other);
                }
            }
            StorySimilarity.StoryText best = null;
            double bestScore = 0;
            for (StorySimilarity.StoryText other : candidates.values()) {
                StorySimilarity.Score score = similarity.score(text, other);
                if (score.sameStory() && score.value() > bestScore) {
                    best = other;
                    bestScore = score.value();
                }
            }
            InboxStory story = best == null ? null : em.find(InboxStory.class, storyOf.get(best.id()));
            if (story == null) {
                story = new InboxStory(TextLimit.shorten(item.title, 1000), item.listedAt);
                em.persist(story);
                em.flush();
            }
            story.add(item.listedAt);
            item.storyId = story.getId();
            storyOf.put(item.getId(), story.getId());
            touched.add(story.getId());
            words.forEach(word -> index.computeIfAbsent(word, w -> new java.util.ArrayDeque<>()).addFirst(text));
        }
        return touched;
    }

    /** Notes, for the stories touched, the post of ours that covers each when one does and none was noted. */
    public void coverage(Set<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return;
        }
        Map<Long, List<InboxItem>> items = new HashMap<>();
        em.createQuery("select i from InboxItem i where i.storyId in :ids order by i.listedAt", InboxItem.class)
                .setParameter("ids", storyIds).getResultList().forEach(i -> items.computeIfAbsent(i.storyId, k -> new ArrayList<>()).add(i));
        List<StorySimilarity.StoryText> stories = new ArrayList<>();
        Map<Long, InboxStory> uncovered = new HashMap<>();
        for (Long id : storyIds) {
            InboxStory story = em.find(InboxStory.class, id);
            if (story == null || story.coveredPostId != null || !items.containsKey(id)) {
                continue;
            }
            uncovered.put(id, story);
            List<InboxItem> articles = items.get(id);
            stories.add(new StorySimilarity.StoryText(id, articles.get(0).title,
                    articles.stream().skip(1).map(i -> i.title).limit(5).toList(),
                    articles.stream().map(i -> i.summary == null ? "" : i.summary).limit(5).reduce("", (a, b) -> a + "\n" + b),
                    articles.stream().map(i -> i.url).collect(java.util.stream.Collectors.toSet())));
        }
        sameStory.covering(stories).forEach((storyId, match) -> uncovered.get(storyId).coveredPostId = match.postId());
    }

    /** Marks the new articles each keyword watch matches: every word of the watch in the title or summary, folded. */
    public int watch(List<Long> itemIds, Instant now) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        List<Object[]> watches = em.createNativeQuery("select id, words from inbox_watch", Object[].class).getResultList();
        if (watches.isEmpty()) {
            return 0;
        }
        List<InboxItem> items = em.createQuery("select i from InboxItem i where i.id in :ids", InboxItem.class)
                .setParameter("ids", itemIds).getResultList();
        int hits = 0;
        for (InboxItem item : items) {
            Set<String> words = words(item.title + " " + (item.summary == null ? "" : item.summary));
            for (Object[] watch : watches) {
                if (words.containsAll(words((String) watch[1]))) {
                    hits += em.createNativeQuery("insert ignore into inbox_watch_hit (watch_id, item_id, found_at) values (?1, ?2, ?3)")
                            .setParameter(1, ((Number) watch[0]).longValue()).setParameter(2, item.getId()).setParameter(3, now).executeUpdate();
                }
            }
        }
        return hits;
    }

    /** The words of a text as watches compare them: folded (case, accents, marks), whole words. */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        java.util.regex.Matcher word = WORD.matcher(StorySimilarity.fold(text == null ? "" : text));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /**
     * Forgets articles older than {@code keep} that nobody quoted, starred or nominated, at most {@code limit} a
     * call, and the stories left empty; returns how many articles went.
     */
    public int prune(Instant now, Duration keep, int limit) {
        int gone = em.createNativeQuery("delete from inbox_item where found_at < ?1 and quoted_post_id is null"
                        + " and not exists (select 1 from inbox_mark m where m.item_id = inbox_item.id and m.starred_at is not null)"
                        + " and not exists (select 1 from inbox_nomination n where n.item_id = inbox_item.id) limit " + limit)
                .setParameter(1, now.minus(keep)).executeUpdate();
        if (gone > 0) {
            em.createNativeQuery("delete from inbox_story where latest_at < ?1 and not exists (select 1 from inbox_item i where i.story_id = inbox_story.id)")
                    .setParameter(1, now.minus(keep)).executeUpdate();
        }
        return gone;
    }

    private static StorySimilarity.StoryText text(long id, String title, String summary, String url) {
        return new StorySimilarity.StoryText(id, title, summary == null ? List.of() : List.of(TextLimit.shorten(summary, 400)), "", Set.of(url));
    }
}
