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
import org.newsdesk.outlet.PhotoPolicy;

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
        assertTrue(problems.get(0).message().english().startsWith("Excerpt 1:"));
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
        assertEquals("Excerpt 1: quotes 4 words; THE NATIONAL allows 3. Shorten it.", problems.get(2).message().english());
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
                PublicationCheck.problems(post).get(0).message().english());
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

    /** The outlet's share rule: the excerpt against the source article's length, which must be known. */
    @Test
    void anExcerptOverTheOutletsShareOfAnArticleNeedsAReason() {
        Post post = attributedPost();
        Excerpt excerpt = post.getExcerpts().get(0);
        excerpt.getOutlet().setMaxQuotePercent(10);
        excerpt.setBody("<p>" + "word ".repeat(180) + "</p>");
        List<PublicationCheck.Problem> unknown = PublicationCheck.problems(post);
        assertEquals(List.of("sourceWordCount"), unknown.stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: REUTERS allows quoting 10% of an article, and the article's length is unknown."
                + " Give the source article's length in words.", unknown.get(0).message().english());

        excerpt.setSourceWordCount(780);
        List<PublicationCheck.Problem> over = PublicationCheck.problems(post);
        assertEquals(List.of("body"), over.stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: REUTERS allows quoting 10% of an article; this quotes 23% (180 of 780 words)."
                + " Shorten it.", over.get(0).message().english());

        excerpt.setSourceWordCount(1760);
        assertTrue(PublicationCheck.problems(post).get(0).message().english().contains("this quotes 10.2% (180 of 1,760 words)"),
                "a share rounding down to the limit is shown with a tenth");
        excerpt.setSourceWordCount(1800);
        assertTrue(PublicationCheck.problems(post).isEmpty(), "exactly 10% is allowed");

        excerpt.setSourceWordCount(null);
        excerpt.setLengthOverrideReason("Quoted in full by agreement with Reuters");
        assertTrue(PublicationCheck.problems(post).isEmpty(), "an editor's reason answers an unknown length too");
        assertEquals(List.of(new PublicationCheck.Override(1, "REUTERS", List.of("share of an article"),
                "Quoted in full by agreement with Reuters")), PublicationCheck.overrides(post));
    }

    @Test
    void anOutletsPhotosAreUsedOnlyAsItAllows() {
        Post post = creditedPhotoPost("AP Photo/Hadi Mizban");
        Excerpt excerpt = post.getExcerpts().get(0);
        assertTrue(PublicationCheck.problems(post).isEmpty(), "photos are allowed unless the registry says otherwise");

        excerpt.getOutlet().setPhotoPolicy(PhotoPolicy.WITH_LICENCE);
        List<PublicationCheck.Problem> unlicensed = PublicationCheck.problems(post);
        assertEquals(List.of("photoLicence"), unlicensed.stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: REUTERS allows its photos only with a licence noted (photo policy)."
                + " Note the licence the photo is used under.", unlicensed.get(0).message().english());
        excerpt.setPhotoLicence("Licensed via AP Newsroom subscription #1234");
        assertTrue(PublicationCheck.problems(post).isEmpty());

        excerpt.getOutlet().setPhotoPolicy(PhotoPolicy.NEVER);
        List<PublicationCheck.Problem> forbidden = PublicationCheck.problems(post);
        assertEquals(List.of("photo"), forbidden.stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: REUTERS does not allow its photos to be used (photo policy). Remove the photo.", forbidden.get(0).message().english());
        excerpt.setLengthOverrideReason("Pool photo, cleared by Reuters' picture desk");
        assertTrue(PublicationCheck.problems(post).isEmpty());
        assertEquals(List.of("photo policy"), PublicationCheck.overrides(post).get(0).rules());
    }

    @Test
    void aPhotoCreditMustHaveTheFormTheOutletRequires() {
        Post post = creditedPhotoPost("Hadi Mizban");
        Excerpt excerpt = post.getExcerpts().get(0);
        excerpt.getOutlet().setPhotoCreditFormat("AP Photo/{name}");
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(post);
        assertEquals(List.of("creditLine"), problems.stream().map(PublicationCheck.Problem::field).toList());
        assertEquals("Excerpt 1: REUTERS requires photo credits as \u201cAP Photo/{name}\u201d (photo credit format);"
                + " this credit is \u201cHadi Mizban\u201d. Correct it.", problems.get(0).message().english());
        excerpt.setCreditLine("AP Photo/Hadi Mizban");
        assertTrue(PublicationCheck.problems(post).isEmpty());

        excerpt.setCreditLine("Hadi Mizban");
        excerpt.setLengthOverrideReason("The photographer asked to be credited by name only");
        assertTrue(PublicationCheck.problems(post).isEmpty());
        assertEquals(List.of("photo credit format"), PublicationCheck.overrides(post).get(0).rules());
    }

    @Test
    void aCreditFormatsPlaceholderStandsForAName() {
        assertTrue(Outlet.creditMatchesFormat("AP Photo/Hadi Mizban", "AP Photo/{name}"));
        assertTrue(Outlet.creditMatchesFormat(" AP Photo/هادي ميزبان ", " AP Photo/{name}"));
        assertTrue(Outlet.creditMatchesFormat("Photo: Ali Jad / Reuters", "Photo: {name} / Reuters"));
        assertFalse(Outlet.creditMatchesFormat("AP Photo/", "AP Photo/{name}"), "the name is not optional");
        assertFalse(Outlet.creditMatchesFormat("AP Photo/  ", "AP Photo/{name}"));
        assertFalse(Outlet.creditMatchesFormat("Hadi Mizban/AP Photo", "AP Photo/{name}"));
        assertFalse(Outlet.creditMatchesFormat("ap photo/Hadi Mizban", "AP Photo/{name}"), "the format's words as written");
        assertFalse(Outlet.creditMatchesFormat("AP Photo (Hadi Mizban)", "AP Photo.{name}"), "no regular expressions");
        assertTrue(Outlet.creditMatchesFormat("Reuters", "Reuters"));
        assertTrue(Outlet.creditMatchesFormat("anything", null));
        assertTrue(Outlet.creditMatchesFormat("anything", " "));
    }

    /** Every rule one excerpt breaks, answered by one reason, and each named in the audit's list of overrides. */
    @Test
    void oneReasonAnswersEveryOutletRuleTheExcerptBreaks() {
        Post post = creditedPhotoPost("Hadi Mizban");
        Excerpt excerpt = post.getExcerpts().get(0);
        Outlet outlet = excerpt.getOutlet();
        outlet.setMaxExcerptWords(3);
        outlet.setMaxQuotePercent(10);
        outlet.setPhotoPolicy(PhotoPolicy.WITH_LICENCE);
        outlet.setPhotoCreditFormat("AP Photo/{name}");
        excerpt.setBody("<p>one two three four</p>");
        excerpt.setSourceWordCount(20);
        assertEquals(List.of("1 body", "1 body", "1 photoLicence", "1 creditLine"),
                PublicationCheck.problems(post).stream().map(p -> p.excerpt() + " " + p.field()).toList());
        assertTrue(PublicationCheck.overrides(post).isEmpty(), "no reason, nothing overridden");
        excerpt.setLengthOverrideReason("Agreed with the outlet's desk");
        assertTrue(PublicationCheck.problems(post).isEmpty());
        assertEquals(List.of(new PublicationCheck.Override(1, "REUTERS",
                        List.of("word limit", "share of an article", "photo policy", "photo credit format"), "Agreed with the outlet's desk")),
                PublicationCheck.overrides(post));
        outlet.setMaxExcerptWords(null);
        outlet.setMaxQuotePercent(null);
        outlet.setPhotoPolicy(PhotoPolicy.ALWAYS);
        outlet.setPhotoCreditFormat(null);
        assertTrue(PublicationCheck.overrides(post).isEmpty(), "a reason kept where no rule is broken overrides nothing");
    }

    /** The compose page's live checks apply the same policies to the draft as typed. */
    @Test
    void aDraftAsTypedIsHeldToItsOutletsPolicies() {
        Outlet ap = new Outlet("AP", "apnews.com");
        ap.setMaxQuotePercent(10);
        ap.setPhotoPolicy(PhotoPolicy.WITH_LICENCE);
        ap.setPhotoCreditFormat("AP Photo/{name}");
        PostDraft draft = new PostDraft();
        ExcerptDraft excerpt = draft.addExcerpt();
        excerpt.setOutletId(3L);
        excerpt.setArticleUrl("https://apnews.com/article/x");
        excerpt.setOriginalPublishedOn(LocalDate.of(2024, 11, 1));
        excerpt.setBodyText("One two three four five");
        excerpt.setPhotoId(9L);
        excerpt.setCreditLine("Hadi Mizban");
        List<PublicationCheck.Problem> problems = PublicationCheck.problems(draft, id -> ap, photo -> "Mourners");
        assertEquals(List.of("sourceWordCount", "photoLicence", "creditLine"), problems.stream().map(PublicationCheck.Problem::field).toList());
        assertTrue(problems.stream().allMatch(p -> p.message().english().startsWith("Excerpt 1: AP ")), problems.toString());
        excerpt.setSourceWordCount(50);
        excerpt.setPhotoLicence("AP Newsroom #1234");
        excerpt.setCreditLine("AP Photo/Hadi Mizban");
        assertTrue(PublicationCheck.problems(draft, id -> ap, photo -> "Mourners").isEmpty());
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

    /** An attributed post whose excerpt has a photo with alt text and this credit line. */
    private static Post creditedPhotoPost(String creditLine) {
        Post post = attributedPost();
        Excerpt excerpt = post.getExcerpts().get(0);
        excerpt.setPhoto(new org.newsdesk.media.Photo(
                new org.newsdesk.media.StoredImage("ab/x.jpg", "image/jpeg", 10, 10, 100, "ab"), "x.jpg", null, NOW));
        excerpt.setPhotoAlt("Mourners in Baghdad");
        excerpt.setCreditLine(creditLine);
        return post;
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
