package org.newsdesk.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.ModeratorForTests;
import org.newsdesk.SiteClient;
import org.newsdesk.TestDatabase;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.comment.rules.ModerationSettings;

/**
 * Comments and their moderation end to end on a real Payara Micro and database: what the rules decide
 * and why, every queue transition, reports, the comment window, bad input, and that only moderators
 * moderate. Client methods act as readers over HTTP; the others call the real EJBs in the server.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommentModerationIT {

    static final String SLUG = "comments-it-conversation";
    static final String OTHER_SLUG = "comments-it-other-post";
    static final String NADIA = "Nadia Karim IT";
    static final String NADIA_EMAIL = "nadia.it@example.org";
    /** Accented Latin, Arabic, Hebrew, Greek, CJK, and an emoji outside the Basic Multilingual Plane (4 bytes in UTF-8). */
    static final String EVERY_SCRIPT = "Café, señor: مرحبا بالعالم — שלום — Καλημέρα — 你好 👍🏽";
    static final String EVERY_SCRIPT_NAME = "José Núñez مرحبا שלום Καλημέρα 你好 👍🏽";

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @EJB
    private ModeratorForTests moderator;

    @EJB
    private ModerationService moderation;

    @EJB
    private CommentService comments;

    @EJB
    private AuditLog audit;

    @Inject
    private CommentFormToken formToken;

    // ---- Readers, over HTTP -------------------------------------------------------------------------

    @Test
    @Order(1)
    @RunAsClient
    void aNewcomersCommentIsHeldNamingTheRuleAndOnlyTheAuthorSeesIt() throws IOException {
        CommentTestPosts.published(SLUG);
        CommentTestPosts.published(OTHER_SLUG);
        Connection.Response sent = submit(page(), NADIA, NADIA_EMAIL, "First time here. Good round-up.");
        assertEquals(302, sent.statusCode());
        List<Object> row = TestDatabase.query("select status, held_by_rule, held_reason from comment where author_name = ?",
                NADIA).get(0);
        assertEquals("PENDING", row.get(0));
        assertEquals("first-comment", row.get(1));
        assertEquals("No comment from this email address has been approved yet.",
                org.newsdesk.platform.Phrase.restore((String) row.get(2)).orElseThrow().english(), "stored as a phrase");

        String cookie = cookie(sent, "newsdesk_held");
        Document own = Jsoup.connect(site.url(sent.header("Location"))).header("Cookie", cookie).get();
        assertTrue(own.selectFirst(".comment.held").text().contains("Your comment is awaiting moderation."));
        assertFalse(page().body().text().contains("First time here"), "nobody else sees it");
    }

    @Test
    @Order(2)
    void approvingTheFirstCommentShowsItAndSettlesItsHold() {
        long id = idOf("First time here. Good round-up.");
        asModerator(m -> m.approve(id));
        assertTrue(thread(postId()).contains(id), "readers see it");
        QueueItem approved = asModerator(m -> m.item(id));
        assertNull(approved.getHeldByRule(), "no rule holds an approved comment any more");
        assertNull(approved.getHeldReason());
        assertTrue(audit.forObject("comment", id).stream().anyMatch(e -> e.getAction().equals("comment.approved")
                && e.getActor().equals("test-moderator") && detail(e).contains("first comment")
                && detail(e).contains("No comment from this email address has been approved yet.")),
                "why it was held stays in its history");
    }

    @Test
    @Order(3)
    @RunAsClient
    void aKnownReaderIsShownAtOnceAndRepliesNestUnderTheirParent() throws IOException {
        Document page = page();
        assertEquals("1 comment", page.selectFirst("#comments h2").text());
        long parent = idOf("First time here. Good round-up.");
        Element reply = page.selectFirst("#comment-" + parent + " .reply-link");
        assertNotNull(reply, "an approved comment has a Reply link");

        Document replyPage = site.get(SLUG_PATH + "?replyto=" + parent).parse();
        assertEquals(302, submit(replyPage, NADIA, NADIA_EMAIL, "And a follow-up to myself.").statusCode());
        assertEquals("APPROVED", TestDatabase.single("select status from comment where body = ?", "And a follow-up to myself."));

        Document after = page();
        Element child = after.selectFirst("li.comment.depth-1");
        assertNotNull(child, "the reply is nested one level down");
        assertTrue(child.text().contains("And a follow-up to myself."));
        assertEquals(after.select("li.comment").indexOf(after.selectFirst("#comment-" + parent)) + 1,
                after.select("li.comment").indexOf(child), "right under its parent");
        assertEquals("2 comments", after.selectFirst("#comments h2").text());
    }

    @Test
    @Order(4)
    @RunAsClient
    void linksHoneypotAndRememberMeOnTheRealForm() throws IOException {
        String links = "Sources: https://a.example/1 https://b.example/2 https://c.example/3";
        assertEquals(302, submit(page(), NADIA, NADIA_EMAIL, links).statusCode());
        List<Object> held = TestDatabase.query("select status, held_by_rule, held_reason from comment where body = ?", links).get(0);
        assertEquals(List.of("PENDING", "links", "3 links (more than 2 allowed)."),
                List.of(held.get(0), held.get(1), org.newsdesk.platform.Phrase.restore((String) held.get(2)).orElseThrow().english()));

        Document bait = page();
        FormElement form = SiteClient.fillCommentForm(bait, "Bot Reader", "bot@example.org", "Great post, visit my site");
        form.selectFirst("input[name=homepage]").val("http://spam.example");
        assertEquals(302, form.submit().followRedirects(false).execute().statusCode(), "a bot is not told");
        List<Object> spam = TestDatabase.query("select status, held_by_rule, held_reason from comment where author_name = 'Bot Reader'").get(0);
        assertEquals("SPAM", spam.get(0));
        assertEquals("honeypot", spam.get(1));
        assertTrue(((String) spam.get(2)).contains("http://spam.example"));

        Document remember = page();
        FormElement rememberForm = SiteClient.fillCommentForm(remember, "Layla Remembered", "layla@example.org", "Please remember me.");
        rememberForm.selectFirst("[name=comment-form:remember]").attr("checked", "checked");
        Connection.Response sent = rememberForm.submit().followRedirects(false).execute();
        String saved = cookie(sent, "newsdesk_commenter");
        assertNotNull(saved, "remember me sets a cookie in answer to the POST");
        Connection.Response again = Jsoup.connect(site.url(SLUG_PATH)).header("Cookie", saved).execute();
        assertNull(again.header("Set-Cookie"), "the page itself still sets no cookie");
        Connection.Response plain = site.get(SLUG_PATH);
        assertNull(plain.header("Set-Cookie"), "GET sets no cookie");
        assertEquals(plain.body(), again.body(), "the page is the same for Layla as for everyone: it carries nobody's details");
        assertEquals("", plain.parse().selectFirst("[name=comment-form:name]").val(), "nobody else sees Layla's details");

        // What comments.js fills in when Layla starts writing, asked for by her browser alone.
        String formUrl = again.parse().selectFirst("form#comment-form").absUrl("data-form-url");
        Connection.Response details = Jsoup.connect(formUrl).header("Cookie", saved).ignoreContentType(true).execute();
        assertEquals("private, no-store", details.header("Cache-Control"));
        assertTrue(details.body().contains("\"name\":\"Layla Remembered\"") && details.body().contains("\"email\":\"layla@example.org\""),
                details.body());
        String anyoneElse = Jsoup.connect(formUrl).ignoreContentType(true).execute().body();
        assertFalse(anyoneElse.contains("Layla"), "without her cookie, nobody gets her details: " + anyoneElse);
    }

    @Test
    @Order(5)
    @RunAsClient
    void textInEveryScriptSentAsBrowsersSendItIsStoredAndShownExactly() throws IOException {
        for (String encoding : List.of("urlencoded", "multipart")) {
            String body = encoding + ": " + EVERY_SCRIPT;
            List<Connection.KeyVal> fields = SiteClient.fillCommentForm(page(), EVERY_SCRIPT_NAME, NADIA_EMAIL, body).formData();
            HttpResponse<String> sent = encoding.equals("urlencoded") ? site.postAsBrowser(SLUG_PATH, fields)
                    : site.postMultipartAsBrowser(SLUG_PATH, fields);
            assertEquals(302, sent.statusCode(), encoding + ": " + sent.body());

            // Found by its ASCII start, so that a garbled row is found too and shown in the failure.
            List<Object> row = TestDatabase.query("select id, author_name, body, hex(author_name), hex(body) from comment"
                    + " where body like ?", encoding + ":%").get(0);
            assertEquals(List.of(EVERY_SCRIPT_NAME, body, utf8Hex(EVERY_SCRIPT_NAME), utf8Hex(body)), row.subList(1, 5),
                    encoding + ": stored byte for byte as UTF-8");

            long id = ((Number) row.get(0)).longValue();
            Element shown = Jsoup.connect(site.url(sent.headers().firstValue("Location").orElseThrow())).get()
                    .selectFirst("#comment-" + id);
            assertEquals(EVERY_SCRIPT_NAME, shown.selectFirst(".author").text(), encoding);
            assertEquals(body, shown.selectFirst(".comment-body").text(), encoding);
        }

        long reported = idOf("urlencoded: " + EVERY_SCRIPT);
        FormElement report = (FormElement) site.get(SLUG_PATH + "?report=" + reported).parse().selectFirst("form#report-form");
        report.selectFirst("input[value=OTHER]").attr("checked", "checked");
        report.selectFirst("textarea[name=details]").val("details: " + EVERY_SCRIPT);
        assertEquals(302, site.postAsBrowser(SLUG_PATH, report.formData()).statusCode());
        assertEquals(List.of("details: " + EVERY_SCRIPT, utf8Hex("details: " + EVERY_SCRIPT)), TestDatabase.query(
                "select details, hex(details) from comment_report where comment_id = ?", reported).get(0),
                "the report form is read as UTF-8 too");
    }

    // ---- The rules, through the real service in the server ------------------------------------------

    @Test
    @Order(10)
    void eachRuleHoldsRejectsOrSpamsWithItsReason() {
        long post = postId();
        ModerationSettings defaults = asModerator(ModerationService::settings);
        try {
            asModerator(m -> {
                m.saveSettings(defaults.with(Map.of(ModerationSettings.RATE_LIMIT_COUNT, "2",
                        ModerationSettings.DISALLOWED_WORDS, "casino", ModerationSettings.SUSPECT_WORDS, "bitcoin")));
                return null;
            });
            // Rate limit: the third comment within a minute from one address is refused, and the refusal audited.
            comments.submit(post, null, draft("Rate One", "rate@example.org", "one"), token(post), null, "10.1.1.1", "IT");
            comments.submit(post, null, draft("Rate One", "rate@example.org", "two"), token(post), null, "10.1.1.1", "IT");
            CommentRefusedException tooFast = assertThrows(CommentRefusedException.class, () -> comments.submit(post, null,
                    draft("Rate One", "rate@example.org", "three"), token(post), null, "10.1.1.1", "IT"));
            assertTrue(tooFast.getMessage().matches("You are commenting too quickly\\. Please wait \\d+ seconds and send your comment again\\."),
                    tooFast.getMessage());
            assertTrue(audit.forObject("post", post).stream().anyMatch(e -> e.getAction().equals("comment.refused")
                    && e.getDetail().startsWith("rule rate-limit: 2 comments from this address")));
            assertEquals(0L, count("select count(*) from comment where body = 'three'"), "nothing half-stored");

            // Duplicate: the same text from the same author under the same post.
            CommentRefusedException duplicate = assertThrows(CommentRefusedException.class, () -> comments.submit(post, null,
                    draft("Rate One", "rate@example.org", "one"), token(post), null, "10.1.1.2", "IT"));
            assertEquals("body", duplicate.field());
            assertEquals("You have already posted this comment.", duplicate.getMessage());

            Comment casino = comments.submit(post, null, draft("Deal Seeker", "fan@example.org", "Best Casino deals"),
                    token(post), null, "10.1.1.3", "IT");
            assertEquals(CommentStatus.SPAM, status(casino));
            assertEquals("Disallowed word 'casino' in the comment (\"Casino\").", heldReason(casino));

            Comment bitcoin = comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "What about bitcoin?"),
                    token(post), null, "10.1.1.4", "IT");
            assertEquals(CommentStatus.PENDING, status(bitcoin));
            assertEquals("suspect-word", heldRule(bitcoin));

            asModerator(m -> {
                m.saveSettings(defaults.with(Map.of(ModerationSettings.HOLD_EVERYTHING, "true")));
                return null;
            });
            Comment everything = comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "Held although known."),
                    token(post), null, "10.1.1.5", "IT");
            assertEquals("hold-everything", heldRule(everything));

            asModerator(m -> {
                m.saveSettings(defaults.with(Map.of(ModerationSettings.MINIMUM_SECONDS, "30")));
                return null;
            });
            Comment quick = comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "Typed very fast."),
                    formToken.issue(post, Instant.now().minusSeconds(2)), null, "10.1.1.6", "IT");
            assertEquals("too-fast", heldRule(quick));
            assertTrue(heldReason(quick).endsWith("(minimum 30 s)."), heldReason(quick));
        } finally {
            asModerator(m -> {
                m.saveSettings(defaults);
                return null;
            });
        }
    }

    @Test
    @Order(11)
    void aBannedAuthorsNextCommentGoesToSpam() {
        long post = postId();
        Comment first = comments.submit(post, null, draft("Troll", "troll@example.org", "I disagree loudly."), token(post),
                null, "10.2.2.2", "IT");
        asModerator(m -> {
            m.banEmail(first.getId(), "abusive");
            m.banAddress(first.getId(), "abusive", 0);
            return null;
        });
        assertEquals(0L, count("select count(*) from comment_ban where value_hash like '%troll%'"), "bans keep only hashes");
        Comment byEmail = comments.submit(post, null, draft("Troll", "TROLL@example.org", "Back again."), token(post),
                null, "10.3.3.3", "IT");
        assertEquals(CommentStatus.SPAM, status(byEmail));
        assertEquals("banned", heldRule(byEmail));
        Comment byAddress = comments.submit(post, null, draft("New Name", "fresh@example.org", "Different me."), token(post),
                null, "10.2.2.2", "IT");
        assertEquals("The network address this came from is banned.", heldReason(byAddress));
    }

    @Test
    @Order(12)
    void aBanByAddressSaysWhoElseItShutsOutWhileABanByEmailShutsOutOnlyTheAuthor() {
        long post = postId();
        String flat = "10.12.12.12";
        Comment first = comments.submit(post, null, draft("Flatmate One", "one@flat.example", "From the shared flat."),
                token(post), null, flat, "IT");
        comments.submit(post, null, draft("Flatmate Two", "two@flat.example", "Same wifi."), token(post), null, flat, "IT");
        comments.submit(post, null, draft("Flatmate Two", "TWO@flat.example", "Same wifi, again."), token(post), null, flat, "IT");
        comments.submit(post, null, draft("Flatmate One", "ONE@flat.example", "Me once more."), token(post), null, flat, "IT");
        comments.submit(post, null, draft("Flatmate One", "one@flat.example", "Elsewhere now."), token(post), null, "10.12.0.1", "IT");
        assertEquals(1L, (long) asModerator(m -> m.otherCommentersAtAddress(first.getId())),
                "other commenters are other email addresses, in any letter case");

        asModerator(m -> {
            m.banEmail(first.getId(), "trolling");
            return null;
        });
        assertEquals(List.of(List.of("EMAIL")), TestDatabase.query("select kind from comment_ban where comment_id = ?",
                first.getId()));
        assertEquals("banned", heldRule(comments.submit(post, null, draft("Flatmate One", "One@Flat.example",
                "From a café."), token(post), null, "10.12.0.2", "IT")), "the email is banned wherever it writes from");
        Comment neighbour = comments.submit(post, null, draft("Flatmate Three", "three@flat.example", "New here."),
                token(post), null, flat, "IT");
        assertEquals("first-comment", heldRule(neighbour), "another reader at the same address is not shut out");

        ModerationException unconfirmed = assertThrows(ModerationException.class, () -> asModerator(m -> {
            m.banAddress(first.getId(), null, 1);
            return null;
        }));
        assertTrue(unconfirmed.getMessage().startsWith("2 other commenters have used this network address"),
                unconfirmed.getMessage());
        assertEquals(0L, count("select count(*) from comment_ban where kind = 'ADDRESS' and comment_id = " + first.getId()),
                "nothing is banned without the moderator knowing whom it shuts out");

        asModerator(m -> {
            m.banAddress(first.getId(), null, 2);
            return null;
        });
        Comment later = comments.submit(post, null, draft("Flatmate Four", "four@flat.example", "Just moved in."),
                token(post), null, flat, "IT");
        assertEquals(List.of("SPAM", "The network address this came from is banned."),
                List.of(status(later).name(), heldReason(later)));
        assertTrue(audit.forObject("comment", first.getId()).stream().anyMatch(e -> e.getAction().equals("comment.address-banned")
                && detail(e).contains("also used by 2 other commenters")));
    }

    // ---- Queues -------------------------------------------------------------------------------------

    @Test
    @Order(20)
    void everyQueueTransitionIsAuditedAndShowsInTheThread() {
        long post = postId();
        Comment c = comments.submit(post, null, draft("Queue Walker", "walker@example.org", "Walk me through."), token(post),
                null, "10.4.4.4", "IT");
        long id = c.getId();
        assertTrue(inQueue(CommentQueue.PENDING, id));
        Map<CommentQueue, Long> before = asModerator(ModerationService::queueCounts);

        asModerator(m -> m.approve(id));
        assertTrue(inQueue(CommentQueue.APPROVED, id));
        assertTrue(thread(post).contains(id), "approved: readers see it");
        assertEquals(before.get(CommentQueue.PENDING) - 1, asModerator(ModerationService::queueCounts).get(CommentQueue.PENDING));

        asModerator(m -> m.trash(id));
        assertTrue(inQueue(CommentQueue.TRASH, id));
        assertFalse(thread(post).contains(id), "trashed: readers no longer see it");
        asModerator(m -> m.restore(id));
        assertEquals(CommentStatus.APPROVED, status(c), "restore puts an approved comment back where it was");

        asModerator(m -> m.markSpam(id));
        assertTrue(inQueue(CommentQueue.SPAM, id));
        asModerator(m -> m.restore(id));
        assertEquals(CommentStatus.APPROVED, status(c));

        Comment held = comments.submit(post, null, draft("Spam Then Back", "back@example.org", "Hold me."), token(post),
                null, "10.4.4.5", "IT");
        asModerator(m -> m.markSpam(held.getId()));
        asModerator(m -> m.restore(held.getId()));
        assertEquals(CommentStatus.PENDING, status(held), "a held comment restored from spam waits again");

        List<String> actions = audit.forObject("comment", id).stream().map(e -> e.getAction()).toList();
        assertTrue(actions.containsAll(List.of("comment.submitted", "comment.approved", "comment.trash", "comment.spam")), actions.toString());
    }

    @Test
    @Order(21)
    void manyAtOnce() {
        long post = postId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(comments.submit(post, null, draft("Bulk " + i, "bulk" + i + "@example.org", "Bulk comment " + i),
                    token(post), null, "10.5.5." + i, "IT").getId());
        }
        assertEquals(3, (int) asModerator(m -> m.apply(ModerationAction.TRASH, ids)));
        assertEquals(3L, count("select count(*) from comment where author_name like 'Bulk %' and status = 'TRASH'"));
        assertEquals(3, (int) asModerator(m -> m.apply(ModerationAction.RESTORE, ids)));
        assertEquals(3, (int) asModerator(m -> m.apply(ModerationAction.APPROVE, ids)));
        assertEquals(3L, count("select count(*) from comment where author_name like 'Bulk %' and status = 'APPROVED'"));
    }

    @Test
    @Order(22)
    void editKeepsTheOriginalInTheAuditLogAndStaffRepliesAreMarked() {
        long post = postId();
        Comment c = comments.submit(post, null, draft("Typo Maker", "typo@example.org", "Teh militias said so."), token(post),
                null, "10.6.6.6", "IT");
        asModerator(m -> m.edit(c.getId(), "Typo Maker", null, "The militias said so."));
        assertEquals("The militias said so.", TestDatabase.single("select body from comment where id = ?", c.getId()));
        assertTrue(audit.forObject("comment", c.getId()).stream().anyMatch(e -> e.getAction().equals("comment.edited")
                && detail(e).contains("Teh militias said so.")), "the original is kept");
        CommentRefusedException blank = assertThrows(CommentRefusedException.class,
                () -> asModerator(m -> m.edit(c.getId(), "Typo Maker", null, " ")));
        assertEquals("body", blank.field());

        Comment reply = asModerator(m -> m.replyAsStaff(c.getId(), "Thanks, we corrected it."));
        assertEquals(List.of(true, "APPROVED", c.getId()),
                TestDatabase.query("select staff, status, parent_id from comment where id = ?", reply.getId()).get(0));
        assertEquals(CommentStatus.APPROVED, status(c), "answering a held comment approves it");
    }

    @Test
    @Order(23)
    void onlyModeratorsModerate() {
        List<Runnable> calls = List.of(
                () -> moderation.approve(1L), () -> moderation.markSpam(1L), () -> moderation.trash(1L),
                () -> moderation.restore(1L), () -> moderation.apply(ModerationAction.APPROVE, List.of(1L)),
                () -> moderation.queue(CommentQueue.PENDING, 1), () -> moderation.queueCounts(),
                () -> moderation.edit(1L, "x", null, "y"), () -> moderation.replyAsStaff(1L, "x"),
                () -> moderation.banEmail(1L, null), () -> moderation.banAddress(1L, null, 0),
                () -> moderation.otherCommentersAtAddress(1L), () -> moderation.settings(),
                () -> moderation.saveSettings(null), () -> moderation.setCommentWindow(1L, false, null));
        for (Runnable call : calls) {
            assertThrows(EJBAccessException.class, call::run, "a caller who is not a moderator is refused");
        }
    }

    @Test
    @Order(24)
    @RunAsClient
    void theDeskIsForSignedInModeratorsOnly() throws IOException {
        Connection.Response desk = Jsoup.connect(site.url("/admin/comments/")).followRedirects(false).ignoreHttpErrors(true).execute();
        assertEquals(302, desk.statusCode(), "an anonymous reader is sent to sign in");
        assertTrue(java.net.URI.create(desk.header("Location")).getPath().endsWith("/login"), desk.header("Location"));
        assertFalse(desk.body().contains("Walk me through."));
    }

    // ---- Reports ------------------------------------------------------------------------------------

    @Test
    @Order(30)
    void enoughDistinctReportsHideACommentUntilAModeratorDecides() {
        long post = postId();
        ModerationSettings defaults = asModerator(ModerationService::settings);
        Comment c = comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "A contested opinion."), token(post), null,
                "10.7.7.7", "IT");
        assertEquals(CommentStatus.APPROVED, status(c));
        try {
            asModerator(m -> {
                m.saveSettings(defaults.with(Map.of(ModerationSettings.REPORT_THRESHOLD, "2")));
                return null;
            });
            comments.report(post, c.getId(), "ABUSE", "Insulting", reportToken(post), "10.8.0.1");
            comments.report(post, c.getId(), "SPAM", null, reportToken(post), "10.8.0.1");
            assertEquals(List.of(1, false), TestDatabase.query("select reports_open, hidden_by_reports from comment where id = ?",
                    c.getId()).get(0), "one reader counts once, and the comment stays up");
            assertTrue(inQueue(CommentQueue.REPORTED, c.getId()));
            assertTrue(thread(post).contains(c.getId()));

            comments.report(post, c.getId(), "OFF_TOPIC", null, reportToken(post), "10.8.0.2");
            assertFalse(thread(post).contains(c.getId()), "two readers' reports hide it");
            QueueItem item = asModerator(m -> m.queue(CommentQueue.REPORTED, 1)).stream()
                    .filter(i -> i.getId() == c.getId()).findFirst().orElseThrow();
            assertTrue(item.isHiddenByReports());
            assertEquals(List.of("ABUSE", "OFF_TOPIC"), item.getReports().stream().map(CommentReport::getReason).toList());

            asModerator(m -> m.approve(c.getId()));
            assertTrue(thread(post).contains(c.getId()), "kept by a moderator: shown again");
            assertFalse(inQueue(CommentQueue.REPORTED, c.getId()));
            assertEquals(0L, count("select count(*) from comment_report where comment_id = " + c.getId()
                    + " and resolved_at is null"));

            CommentRefusedException noReason = assertThrows(CommentRefusedException.class,
                    () -> comments.report(post, c.getId(), "nonsense", null, reportToken(post), "10.8.0.3"));
            assertEquals("reason", noReason.field());
        } finally {
            asModerator(m -> {
                m.saveSettings(defaults);
                return null;
            });
        }
    }

    @Test
    @Order(31)
    @RunAsClient
    void aReaderReportsACommentThroughThePage() throws IOException {
        long id = idOf("First time here. Good round-up.");
        Connection.Response shown = site.get(SLUG_PATH + "?report=" + id);
        assertNull(shown.header("Set-Cookie"), "the report form sets no cookie");
        Document page = shown.parse();
        FormElement form = (FormElement) page.selectFirst("form#report-form");
        assertNotNull(form, "the report form opens under the comment");
        assertTrue(form.attr("action").endsWith(SLUG_PATH + "#report-" + id), "a refusal is answered at the form: " + form.attr("action"));

        Document refused = form.submit().execute().parse();
        assertEquals("Please choose what is wrong with this comment.", refused.selectFirst("#report-form .field-error").text());

        FormElement again = (FormElement) site.get(SLUG_PATH + "?report=" + id).parse().selectFirst("form#report-form");
        again.selectFirst("input[value=PERSONAL]").attr("checked", "checked");
        again.selectFirst("textarea[name=details]").val("Names a private person");
        Connection.Response sent = again.submit().followRedirects(false).execute();
        assertEquals(302, sent.statusCode());
        assertTrue(sent.header("Location").contains("?reported=" + id));
        Document thanked = Jsoup.connect(site.url(sent.header("Location"))).get();
        assertTrue(thanked.selectFirst("#comment-" + id + " .reported-thanks").text().startsWith("Thank you for your report."));
        assertEquals("Names a private person", TestDatabase.single(
                "select details from comment_report where comment_id = ? and reason = 'PERSONAL'", id));
    }

    // ---- Closing --------------------------------------------------------------------------------------

    @Test
    @Order(40)
    void aPostClosesAfterItsDaysWithANotice() {
        long post = CommentTestPosts.published("comments-it-closing");
        asModerator(m -> {
            m.setCommentWindow(post, true, 30);
            return null;
        });
        CommentRefusedException closed = assertThrows(CommentRefusedException.class, () -> comments.submit(post, null,
                draft(NADIA, NADIA_EMAIL, "Too late?"), token(post), null, "10.9.9.9", "IT"));
        assertEquals("Comments on this post closed 30 days after it was published.", closed.getMessage());
        asModerator(m -> {
            m.setCommentWindow(post, true, 0);
            return null;
        });
        assertEquals(CommentStatus.APPROVED, status(comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "Never closes."),
                token(post), null, "10.9.9.9", "IT")));
        asModerator(m -> {
            m.setCommentWindow(post, true, 30);
            return null;
        });
    }

    @Test
    @Order(41)
    @RunAsClient
    void theClosedPostSaysSoInsteadOfShowingTheForm() throws IOException {
        Document page = site.get("/post/comments-it-closing").parse();
        assertNull(page.selectFirst("form#comment-form"));
        assertEquals("Comments closed on January 31, 2001, 30 days after this post was published.",
                page.selectFirst(".comments-closed").text());
        assertTrue(page.select(".reply-link").isEmpty(), "no reply links on a closed post");
    }

    // ---- Bad input ----------------------------------------------------------------------------------

    @Test
    @Order(50)
    @RunAsClient
    void hostileAndOddInputIsStoredFaithfullyAndShownEscapedOrRefusedAtTheField() throws IOException {
        String huge = "x".repeat(100 * 1024);
        Document tooLong = submit(page(), NADIA, NADIA_EMAIL, huge).parse();
        assertEquals("Please keep your comment under 10,000 characters.", SiteClient.fieldMessage(tooLong, "body"));
        assertEquals(huge, tooLong.selectFirst("[name=comment-form:body]").val(), "nothing the reader typed is lost");

        String hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> 🇮🇶 👍🏽 שלום עולם \u202Eevil\u202C مرحبا";
        assertEquals(302, submit(page(), NADIA, NADIA_EMAIL, hostile).statusCode());
        assertEquals(hostile.replace("\u202E", "").replace("\u202C", ""),
                TestDatabase.single("select body from comment where author_email = ? and body like '%onerror%'", NADIA_EMAIL),
                "emoji, Hebrew and Arabic are stored as typed; a right-to-left override (and its close), which would show"
                        + " the text around it reversed, is not");
        Connection.Response shown = site.get(SLUG_PATH);
        assertFalse(shown.body().contains("<img src=x"), "never rendered as markup");
        assertFalse(shown.body().contains("<script>alert(1)"));
        Element body = shown.parse().select(".comment-body").stream().filter(e -> e.text().contains("onerror")).findFirst()
                .orElseThrow();
        assertTrue(body.select("script, img").isEmpty());
        assertTrue(body.text().contains("שלום עולם") && body.text().contains("👍🏽"));

        Connection.Response bell = submit(page(), "Bell\u0007 Ringer", "bell@example.org", "Ding\u0001 dong\r\nline two");
        assertEquals(200, bell.statusCode(), "an invisible control character is refused with a message, not dropped");
        Document refused = bell.parse();
        assertEquals("This contains an invisible control character (U+0007), which cannot be shown. Delete it, or type the text"
                + " again.", SiteClient.fieldMessage(refused, "name"));
        assertTrue(SiteClient.fieldMessage(refused, "body").contains("(U+0001)"), SiteClient.fieldMessage(refused, "body"));
        // What was typed is given back (the character the message names with it, for the reader to find).
        assertEquals("Ding dong\nline two", refused.selectFirst("[name=comment-form:body]").val().replace("\r\n", "\n")
                .replace("\u0001", ""), "what was typed is kept");
        assertEquals(0L, ((Number) TestDatabase.single("select count(*) from comment where author_email = 'bell@example.org'")).longValue());
        assertEquals(302, submit(page(), "Bell Ringer", "bell@example.org", "Ding dong\r\nline two").statusCode());
        assertEquals(List.of("Bell Ringer", "Ding dong\nline two"),
                TestDatabase.query("select author_name, body from comment where author_email = 'bell@example.org'").get(0),
                "line breaks kept");

        int status = postRawForm(page(), "Bad UTF8", "bad@example.org", new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF});
        assertEquals(302, status, "invalid UTF-8 is no server error");
        assertEquals("ok \uFFFD( \uFFFD", TestDatabase.single("select body from comment where author_email = 'bad@example.org'"),
                "bytes that are not UTF-8 become replacement characters; the rest is kept as sent");
    }

    @Test
    @Order(51)
    @RunAsClient
    void forgedRepliesAreRefusedAtTheFieldAndKeepTheText() throws IOException {
        long onOtherPost;
        Document other = site.get("/post/" + OTHER_SLUG).parse();
        assertEquals(302, submit(other, NADIA, NADIA_EMAIL, "On the other post.").statusCode());
        onOtherPost = idOf("On the other post.");
        Document cross = replyTo(page(), String.valueOf(onOtherPost), "Crossing posts.");
        assertTrue(cross.text().contains("The comment you are replying to is no longer available."));
        assertEquals("Crossing posts.", cross.selectFirst("[name=comment-form:body]").val());

        Document toHeld = replyTo(page(), String.valueOf(idOf("Hold me.")), "Replying to something held.");
        assertTrue(toHeld.text().contains("no longer available"));

        Document garbage = replyTo(page(), "../../etc", "Garbage parent.");
        assertTrue(garbage.text().contains("no longer available"));
        assertEquals("Garbage parent.", garbage.selectFirst("[name=comment-form:body]").val());
        assertEquals(0L, count("select count(*) from comment where body = 'Garbage parent.'"));
    }

    @Test
    @Order(52)
    void fiftyLevelsOfForgedNestingStayWithinTheConfiguredDepth() {
        long post = postId();
        Long parent = null;
        for (int i = 0; i < 50; i++) {
            Comment c = comments.submit(post, parent, draft(NADIA, NADIA_EMAIL, "Level " + i), token(post), null,
                    "10.10.10.10", "IT");
            assertEquals(CommentStatus.APPROVED, status(c));
            parent = c.getId();
        }
        assertEquals(50L, count("select count(*) from comment where body like 'Level %'"), "every reply is kept");
        assertDepthsFollowTheStoredParents(post);
    }

    @Test
    @Order(53)
    void aReplyToATrashedCommentIsRefused() {
        long post = postId();
        Comment c = comments.submit(post, null, draft(NADIA, NADIA_EMAIL, "Soon in the trash."), token(post), null,
                "10.11.11.11", "IT");
        asModerator(m -> m.trash(c.getId()));
        CommentRefusedException refused = assertThrows(CommentRefusedException.class, () -> comments.submit(post, c.getId(),
                draft("Late Replier", "late@example.org", "Wait!"), token(post), null, "10.11.11.12", "IT"));
        assertEquals("parent", refused.field());
    }

    @Test
    @Order(54)
    @RunAsClient
    void repliesPastTheDeepestLevelJoinTheThreadAboveWithTheDepthTheirParentGives() throws IOException {
        String slug = "comments-it-deep-thread";
        long post = CommentTestPosts.published(slug);
        int maxDepth = CommentService.maxDepth();
        assertEquals(302, submit(site.get("/post/" + slug).parse(), NADIA, NADIA_EMAIL, "Deep 0").statusCode());
        List<Long> chain = new ArrayList<>(List.of(idOf("Deep 0")));
        for (int i = 1; i <= maxDepth + 3; i++) {
            Document replyForm = site.get("/post/" + slug + "?replyto=" + chain.get(i - 1)).parse();
            assertEquals(302, submit(replyForm, NADIA, NADIA_EMAIL, "Deep " + i).statusCode());
            chain.add(idOf("Deep " + i));
        }

        Map<Long, Long> parents = assertDepthsFollowTheStoredParents(post);
        // Each reply at or past the deepest level answers a comment at the deepest level, so it joins that
        // comment's parent: the comment one level above the deepest.
        for (int i = maxDepth; i < chain.size(); i++) {
            assertEquals(chain.get(maxDepth - 2), parents.get(chain.get(i)), "Deep " + i + " is attached one level up");
        }

        Document page = site.get("/post/" + slug).parse();
        List<Element> shown = page.select("li.comment");
        assertEquals(chain.size(), shown.size());
        for (int i = 0; i < shown.size(); i++) {
            long id = Long.parseLong(shown.get(i).id().substring("comment-".length()));
            int depth = ancestors(id, parents);
            assertTrue(shown.get(i).hasClass("depth-" + depth), shown.get(i).className() + " for a comment " + depth + " deep");
            if (depth > 0) {
                // Shown nested: the nearest comment above it that is one level up is its parent.
                Element above = null;
                for (int j = i - 1; above == null && j >= 0; j--) {
                    above = shown.get(j).hasClass("depth-" + (depth - 1)) ? shown.get(j) : null;
                }
                assertNotNull(above, "comment " + id + " has a comment one level up above it");
                assertEquals("comment-" + parents.get(id), above.id(), "comment " + id + " is shown under its parent");
            }
        }
    }

    @Test
    @Order(55)
    @RunAsClient
    void aCommentForAPostThatDoesNotExistIsA404ThatGivesTheTextBack() throws IOException {
        String text = "Nobody will read this <b>here</b>.";
        List<Connection.KeyVal> fields = SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, text).formData();
        HttpResponse<String> sent = site.postAsBrowser("/post/comments-it-no-such-post", fields);
        assertEquals(404, sent.statusCode());
        assertNoStackTrace(sent.body());
        Document answer = Jsoup.parse(sent.body());
        assertEquals("Page not found", answer.selectFirst("h1").text());
        assertEquals(text, unsentText(answer), "what the reader wrote is given back");
        assertFalse(sent.body().contains("<b>here</b>"), "as text, escaped");
        assertEquals(0L, count("select count(*) from comment where body = 'Nobody will read this <b>here</b>.'"));
    }

    @Test
    @Order(56)
    @RunAsClient
    void aPostThatClosesIsUnpublishedOrDeletedWhileTheReaderWritesGivesTheirTextBack() throws IOException {
        String slug = "comments-it-vanishing";
        String path = "/post/" + slug;
        CommentTestPosts.published(slug);

        List<Connection.KeyVal> closing = SiteClient.fillCommentForm(site.get(path).parse(), NADIA, NADIA_EMAIL,
                "Written while comments closed.").formData();
        TestDatabase.update("update post set comments_open = false where slug = ?", slug);
        HttpResponse<String> closed = site.postAsBrowser(path, closing);
        assertEquals(200, closed.statusCode());
        assertNoStackTrace(closed.body());
        Document closedAnswer = Jsoup.parse(closed.body());
        assertEquals("Comments on this post are closed.", closedAnswer.selectFirst("#comment-form .form-errors").text());
        assertEquals("Written while comments closed.", closedAnswer.selectFirst("[name=comment-form:body]").val());
        TestDatabase.update("update post set comments_open = true where slug = ?", slug);

        List<Connection.KeyVal> unpublishing = SiteClient.fillCommentForm(site.get(path).parse(), NADIA, NADIA_EMAIL,
                "Written while it was unpublished.").formData();
        TestDatabase.update("update post set status = 'UNPUBLISHED' where slug = ?", slug);
        HttpResponse<String> unpublished = site.postAsBrowser(path, unpublishing);
        assertEquals(404, unpublished.statusCode());
        assertNoStackTrace(unpublished.body());
        assertEquals("Written while it was unpublished.", unsentText(Jsoup.parse(unpublished.body())));

        TestDatabase.update("update post set status = 'PUBLISHED' where slug = ?", slug);
        List<Connection.KeyVal> deleting = SiteClient.fillCommentForm(site.get(path).parse(), NADIA, NADIA_EMAIL,
                "Written while it was deleted.").formData();
        TestDatabase.update("delete from post where slug = ?", slug);
        HttpResponse<String> deleted = site.postAsBrowser(path, deleting);
        assertEquals(404, deleted.statusCode());
        assertNoStackTrace(deleted.body());
        assertEquals("Written while it was deleted.", unsentText(Jsoup.parse(deleted.body())));
    }

    @Test
    @Order(57)
    @RunAsClient
    void mistakesInTheFormAreAnsweredAtTheFormKeepingTheTextAndNeverWithAServerError() throws IOException {
        List<Connection.KeyVal> noToken = SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, "Sent without a token.")
                .formData().stream().filter(kv -> !kv.key().equals("token")).toList();
        // Without JavaScript the shared page has no token: the first press answers with the form, a token in
        // it, asking for a second press, which sends the comment.
        Document confirm = assertRefusedAtTheForm(site.postAsBrowser(SLUG_PATH, noToken), null,
                "Almost there: please check your comment and press Post Comment once more to send it.", "Sent without a token.");
        assertTrue(confirm.select("#comment-form .form-errors").isEmpty(), "the confirmation step is a note, not an error");
        assertEquals("Almost there: please check your comment and press Post Comment once more to send it.",
                confirm.selectFirst("#comment-form [role=alert] .form-info").text(), "announced from a live region around the list");
        assertFalse(confirm.selectFirst("#comment-form input[name=token]").val().isEmpty(), "the answer carries a token");
        assertEquals(302, site.postAsBrowser(SLUG_PATH, ((FormElement) confirm.selectFirst("form#comment-form")).formData())
                .statusCode(), "the second press sends it");
        assertEquals(1L, count("select count(*) from comment where body = 'Sent without a token.'"));

        FormElement forged = SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, "Sent with a forged token.");
        forged.selectFirst("input[name=token]").val("MTox.bm90LWEtc2lnbmF0dXJl");
        assertRefusedAtTheForm(site.postAsBrowser(SLUG_PATH, forged.formData()), null,
                "This form could not be verified. Please reload the page and send your comment again.", "Sent with a forged token.");

        FormElement noSuchParent = SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, "Replying to nothing.");
        noSuchParent.selectFirst("[name=comment-form:parent]").val("987654321");
        assertRefusedAtTheForm(site.postAsBrowser(SLUG_PATH, noSuchParent.formData()), "parent",
                "The comment you are replying to is no longer available. You can post yours as a new comment.",
                "Replying to nothing.");

        List<Connection.KeyVal> twice = SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, "Sent twice by a double click.").formData();
        assertEquals(302, site.postAsBrowser(SLUG_PATH, twice).statusCode());
        assertRefusedAtTheForm(site.postAsBrowser(SLUG_PATH, twice), null, "This comment has already been sent.",
                "Sent twice by a double click.");
        assertEquals(1L, count("select count(*) from comment where body = 'Sent twice by a double click.'"));

        String huge = "y".repeat(3 * 1024 * 1024);
        HttpResponse<String> tooBig = site.postAsBrowser(SLUG_PATH,
                SiteClient.fillCommentForm(page(), NADIA, NADIA_EMAIL, huge).formData());
        assertEquals(413, tooBig.statusCode(), "more than the server reads of a form is the client's mistake, not a 500");
        assertNoStackTrace(tooBig.body());
        assertEquals("That was too much to send", Jsoup.parse(tooBig.body()).selectFirst("h1").text());
        assertTrue(tooBig.headers().firstValue("Content-Security-Policy").isPresent(), "an error page is protected too");
        assertEquals(0L, count("select count(*) from comment where body like 'yyyyyyyy%'"));
    }

    @Test
    @Order(58)
    @RunAsClient
    void aRefusedCommentIsAnsweredAtTheFormEvenWithoutJavaScript() throws IOException {
        assertTrue(page().selectFirst("form#comment-form").attr("action").endsWith("#respond"),
                "the browser is taken to the form when the answer arrives, with no script needed");
        List<Connection.KeyVal> noName = SiteClient.fillCommentForm(page(), "", NADIA_EMAIL, "A comment without a name.").formData();
        Document answer = assertRefusedAtTheForm(site.postAsBrowser(SLUG_PATH, noName), "name", "Please give your name.",
                "A comment without a name.");
        assertTrue(answer.selectFirst("form#comment-form").attr("action").endsWith("#respond"));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static final String SLUG_PATH = "/post/" + SLUG;

    private <T> T asModerator(Function<ModerationService, T> action) {
        return moderator.act(action);
    }

    private static CommentDraft draft(String name, String email, String body) {
        return new CommentDraft(name, email, null, body);
    }

    private String token(long post) {
        return formToken.issue(post, Instant.now().minusSeconds(60));
    }

    private String reportToken(long post) {
        return formToken.issue(CommentFormToken.REPORT, post, Instant.now());
    }

    private static long postId() {
        return ((Number) TestDatabase.single("select id from post where slug = ?", SLUG)).longValue();
    }

    private static long idOf(String body) {
        return ((Number) TestDatabase.single("select max(id) from comment where body = ?", body)).longValue();
    }

    private static long count(String sql) {
        return ((Number) TestDatabase.single(sql)).longValue();
    }

    private static CommentStatus status(Comment c) {
        return CommentStatus.valueOf((String) TestDatabase.single("select status from comment where id = ?", c.getId()));
    }

    private static String heldRule(Comment c) {
        return (String) TestDatabase.single("select held_by_rule from comment where id = ?", c.getId());
    }

    /** An audit event's detail in English: stored as a phrase, to be worded in each moderator's desk language. */
    private static String detail(org.newsdesk.audit.AuditEvent event) {
        return org.newsdesk.platform.Phrase.restore(event.getDetail()).orElseThrow(() -> new AssertionError("not a phrase: " + event.getDetail())).english();
    }

    private static String heldReason(Comment c) {
        String stored = (String) TestDatabase.single("select held_reason from comment where id = ?", c.getId());
        // Stored as a phrase, worded in each moderator's desk language.
        return stored == null ? null : org.newsdesk.platform.Phrase.restore(stored).orElseThrow(() -> new AssertionError("not a phrase: " + stored)).english();
    }

    private boolean inQueue(CommentQueue queue, long id) {
        return asModerator(m -> m.queue(queue, 1)).stream().anyMatch(i -> i.getId() == id);
    }

    private List<Long> thread(long post) {
        // Every thread on one page: what readers see of the whole conversation.
        return comments.page(post, 1, 0, false, List.of()).comments().stream().map(Comment::getId).toList();
    }

    private Document page() throws IOException {
        return site.get(SLUG_PATH).parse();
    }

    private static Connection.Response submit(Document page, String name, String email, String body) throws IOException {
        return SiteClient.fillCommentForm(page, name, email, body).submit().followRedirects(false).ignoreHttpErrors(true).maxBodySize(0).execute();
    }

    private static Document replyTo(Document page, String parent, String body) throws IOException {
        FormElement form = SiteClient.fillCommentForm(page, NADIA, NADIA_EMAIL, body);
        form.selectFirst("[name=comment-form:parent]").val(parent);
        Connection.Response response = form.submit().followRedirects(false).ignoreHttpErrors(true).execute();
        assertEquals(200, response.statusCode(), "refused with a message, not an error page");
        return response.parse();
    }

    /** Posts the comment form with a body that is not valid UTF-8, as a broken client might. */
    private int postRawForm(Document page, String name, String email, byte[] body) throws IOException {
        FormElement form = SiteClient.fillCommentForm(page, name, email, "placeholder");
        StringBuilder fields = new StringBuilder();
        for (Connection.KeyVal kv : form.formData()) {
            if (!kv.key().equals("comment-form:body")) {
                fields.append(URLEncoder.encode(kv.key(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(kv.value(), StandardCharsets.UTF_8)).append('&');
            }
        }
        fields.append("comment-form%3Abody=");
        HttpURLConnection http = (HttpURLConnection) URI.create(site.url(SLUG_PATH)).toURL().openConnection();
        http.setInstanceFollowRedirects(false);
        http.setDoOutput(true);
        http.setRequestMethod("POST");
        http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        try (OutputStream out = http.getOutputStream()) {
            out.write(fields.toString().getBytes(StandardCharsets.US_ASCII));
            for (byte b : body) {
                out.write(("%" + String.format("%02X", b & 0xFF)).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return http.getResponseCode();
    }

    /**
     * Checks every comment under the post: its depth is its stored parent's depth plus one, which is how
     * many comments it really nests under, and never deeper than the configured maximum allows.
     * Returns each comment's parent.
     */
    private static Map<Long, Long> assertDepthsFollowTheStoredParents(long post) {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Integer> depths = new HashMap<>();
        for (List<Object> row : TestDatabase.query("select id, parent_id, depth from comment where post_id = ?", post)) {
            long id = ((Number) row.get(0)).longValue();
            parents.put(id, row.get(1) == null ? null : ((Number) row.get(1)).longValue());
            depths.put(id, ((Number) row.get(2)).intValue());
        }
        depths.forEach((id, depth) -> {
            Long parent = parents.get(id);
            assertEquals(parent == null ? 0 : depths.get(parent) + 1, depth, "depth of comment " + id + " under " + parent);
            assertEquals(ancestors(id, parents), depth, "comment " + id + " nests as deep as its depth says");
            assertTrue(depth <= CommentService.maxDepth() - 1, "comment " + id + " is " + depth + " deep");
        });
        return parents;
    }

    private static int ancestors(long id, Map<Long, Long> parents) {
        int count = 0;
        for (Long parent = parents.get(id); parent != null; parent = parents.get(parent)) {
            count++;
        }
        return count;
    }

    /** What the page gives back of a comment that could not be sent. */
    private static String unsentText(Document page) {
        Element unsent = page.selectFirst("textarea.unsent-comment");
        assertNotNull(unsent, "the page gives the reader's text back: " + page.text());
        return unsent.val();
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception") || body.matches("(?s).*\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(.*"), () -> "no stack trace: " + body.substring(0, Math.min(body.length(), 4000)));
    }

    /** A refused comment: the page again, the message at the field (or atop the form) and the text kept. */
    private static Document assertRefusedAtTheForm(HttpResponse<String> answer, String field, String message, String text) {
        assertEquals(200, answer.statusCode(), "refused with a message, not an error page");
        assertNoStackTrace(answer.body());
        Document page = Jsoup.parse(answer.body());
        assertEquals(message, field == null ? page.selectFirst("#comment-form .form-errors, #comment-form .form-info").text()
                : SiteClient.fieldMessage(page, field));
        assertEquals(text, page.selectFirst("[name=comment-form:body]").val(), "nothing the reader typed is lost");
        return page;
    }

    private static String utf8Hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(Connection.Response response, String name) {
        for (String header : response.headers("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(0, header.indexOf(';'));
            }
        }
        return null;
    }

}
