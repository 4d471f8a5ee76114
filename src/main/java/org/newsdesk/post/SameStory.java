package org.newsdesk.post;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.account.Role;

/**
 * Other posts of ours that cover the story a draft covers (issue 14): posts of the last
 * {@link PostConfig#SAME_STORY_DAYS} days, in any status, that quote the same article or whose headline, deks and
 * excerpts read alike ({@link StorySimilarity}), so that an editor adds to the post that exists instead of
 * writing a second one. A warning, never a refusal. The post list groups its posts by the same measure.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
public class SameStory {

    /** The most recent posts compared with a draft; their words are also the idf's window. */
    public static final int MAX_CANDIDATES = 200;

    /** The most matches the compose page shows. */
    public static final int MAX_MATCHES = 5;

    /** The plain text of a post's excerpts compared, at most: the opening paragraphs say what the story is. */
    private static final int MAX_TEXT = 4_000;

    /** A post of ours that looks like the same story, how much, and why. */
    public record Match(long postId, String headline, PostStatus status, StorySimilarity.Score score) {
    }

    /** Posts of one story on the post list: their ids, the earliest written first. */
    public record Group(List<Long> postIds) {

        public long first() {
            return postIds.get(0);
        }
    }

    private record Candidate(long id, String headline, PostStatus status, Instant createdAt) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PostConfig config;

    /** The posts of the window that look like the draft's story, the most alike first, at most {@link #MAX_MATCHES}. */
    public List<Match> of(PostDraft draft, Long exceptPostId) {
        List<String> deks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Set<String> urls = new HashSet<>();
        for (ExcerptDraft excerpt : draft.getExcerpts()) {
            deks.add(excerpt.getDek());
            append(text, ExcerptMarkup.toPlainText(excerpt.getBodyText()));
            urls.add(excerpt.getArticleUrl());
        }
        StorySimilarity.StoryText story = new StorySimilarity.StoryText(0, draft.getHeadline(), deks, text.toString(), urls);
        if (story.headline().isBlank() && story.deks().isEmpty() && story.text().isBlank() && story.articleUrls().isEmpty()) {
            return List.of();
        }
        Map<Long, Candidate> candidates = candidates(exceptPostId);
        List<StorySimilarity.StoryText> window = texts(candidates.keySet());
        StorySimilarity similarity = new StorySimilarity(window);
        return window.stream()
                .map(other -> {
                    Candidate candidate = candidates.get(other.id());
                    return new Match(candidate.id(), candidate.headline(), candidate.status(), similarity.score(story, other));
                })
                .filter(match -> match.score().sameStory())
                .sorted(Comparator.comparingDouble((Match match) -> -match.score().value()).thenComparing(match -> -match.postId()))
                .limit(MAX_MATCHES)
                .toList();
    }

    /**
     * For each story (of the source inbox, say), the post of the window that covers it best, if one does: the
     * same article quoted, or words enough in common. One window read for all of them. Open to any caller: the
     * feed reader calls it from its timer, with no one signed in, and nothing leaves the server through it.
     */
    @PermitAll
    public Map<Long, Match> covering(List<StorySimilarity.StoryText> stories) {
        if (stories.isEmpty()) {
            return Map.of();
        }
        Map<Long, Candidate> candidates = candidates(null);
        List<StorySimilarity.StoryText> window = texts(candidates.keySet());
        StorySimilarity similarity = new StorySimilarity(window);
        Map<Long, Match> covered = new HashMap<>();
        for (StorySimilarity.StoryText story : stories) {
            window.stream()
                    .map(other -> {
                        Candidate candidate = candidates.get(other.id());
                        return new Match(candidate.id(), candidate.headline(), candidate.status(), similarity.score(story, other));
                    })
                    .filter(match -> match.score().sameStory())
                    .max(Comparator.comparingDouble((Match match) -> match.score().value()))
                    .ifPresent(match -> covered.put(story.id(), match));
        }
        return covered;
    }

    /**
     * These posts (a page of the post list) in stories: posts joined when they read alike, single link, words
     * weighed over the window's posts; groups in the order the posts were given, each the earliest written first.
     */
    public List<Group> groups(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Candidate> window = candidates(null);
        Map<Long, Instant> created = new HashMap<>();
        window.values().forEach(candidate -> created.put(candidate.id(), candidate.createdAt()));
        em.createQuery("select p.id, p.createdAt from Post p where p.id in :ids", Object[].class)
                .setParameter("ids", postIds)
                .getResultList()
                .forEach(row -> created.put((Long) row[0], (Instant) row[1]));
        Set<Long> all = new HashSet<>(window.keySet());
        all.addAll(postIds);
        Map<Long, StorySimilarity.StoryText> texts = new HashMap<>();
        texts(all).forEach(text -> texts.put(text.id(), text));
        StorySimilarity similarity = new StorySimilarity(texts.values());
        List<StorySimilarity.StoryText> shown = postIds.stream().map(texts::get).filter(java.util.Objects::nonNull).toList();
        Comparator<Long> earliest = Comparator.comparing((Long id) -> created.getOrDefault(id, Instant.MAX)).thenComparing(id -> id);
        return similarity.groups(shown).stream()
                .map(group -> new Group(group.stream().map(StorySimilarity.StoryText::id).sorted(earliest).toList()))
                .toList();
    }

    /** The newest posts created, changed or published in the window, at most {@link #MAX_CANDIDATES}, by id. */
    private Map<Long, Candidate> candidates(Long exceptPostId) {
        Map<Long, Candidate> candidates = new LinkedHashMap<>();
        em.createQuery("select p.id, p.headline, p.status, p.createdAt from Post p where p.id <> :except"
                        + " and (p.createdAt >= :since or p.updatedAt >= :since or p.publishedAt >= :since)"
                        + " order by p.id desc", Object[].class)
                .setParameter("except", exceptPostId == null ? -1L : exceptPostId)
                .setParameter("since", Instant.now().minus(config.sameStoryWindow()))
                .setMaxResults(MAX_CANDIDATES)
                .getResultList()
                .forEach(row -> candidates.put((Long) row[0], new Candidate((Long) row[0], (String) row[1], (PostStatus) row[2], (Instant) row[3])));
        return candidates;
    }

    /** What is compared of each post: headline, deks, excerpt text (plain, cut at {@link #MAX_TEXT}) and article addresses. */
    private List<StorySimilarity.StoryText> texts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> headlines = new LinkedHashMap<>();
        em.createQuery("select p.id, p.headline from Post p where p.id in :ids order by p.id desc", Object[].class)
                .setParameter("ids", postIds)
                .getResultList()
                .forEach(row -> headlines.put((Long) row[0], (String) row[1]));
        Map<Long, List<String>> deks = new HashMap<>();
        Map<Long, StringBuilder> text = new HashMap<>();
        Map<Long, Set<String>> urls = new HashMap<>();
        for (Object[] row : em.createQuery("select e.post.id, e.dek, e.body, e.articleUrl from Excerpt e where e.post.id in :ids"
                        + " order by e.post.id, e.position", Object[].class)
                .setParameter("ids", postIds)
                .getResultList()) {
            Long id = (Long) row[0];
            deks.computeIfAbsent(id, key -> new ArrayList<>()).add((String) row[1]);
            append(text.computeIfAbsent(id, key -> new StringBuilder()), ExcerptMarkup.toPlainText((String) row[2]));
            urls.computeIfAbsent(id, key -> new HashSet<>()).add((String) row[3]);
        }
        List<StorySimilarity.StoryText> texts = new ArrayList<>();
        headlines.forEach((id, headline) -> texts.add(new StorySimilarity.StoryText(id, headline, deks.get(id),
                text.getOrDefault(id, new StringBuilder()).toString(), urls.get(id))));
        return texts;
    }

    private static void append(StringBuilder text, String more) {
        if (text.length() < MAX_TEXT && more != null && !more.isBlank()) {
            text.append(text.length() == 0 ? "" : "\n").append(more, 0, Math.min(more.length(), MAX_TEXT - text.length()));
        }
    }
}
