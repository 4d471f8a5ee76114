package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.outlet.Outlet;

class PublicationCheckTest {

    private static final Instant NOW = Instant.parse("2024-11-01T12:00:00Z");

    @Test
    void aPostWithoutExcerptsCannotBePublished() {
        Post post = new Post("Headline", null, NOW);
        PublicationRefusedException refused = assertThrows(PublicationRefusedException.class, () -> post.publish(NOW));
        assertEquals("excerpts", refused.problems().get(0).field());
        assertEquals(PostStatus.DRAFT, post.getStatus());
    }

    @Test
    void everyExcerptNeedsOutletUrlAndDate() {
        Post post = new Post("Headline", null, NOW);
        Excerpt excerpt = post.addExcerpt();
        excerpt.setArticleUrl("javascript:alert(1)");
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(post);
        assertEquals(List.of("outlet", "articleUrl", "originalPublishedOn"),
                problems.stream().map(PublicationCheck.Problem::field).toList());
        assertTrue(problems.get(0).message().startsWith("Excerpt 1:"));
    }

    /** What the compose page shows while the editor types: the same checks, on the draft as typed. */
    @Test
    void aDraftAsTypedIsCheckedAsThePostWouldBe() {
        Outlet national = new Outlet("THE NATIONAL", "thenationalnews.com");
        national.setMaxExcerptWords(3);
        PostDraft draft = new PostDraft();
        ExcerptDraft excerpt = draft.addExcerpt();
        excerpt.setOutletId(7L);
        excerpt.setArticleUrl("https://www.thenationalnews.com/a");
        excerpt.setBodyText("One <b>two</b> three\nfour");
        excerpt.setPhotoId(9L);
        ExcerptDraft unattributed = draft.addExcerpt();
        unattributed.setNewOutletName("KURDISTAN 24");
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(draft, id -> id == 7L ? national : null, photo -> "A library alt");
        assertEquals(List.of("1 originalPublishedOn", "1 creditLine", "1 body", "2 outlet", "2 articleUrl", "2 originalPublishedOn"),
                problems.stream().map(p -> p.excerpt() + " " + p.field()).toList(),
                "no alt text problem: the library's serves; a new outlet counts only with its domain");
        assertEquals("Excerpt 1: quotes 4 words; THE NATIONAL allows 3. Shorten it, or give a reason to override.", problems.get(2).message());
        excerpt.setLengthOverrideReason("Agreed with the outlet");
        unattributed.setNewOutletDomain("kurdistan24.net");
        assertEquals(List.of("1 originalPublishedOn", "1 creditLine", "2 articleUrl", "2 originalPublishedOn"),
                PublicationCheck.problems(draft, id -> id == 7L ? national : null, photo -> null).stream()
                        .filter(p -> !p.field().equals("photoAlt")).map(p -> p.excerpt() + " " + p.field()).toList());
    }

    @Test
    void aPhotoNeedsACreditLine() {
        Post post = attributedPost();
        post.getExcerpts().get(0).setPhoto(new org.newsdesk.media.Photo(
                new org.newsdesk.media.StoredImage("ab/x.jpg", "image/jpeg", 10, 10, 100, "ab"), "x.jpg", null, NOW));
        assertEquals("creditLine", PublicationCheck.problems(post).get(0).field());
        post.getExcerpts().get(0).setCreditLine("AP Photo/Hadi Mizban");
        post.getExcerpts().get(0).getPhoto().setAltText("Mourners in Baghdad");
        assertTrue(PublicationCheck.problems(post).isEmpty());
    }

    @Test
    void aPhotoNeedsAltTextTheExcerptsOwnOrTheLibrarys() {
        Post post = attributedPost();
        org.newsdesk.media.Photo photo = new org.newsdesk.media.Photo(
                new org.newsdesk.media.StoredImage("ab/x.jpg", "image/jpeg", 10, 10, 100, "ab"), "x.jpg", null, NOW);
        post.getExcerpts().get(0).setPhoto(photo);
        post.getExcerpts().get(0).setCreditLine("AP Photo/Hadi Mizban");
        post.getExcerpts().get(0).setPhotoAlt("   ");
        assertEquals(List.of("photoAlt"), PublicationCheck.problems(post).stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: the photo needs alt text: say what it shows, for readers who cannot see it.",
                PublicationCheck.problems(post).get(0).message());
        photo.setAltText("مشيعون في بغداد");
        assertTrue(PublicationCheck.problems(post).isEmpty(), "the library's alt text serves");
        post.getExcerpts().get(0).setPhotoAlt("Mourners carry a coffin 🕊");
        assertEquals("Mourners carry a coffin 🕊", post.getExcerpts().get(0).getAltText(), "the excerpt's own wins");
    }

    @Test
    void anExcerptOverTheOutletsLimitNeedsAReason() {
        Post post = attributedPost();
        Excerpt excerpt = post.getExcerpts().get(0);
        excerpt.getOutlet().setMaxExcerptWords(3);
        excerpt.setBody("<p>one two three four</p>");
        assertEquals("body", PublicationCheck.problems(post).get(0).field());
        excerpt.setLengthOverrideReason("Agreed with the outlet's desk");
        assertTrue(PublicationCheck.problems(post).isEmpty());
    }

    @Test
    void aCompletePostPublishesOnceAndKeepsItsFirstDate() {
        Post post = attributedPost();
        post.publish(NOW);
        assertThrows(WorkflowException.class, () -> post.publish(NOW), "a published post is not published twice");
        post.unpublish();
        post.publish(NOW.plusSeconds(60));
        assertEquals(PostStatus.PUBLISHED, post.getStatus());
        assertEquals(NOW, post.getPublishedAt());
    }

    @Test
    void onlyAbsoluteHttpUrlsAreWebAddresses() {
        assertTrue(PublicationCheck.isWebAddress("https://www.reuters.com/world/x"));
        assertFalse(PublicationCheck.isWebAddress("javascript:alert(1)"));
        assertFalse(PublicationCheck.isWebAddress("/relative/path"));
        assertFalse(PublicationCheck.isWebAddress("http://exa mple.org"));
        assertFalse(PublicationCheck.isWebAddress(null));
    }

    /** A draft sent back, then scheduled by an editor whose schedule is cancelled, is not "sent back" again. */
    @Test
    void theNoteThatSentAPostBackIsAnsweredWhenAnEditorSchedulesOrPublishesIt() {
        Post scheduled = attributedPost();
        scheduled.submit(NOW);
        scheduled.reject("Add the Reuters dek, please.");
        assertTrue(scheduled.isSentBack());
        scheduled.schedule(NOW.plusSeconds(3600), NOW);
        scheduled.cancelSchedule();
        assertFalse(scheduled.isSentBack());
        Post published = attributedPost();
        published.submit(NOW);
        published.reject("Shorter, please.");
        published.publish(NOW);
        published.unpublish();
        assertEquals(null, published.getReviewNote());
    }

    private static Post attributedPost() {
        return attributedPost(null, NOW);
    }

    /** A post with one excerpt that names its outlet, address and date: all that publishing asks of it. */
    static Post attributedPost(org.newsdesk.account.User author, java.time.Instant now) {
        Post post = new Post("Headline", author, now);
        Excerpt excerpt = post.addExcerpt();
        excerpt.setOutlet(new Outlet("REUTERS", "reuters.com"));
        excerpt.setArticleUrl("https://www.reuters.com/world/article");
        excerpt.setOriginalPublishedOn(LocalDate.of(2024, 11, 1));
        return post;
    }
}
