package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.account.Passwords;
import org.newsdesk.account.SignInThrottleSweep;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublicationCheck;
import org.newsdesk.post.PublicationRefusedException;
import org.newsdesk.post.PublicationScheduler;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.SameStory;
import org.newsdesk.post.StorySimilarity;
import org.newsdesk.post.WorkflowException;

/**
 * The publishing workflow inside a real Payara Micro, against the real database, through the
 * role-checked EJBs: every transition, every refusal, what the audit log says of each, the scheduler
 * (with a second Payara Micro on the same database), the compose page's refused publish, and the edit
 * conflict; and the hourly sweep of the sign-in throttle.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    /** How long a second Payara Micro may take to start on a busy two-core machine. */
    private static final Duration BOOT = Duration.ofMinutes(3);

    @EJB
    private StaffForTests staff;

    @Inject
    private Passwords passwords;

    @EJB
    private WriterForTests writer;

    @EJB
    private EditorForTests editor;

    @EJB
    private PublishingService anonymous;

    @EJB
    private PublicationScheduler scheduler;

    @EJB
    private SameStory anonymousSameStory;

    @EJB
    private SignInThrottleSweep throttleSweep;

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @BeforeEach
    void staff() {
        // Runs on the client too, before the @RunAsClient methods, which get no injection and sign in as admin.
        if (staff != null) {
            staff.ensure();
        }
    }

    @Test
    void aWriterDraftsAndSubmitsAndAnEditorPublishes() {
        Post draft = writer.act(p -> p.create(completeDraft("Writers draft, editors publish")));
        assertEquals(PostStatus.DRAFT, status(draft));
        assertEquals("Wendy Writer", TestDatabase.single(
                "select u.display_name from post p join users u on u.id = p.author_id where p.id = ?", draft.getId()));

        writer.act(p -> { p.submit(draft.getId()); return null; });
        assertEquals(PostStatus.IN_REVIEW, status(draft));
        assertThrows(EJBAccessException.class, () -> writer.act(p -> { p.publish(draft.getId()); return null; }),
                "a writer who forges a publish request is refused by the EJB");
        assertThrows(EJBAccessException.class, () -> anonymous.publish(draft.getId()), "so is a caller with no account");
        assertEquals(PostStatus.IN_REVIEW, status(draft));

        editor.act(p -> { p.publish(draft.getId()); return null; });
        assertEquals(PostStatus.PUBLISHED, status(draft));
        assertNotNull(TestDatabase.single("select published_at from post where id = ?", draft.getId()));
        assertEquals(List.of("post.created", "post.submitted", "post.published"), auditActions(draft.getId()));

        editor.act(p -> { p.unpublish(draft.getId()); return null; });
        assertEquals(PostStatus.UNPUBLISHED, status(draft));
        assertThrows(WorkflowException.class, () -> editor.act(p -> { p.unpublish(draft.getId()); return null; }));
    }

    /**
     * An outlet a writer names on the compose page goes through the registry's own checks: a domain that is
     * not one and a name another outlet has are refused at the excerpt's field, nothing is saved, and an
     * outlet already registered under that domain is used rather than added twice.
     */
    @Test
    void anOutletNamedOnTheComposePageIsCheckedAsTheRegistryChecksIt() {
        PostDraft badDomain = completeDraft("An outlet with no domain to speak of");
        badDomain.getExcerpts().get(0).setNewOutletName("Nowhere Gazette");
        badDomain.getExcerpts().get(0).setNewOutletDomain("not a domain");
        WorkflowException refused = assertThrows(WorkflowException.class, () -> writer.act(p -> p.create(badDomain)));
        assertEquals("excerpts:0:newOutletDomain", refused.field());
        assertEquals("Excerpt 1: Give the outlet's home domain, like reuters.com.", refused.getMessage());

        PostDraft takenName = completeDraft("An outlet that borrows a name");
        takenName.getExcerpts().get(0).setNewOutletName("reuters");
        takenName.getExcerpts().get(0).setNewOutletDomain("reuters-copy.example");
        writer.act(p -> p.create(completeDraft("Registers Reuters first")));
        refused = assertThrows(WorkflowException.class, () -> writer.act(p -> p.create(takenName)));
        assertEquals("excerpts:0:newOutletName", refused.field());
        assertTrue(refused.getMessage().startsWith("Excerpt 1: There is already an outlet of that name, REUTERS"), refused.getMessage());

        assertEquals(0L, count("select count(*) from outlet where domain in ('not a domain', 'reuters-copy.example')"));
        assertEquals(0L, count("select count(*) from post where headline in ('An outlet with no domain to speak of',"
                + " 'An outlet that borrows a name')"));
        assertEquals(1L, count("select count(*) from outlet where domain = 'reuters.com'"));
        assertEquals(0L, count("select count(*) from audit_event where action = 'outlet.created' and object_id is null"),
                "the registry records the new outlet's id");
    }

    /**
     * Passwords are hashed by Jakarta Security's Pbkdf2PasswordHash now. A hash stored by the PBKDF2 code it
     * replaced still signs in (this one was made by that code, LegacyPasswordHash, before the change), and a
     * new hash is one the old code reads too, so a rollback keeps every account.
     */
    @Test
    void passwordsHashedBeforeJakartaSecurityStillMatch() {
        String storedBefore = "PBKDF2WithHmacSHA256:210000:YE9q5/0xkS6G/bitcmtc1w==:T2M5GUY4UKJKUSmOcQzxXf9zUZaUUALUKbrxztPwT+Q=";
        assertTrue(passwords.matches("correct horse battery staple".toCharArray(), storedBefore));
        assertFalse(passwords.matches("correct horse battery stapler".toCharArray(), storedBefore));
        String older = org.newsdesk.account.LegacyPasswordHash.of("a password from last year".toCharArray());
        assertTrue(passwords.matches("a password from last year".toCharArray(), older));

        String fresh = passwords.hash("Ελληνικά كلمة סיסמה 🔑".toCharArray());
        assertTrue(fresh.startsWith("PBKDF2WithHmacSHA256:210000:"), fresh);
        assertEquals(16, java.util.Base64.getDecoder().decode(fresh.split(":")[2]).length, "a 16-byte salt");
        assertTrue(org.newsdesk.account.LegacyPasswordHash.matches("Ελληνικά كلمة סיסמה 🔑".toCharArray(), fresh));
        assertNotEquals(fresh, passwords.hash("Ελληνικά كلمة סיסמה 🔑".toCharArray()), "salted afresh each time");

        assertFalse(passwords.matches("x".toCharArray(), null));
        assertFalse(passwords.matches("x".toCharArray(), "sha256:abc"));
        assertFalse(passwords.matches("x".toCharArray(), "PBKDF2WithHmacSHA256:1000:%%%:%%%"));
    }

    /** Failed sign-ins stop counting after a day: the hourly sweep deletes them, and only them. */
    @Test
    void theThrottleSweepForgetsFailuresNoLongerCountedAndKeepsTheRest() {
        TestDatabase.update("delete from signin_throttle where subject like 'account:sweep-%'");
        TestDatabase.update("insert into signin_throttle (subject, failures, last_failure, not_before) values"
                + " ('account:sweep-old', 7, UTC_TIMESTAMP() - INTERVAL 25 HOUR, UTC_TIMESTAMP() - INTERVAL 25 HOUR),"
                + " ('account:sweep-old-no-wait', 2, UTC_TIMESTAMP() - INTERVAL 3 DAY, NULL),"
                + " ('account:sweep-recent', 7, UTC_TIMESTAMP() - INTERVAL 23 HOUR, NULL),"
                + " ('account:sweep-still-waiting', 40, UTC_TIMESTAMP() - INTERVAL 25 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR)");
        assertTrue(throttleSweep.forgetOldFailures(Instant.now()) >= 2);
        assertEquals(List.of("account:sweep-recent", "account:sweep-still-waiting"), TestDatabase.query(
                "select subject from signin_throttle where subject like 'account:sweep-%' order by subject").stream()
                .map(row -> row.get(0)).toList());
        TestDatabase.update("delete from signin_throttle where subject like 'account:sweep-%'");
    }

    @Test
    void anEditorSendsAPostBackWithANoteTheWriterSees() {
        Post post = writer.act(p -> p.create(completeDraft("Sent back once")));
        writer.act(p -> { p.submit(post.getId()); return null; });
        WorkflowException noNote = assertThrows(WorkflowException.class,
                () -> editor.act(p -> { p.reject(post.getId(), " "); return null; }));
        assertEquals("note", noNote.field());
        editor.act(p -> { p.reject(post.getId(), "Add the Reuters excerpt."); return null; });
        assertEquals(PostStatus.DRAFT, status(post));
        assertEquals("Add the Reuters excerpt.", writer.act(p -> p.post(post.getId()).getReviewNote()));
        writer.act(p -> { p.submit(post.getId()); return null; });
        assertEquals(PostStatus.IN_REVIEW, status(post));
        assertThrows(WorkflowException.class, () -> writer.act(p -> p.save(post.getId(), version(post), completeDraft("x"))),
                "a writer cannot change a post once it is with the editors");
    }

    @Test
    void publishingRefusesAPostWithoutFullAttribution() {
        PostDraft empty = new PostDraft();
        empty.setHeadline("Nothing quoted yet");
        Post bare = editor.act(p -> p.create(empty));
        PublicationRefusedException none = assertThrows(PublicationRefusedException.class,
                () -> editor.act(p -> { p.publish(bare.getId()); return null; }));
        assertEquals("excerpts", none.problems().get(0).field());

        PostDraft unattributed = new PostDraft();
        unattributed.setHeadline("Half attributed");
        unattributed.addExcerpt().setBodyText("Quoted words.");
        Post half = editor.act(p -> p.create(unattributed));
        PublicationRefusedException missing = assertThrows(PublicationRefusedException.class,
                () -> editor.act(p -> { p.publish(half.getId()); return null; }));
        assertEquals(List.of("outlet", "articleUrl", "originalPublishedOn"),
                missing.problems().stream().map(PublicationCheck.Problem::field).toList());
        assertTrue(missing.getMessage().contains("Excerpt 1: choose the outlet"));

        PostDraft uncredited = completeDraft("Photo without credit");
        uncredited.getExcerpts().get(0).setPhotoId(demoPhotoId());
        Post photo = editor.act(p -> p.create(uncredited));
        PublicationRefusedException credit = assertThrows(PublicationRefusedException.class,
                () -> editor.act(p -> { p.publish(photo.getId()); return null; }));
        assertEquals("creditLine", credit.problems().get(0).field());
        assertEquals(PostStatus.DRAFT, status(photo));
    }

    /**
     * The compose page's "Publish now" on a post that cannot be published yet: the editor is told why and
     * keeps what they typed, and neither the post nor the audit log changes.
     */
    @Test
    @RunAsClient
    void aPublishRefusedOnTheComposePageSavesNothing() throws IOException {
        Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        FormElement compose = (FormElement) desk.newRequest(site.url("/admin/posts/edit")).get().selectFirst("form#edit");
        compose.selectFirst("[name=edit:headline]").val("Refused on the desk");
        Connection.Response saved = site.press(desk, compose, "edit:save");
        assertEquals(302, saved.statusCode(), "a save is followed by a redirect to the post");
        long id = Long.parseLong(saved.header("Location").replaceFirst(".*[?&]id=", ""));

        FormElement edit = (FormElement) desk.newRequest(site.url(saved.header("Location"))).get().selectFirst("form#edit");
        edit.selectFirst("[name=edit:headline]").val("Refused on the desk, retitled");
        Connection.Response refused = site.press(desk, edit, "edit:publish");
        assertEquals(200, refused.statusCode(), "a refusal stays on the page");
        Document page = refused.parse();
        assertTrue(page.text().contains("Not published yet"), "the editor is told why");
        assertEquals("Refused on the desk, retitled", page.selectFirst("[name=edit:headline]").val(), "what they typed is still there");
        assertEquals("Refused on the desk", TestDatabase.single("select headline from post where id = ?", id), "nothing was saved");
        assertEquals("DRAFT", TestDatabase.single("select status from post where id = ?", id));
        assertEquals(List.of("post.created"), auditActions(id), "nothing was logged but the first save");
    }

    /**
     * A browser still holding the Faces flash cookie of a server that has since restarted (or of another
     * instance): the save works and the next page says "Saved.". Before, with the message in the flash,
     * the save answered 500 (a NullPointerException in Mojarra's ELFlash).
     */
    @Test
    @RunAsClient
    void aSaveWithAnotherServersFlashCookieStillSaysSaved() throws IOException {
        Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        desk.cookie("csfcfc", "79_EfCDmxGKHq1l0");
        FormElement compose = (FormElement) desk.newRequest(site.url("/admin/posts/edit")).get().selectFirst("form#edit");
        compose.selectFirst("[name=edit:headline]").val("Saved past a restart");
        Connection.Response saved = site.press(desk, compose, "edit:save");
        assertEquals(302, saved.statusCode(), "saved and sent to the post");
        Document next = desk.newRequest(site.url(saved.header("Location"))).get();
        assertEquals("Saved.", next.select(".flash .flash-info").text());
        assertEquals("", desk.newRequest(site.url(saved.header("Location"))).get().select(".flash").text(), "said once");
    }

    @Test
    void aComposePageStepSavesAndStepsTogetherOrNotAtAll() {
        PostDraft uncredited = completeDraft("Saved only with its step");
        uncredited.getExcerpts().get(0).setPhotoId(demoPhotoId());
        assertThrows(PublicationRefusedException.class, () -> editor.act(p -> p.publish(null, 0, uncredited)),
                "a photo without a credit line");
        assertEquals(0L, count("select count(*) from post where headline = 'Saved only with its step'"), "a new post is not even created");

        Post post = editor.act(p -> p.create(completeDraft("Saved only with its step")));
        long opened = version(post);
        PostDraft changed = editor.act(p -> PostDraft.of(p.post(post.getId())));
        changed.setHeadline("Saved only with its step, retitled");
        changed.getExcerpts().get(0).setPhotoId(demoPhotoId());
        assertThrows(PublicationRefusedException.class, () -> editor.act(p -> p.publish(post.getId(), opened, changed)));
        assertEquals("Saved only with its step", TestDatabase.single("select headline from post where id = ?", post.getId()));
        assertEquals(opened, version(post));

        PostDraft unchanged = editor.act(p -> PostDraft.of(p.post(post.getId())));
        editor.act(p -> p.schedule(post.getId(), opened, unchanged, Instant.parse("2099-07-01T09:30:00Z")));
        assertEquals(List.of("post.created", "post.scheduled"), auditActions(post.getId()), "no save is logged when nothing changed");

        changed.getExcerpts().get(0).setCreditLine("AP Photo/Hadi Mizban");
        editor.act(p -> p.cancelSchedule(post.getId(), version(post), changed));
        assertEquals(List.of("post.created", "post.scheduled", "post.saved", "post.schedule-cancelled"), auditActions(post.getId()));
        assertEquals("Saved only with its step, retitled", TestDatabase.single("select headline from post where id = ?", post.getId()));
        assertEquals(PostStatus.DRAFT, status(post));
    }

    @Test
    void theAuditLogSaysForWhenAPostWasScheduled() {
        Post post = editor.act(p -> p.create(completeDraft("Scheduled, then not")));
        editor.act(p -> { p.schedule(post.getId(), Instant.parse("2099-07-01T09:30:00Z")); return null; });
        editor.act(p -> { p.cancelSchedule(post.getId()); return null; });
        assertEquals(List.of("post.created", "post.scheduled", "post.schedule-cancelled"), auditActions(post.getId()));
        assertEquals("for July 1, 2099 09:30 UTC", auditDetail(post.getId(), "post.scheduled"));
        assertEquals("was for July 1, 2099 09:30 UTC", auditDetail(post.getId(), "post.schedule-cancelled"));
    }

    @Test
    void anExcerptOverTheWordLimitNeedsAnEditorsReasonWhichIsRecorded() {
        TestDatabase.update("insert into outlet (name, domain, max_excerpt_words) values ('STRICT DAILY', 'strict.example', 5)");
        long strict = ((Number) TestDatabase.single("select id from outlet where domain = 'strict.example'")).longValue();
        PostDraft draft = completeDraft("Too long a quote");
        draft.getExcerpts().get(0).setOutletId(strict);
        draft.getExcerpts().get(0).setBodyText("one two three four five six seven");
        draft.getExcerpts().get(0).setLengthOverrideReason("A writer cannot excuse this");
        Post post = writer.act(p -> p.create(draft));
        writer.act(p -> { p.submit(post.getId()); return null; });
        PublicationRefusedException tooLong = assertThrows(PublicationRefusedException.class,
                () -> editor.act(p -> { p.publish(post.getId()); return null; }));
        assertEquals("body", tooLong.problems().get(0).field());
        assertTrue(tooLong.getMessage().contains("quotes 7 words; STRICT DAILY allows 5"));

        PostDraft excused = editor.act(p -> PostDraft.of(p.post(post.getId())));
        excused.getExcerpts().get(0).setLengthOverrideReason("Licensed in full by Strict Daily");
        editor.act(p -> p.save(post.getId(), version(post), excused));
        editor.act(p -> { p.publish(post.getId()); return null; });
        assertEquals(PostStatus.PUBLISHED, status(post));
        assertTrue(((String) TestDatabase.single("select detail from audit_event where object_type = 'post' and object_id = ?"
                + " and action = 'post.published'", post.getId())).contains("Licensed in full by Strict Daily"));
    }

    /** One outlet policy as the guard applies it: how the excerpt breaks it, and what the refusal says. */
    private record Policy(String outletColumns, String outletValues, String outletName, java.util.function.Consumer<ExcerptDraft> breakIt,
                          String field, String message, String rule) {
    }

    /**
     * Each outlet policy (share of an article, with the length known and unknown; photos never, or only with a
     * licence; the photo credit format) refuses a publish through the service, naming excerpt, rule and outlet; a
     * writer's reason changes nothing; an editor's reason lets it publish, and the audit log says which rule it
     * overrode and why.
     */
    @Test
    void eachOutletPolicyRefusesAPublishUntilAnEditorRecordsAReason() {
        List<Policy> policies = List.of(
                new Policy("max_quote_percent", "10", "SHARE DAILY", e -> e.setSourceWordCount(20), "body",
                        "Excerpt 1: SHARE DAILY allows quoting 10% of an article; this quotes 30% (6 of 20 words).", "share of an article"),
                new Policy("max_quote_percent", "50", "LENGTH UNKNOWN", e -> e.setSourceWordCount(null), "sourceWordCount",
                        "Excerpt 1: LENGTH UNKNOWN allows quoting 50% of an article, and the article's length is unknown.", "share of an article"),
                new Policy("photo_policy", "'NEVER'", "NO PHOTOS WIRE", e -> { }, "photo",
                        "Excerpt 1: NO PHOTOS WIRE does not allow its photos to be used (photo policy).", "photo policy"),
                new Policy("photo_policy", "'WITH_LICENCE'", "LICENSED PICTURES", e -> e.setPhotoLicence(" "), "photoLicence",
                        "Excerpt 1: LICENSED PICTURES allows its photos only with a licence noted (photo policy).", "photo policy"),
                new Policy("photo_credit_format", "'FP Photo/{name}'", "FORMAT PRESS", e -> e.setCreditLine("Hadi Mizban"), "creditLine",
                        "Excerpt 1: FORMAT PRESS requires photo credits as \u201cFP Photo/{name}\u201d (photo credit format);"
                                + " this credit is \u201cHadi Mizban\u201d.", "photo credit format"));
        for (Policy policy : policies) {
            String domain = policy.outletName().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example";
            TestDatabase.update("insert into outlet (name, domain, " + policy.outletColumns() + ") values ('" + policy.outletName()
                    + "', '" + domain + "', " + policy.outletValues() + ")");
            long outlet = ((Number) TestDatabase.single("select id from outlet where domain = ?", domain)).longValue();
            PostDraft draft = completeDraft("Held to " + policy.outletName() + "'s " + policy.rule());
            ExcerptDraft excerpt = draft.getExcerpts().get(0);
            excerpt.setOutletId(outlet);
            excerpt.setNewOutletName(null);
            excerpt.setNewOutletDomain(null);
            excerpt.setArticleUrl("https://" + domain + "/story");
            excerpt.setPhotoId(demoPhotoId());
            excerpt.setPhotoAlt("Mourners in Baghdad");
            excerpt.setCreditLine("FP Photo/Hadi Mizban");
            excerpt.setSourceWordCount(12);
            policy.breakIt().accept(excerpt);
            excerpt.setLengthOverrideReason("A writer cannot excuse this");
            Post post = writer.act(p -> p.create(draft));
            writer.act(p -> { p.submit(post.getId()); return null; });

            PublicationRefusedException refused = assertThrows(PublicationRefusedException.class,
                    () -> editor.act(p -> { p.publish(post.getId()); return null; }), policy.outletName());
            assertEquals(List.of(policy.field()), refused.problems().stream().map(PublicationCheck.Problem::field).toList(), policy.outletName());
            assertTrue(refused.problems().get(0).message().english().startsWith(policy.message()), refused.problems().get(0).message().english());
            assertTrue(refused.problems().get(0).overridable(), "an editor may publish it with a reason; the page says how, by role");
            assertEquals(PostStatus.IN_REVIEW, status(post));

            PostDraft excused = editor.act(p -> PostDraft.of(p.post(post.getId())));
            assertEquals(null, excused.getExcerpts().get(0).getLengthOverrideReason(), "the writer's reason was not kept");
            String reason = "Cleared with " + policy.outletName() + "'s desk";
            excused.getExcerpts().get(0).setLengthOverrideReason(reason);
            editor.act(p -> p.save(post.getId(), version(post), excused));
            editor.act(p -> { p.publish(post.getId()); return null; });
            assertEquals(PostStatus.PUBLISHED, status(post), policy.outletName());
            assertEquals(" (excerpt 1 overrides " + policy.outletName() + "'s " + policy.rule() + ": " + reason + ")",
                    auditDetail(post.getId(), "post.published"));
        }
    }

    /** A paywalled outlet is named so next to READ FULL ARTICLE on the public post page; a free one is not. */
    @Test
    void thePostPageSaysWhichArticlesNeedASubscription() throws IOException {
        TestDatabase.update("insert into outlet (name, domain, paywalled) values ('PAYWALL TIMES', 'paywall-times.example', true)");
        long paywalled = ((Number) TestDatabase.single("select id from outlet where domain = 'paywall-times.example'")).longValue();
        PostDraft draft = completeDraft("Behind a paywall, and not");
        ExcerptDraft walled = draft.getExcerpts().get(0);
        walled.setOutletId(paywalled);
        walled.setNewOutletName(null);
        walled.setNewOutletDomain(null);
        walled.setArticleUrl("https://paywall-times.example/story");
        ExcerptDraft free = completeDraft("Free to read").getExcerpts().get(0);
        draft.getExcerpts().add(free);
        Post post = editor.act(p -> p.create(draft));
        editor.act(p -> { p.publish(post.getId()); return null; });

        Document page = site.get("/post/" + TestDatabase.single("select slug from post where id = ?", post.getId())).parse();
        var labels = page.select(".read-more .paywall");
        assertEquals(1, labels.size(), "only the paywalled outlet's excerpt: " + page.select(".read-more"));
        assertEquals("Subscription", labels.get(0).selectFirst("[aria-hidden=true]").text(), "what the eye reads");
        assertEquals("Subscription needed to read the full article at PAYWALL TIMES", labels.get(0).selectFirst(".visually-hidden").text(),
                "what the link is described by: one sentence, worded whole (not pieced together)");
        assertEquals("paywall-1", page.selectFirst("#excerpt-1 .read-more a").attr("aria-describedby"));
        assertFalse(page.selectFirst("#excerpt-2 .read-more a").hasAttr("aria-describedby"));
    }

    @Test
    void badInputIsRefusedAtTheFieldAndNothingIsSaved() {
        PostDraft script = completeDraft("A javascript link");
        script.getExcerpts().get(0).setArticleUrl("javascript:alert(1)");
        WorkflowException url = assertThrows(WorkflowException.class, () -> writer.act(p -> p.create(script)));
        assertEquals("excerpts:0:articleUrl", url.field());
        assertEquals(0L, count("select count(*) from post where headline = 'A javascript link'"));

        PostDraft huge = completeDraft("x".repeat(10_000));
        EJBException tooLong = assertThrows(EJBException.class, () -> writer.act(p -> p.create(huge)));
        assertTrue(causedBy(tooLong, ConstraintViolationException.class));

        PostDraft first = completeDraft("Same address");
        first.setSlug("same-address");
        writer.act(p -> p.create(first));
        WorkflowException taken = assertThrows(WorkflowException.class, () -> writer.act(p -> p.create(first)));
        assertEquals("slug", taken.field());
        Post automatic = writer.act(p -> p.create(completeDraft("Same address")));
        assertEquals("same-address-2", automatic.getSlug(), "a slug made from the headline is made unique");
    }

    @Test
    void aScheduledPostPublishesOnTimeExactlyOnce() throws Exception {
        Post post = editor.act(p -> p.create(completeDraft("Scheduled a few seconds ahead")));
        assertThrows(WorkflowException.class,
                () -> editor.act(p -> { p.schedule(post.getId(), Instant.now().minusSeconds(60)); return null; }));
        editor.act(p -> { p.schedule(post.getId(), Instant.now().plusSeconds(3)); return null; });
        assertEquals(PostStatus.SCHEDULED, status(post));
        long deadline = System.currentTimeMillis() + 20_000;
        while (status(post) != PostStatus.PUBLISHED && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(PostStatus.PUBLISHED, status(post), "the timer published the post");
        Thread.sleep(1000);
        assertEquals(1L, count("select count(*) from audit_event where object_type = 'post' and object_id = "
                + post.getId() + " and action = 'post.published'"));
        assertEquals("scheduler", TestDatabase.single("select actor from audit_event where object_type = 'post'"
                + " and object_id = ? and action = 'post.published'", post.getId()));
    }

    @Test
    void aScheduleMissedWhileTheServerWasDownPublishesAtStartUp() {
        Post post = editor.act(p -> p.create(completeDraft("Missed while down")));
        editor.act(p -> { p.schedule(post.getId(), Instant.now().plusSeconds(3600)); return null; });
        // As if the server had been down when the time came.
        TestDatabase.update("update post set publish_at = '2024-11-01 16:00:00' where id = " + post.getId());
        scheduler.catchUpAndArm();
        assertEquals(PostStatus.PUBLISHED, status(post));
        assertEquals("scheduled for November 1, 2024 16:00 UTC", auditDetail(post.getId(), "post.published"));
    }

    /** The session cookie the sign-in page sets, as the browser receives it. */
    private static String sessionCookie(SecondInstance instance, String forwardedProto) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(instance.url() + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    /**
     * A second Payara Micro on the same database, started as the run command starts one and then
     * restarted, runs its own scheduler beside this server's. A post scheduled for the second at which
     * every instance sweeps for due posts publishes once, and the restart logs no exception. Staff signing
     * in and working there log nothing either.
     */
    @Test
    void twoInstancesOnOneDatabasePublishAScheduledPostOnceAndARestartLogsNoException() throws Exception {
        Path home = Path.of("target", "second-instance").toAbsolutePath();
        Path logs = Path.of("target", "failsafe-reports").toAbsolutePath();
        try (SecondInstance first = SecondInstance.start(home, logs.resolve("PublishingIT-second-instance-first-start.log"), BOOT)) {
            assertTrue(first.log().contains("Publication schedule:"), "the second instance's scheduler started");
            // Started as the run command starts it, it listens on the loopback interface only.
            assertTrue(first.answersOn(java.net.InetAddress.getLoopbackAddress()));
            for (java.net.InetAddress outside : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address).toList()) {
                assertFalse(first.answersOn(outside), "the run command's server answers on " + outside);
            }
            // The session cookie is SameSite=Lax and HttpOnly, and Secure when the request came over HTTPS: here
            // through a trusted proxy (the tests trust 127.0.0.1) that says so.
            // (Attribute names and values are case-insensitive; Payara writes "SameSite=lax".)
            String plain = sessionCookie(first, null).toLowerCase(java.util.Locale.ROOT);
            assertTrue(plain.contains("; samesite=lax") && plain.contains("; httponly"), plain);
            assertFalse(plain.contains("; secure"), "not over plain HTTP: " + plain);
            String overHttps = sessionCookie(first, "https").toLowerCase(java.util.Locale.ROOT);
            assertTrue(overHttps.contains("; secure") && overHttps.contains("; samesite=lax"), overHttps);

            // Before: a session there was kept in a replicated store with no Hazelcast to replicate to, and every
            // sign-in and desk page logged "Hazelcast is not enabled" and "Cannot serialize session attribute".
            int logMark = first.log().length();
            SiteClient second = new SiteClient(() -> {
                try {
                    return java.net.URI.create(first.url()).toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Connection desk = second.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
            for (String page : List.of("/admin/posts/edit", "/admin/posts/", "/admin/media/")) {
                assertEquals(200, desk.newRequest(second.url(page)).execute().statusCode(), page);
            }
            Thread.sleep(1_000);
            List<String> logged = first.log().substring(logMark).lines()
                    .filter(line -> line.contains("WARNING") || line.contains("SEVERE") || line.contains("Exception")).toList();
            assertEquals(List.of(), logged, "staff at work there log nothing");
        }
        try (SecondInstance restarted = SecondInstance.start(home, logs.resolve("PublishingIT-second-instance-restart.log"), BOOT)) {
            Post post = editor.act(p -> p.create(completeDraft("Raced by two instances")));
            // Both instances sweep for due posts every NEWSDESK_PUBLISH_SWEEP_SECONDS (10 here, from second 0; at second
            // 30 of every minute by default); this server also has a timer for it. Due at a sweep, all three race.
            int every = Integer.parseInt(System.getenv().getOrDefault("NEWSDESK_PUBLISH_SWEEP_SECONDS", "60"));
            Instant now = Instant.now();
            Instant at = now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(every >= 60 ? 30 : 0);
            while (at.isBefore(now.plusSeconds(8))) {
                at = at.plusSeconds(Math.min(every, 60));
            }
            Instant due = at;
            editor.act(p -> { p.schedule(post.getId(), due); return null; });
            // Past the sweeps, and past the container's redelivery (5 s) of a timer that failed.
            Thread.sleep(Duration.between(Instant.now(), due.plusSeconds(8)).toMillis());

            assertEquals(PostStatus.PUBLISHED, status(post));
            assertEquals(1L, count("select count(*) from audit_event where object_type = 'post' and object_id = "
                    + post.getId() + " and action = 'post.published'"), "one publication in the audit log");
            assertEquals(1L, count("select count(*) from post_revision where post_id = " + post.getId()
                    + " and note = 'published on schedule'"), "one change of status, one revision");
            String log = restarted.log();
            assertTrue(log.contains("Publication schedule:"), "the restarted instance's scheduler started");
            List<String> exceptions = log.lines().filter(line -> line.contains("Exception")).toList();
            assertTrue(exceptions.isEmpty(), "the restarted instance logged " + exceptions);
        }
    }

    @Test
    void aSecondEditorsSaveIsStoppedAndTold() {
        Post post = writer.act(p -> p.create(completeDraft("Two people, one post")));
        long opened = version(post);
        PostDraft mine = editor.act(p -> PostDraft.of(p.post(post.getId())));
        mine.setHeadline("The editor's headline");
        PostDraft theirs = writer.act(p -> PostDraft.of(p.post(post.getId())));
        theirs.setHeadline("The writer's headline");
        writer.act(p -> p.save(post.getId(), opened, theirs));

        EditConflictException conflict = assertThrows(EditConflictException.class,
                () -> editor.act(p -> p.save(post.getId(), opened, mine)));
        assertEquals("Wendy Writer", conflict.savedBy());
        assertEquals("The writer's headline", TestDatabase.single("select headline from post where id = ?", post.getId()));
        assertEquals(version(post), conflict.currentVersion(), "the editor is given the version to save over");
        editor.act(p -> p.save(post.getId(), conflict.currentVersion(), mine));
        assertEquals("The editor's headline", TestDatabase.single("select headline from post where id = ?", post.getId()));
    }

    @Test
    void savesOfAPublishedPostKeepRevisionsThatCanBeRestored() {
        Post post = editor.act(p -> p.create(completeDraft("Revised after publication")));
        editor.act(p -> { p.publish(post.getId()); return null; });
        PostDraft edit = editor.act(p -> PostDraft.of(p.post(post.getId())));
        edit.setHeadline("Revised after publication, corrected");
        editor.act(p -> p.save(post.getId(), version(post), edit));
        assertEquals(2L, count("select count(*) from post_revision where post_id = " + post.getId()));
        editor.act(p -> p.restore(post.getId(), 1, version(post)));
        assertEquals("Revised after publication", TestDatabase.single("select headline from post where id = ?", post.getId()));
        assertEquals(3L, count("select count(*) from post_revision where post_id = " + post.getId()));
        assertEquals(List.of("post.created", "post.published", "post.saved", "post.restored"), auditActions(post.getId()),
                "a restore is logged once, as a restore");
        assertEquals("revision 1", auditDetail(post.getId(), "post.restored"));
    }

    @Test
    void aWriterDeletesTheirOwnDraftButNotAPublishedPost() {
        Post mine = writer.act(p -> p.create(completeDraft("A draft to throw away")));
        Post published = editor.act(p -> p.create(completeDraft("Published, so kept")));
        editor.act(p -> { p.publish(published.getId()); return null; });
        assertThrows(WorkflowException.class, () -> editor.act(p -> { p.discard(published.getId()); return null; }),
                "a published post must be unpublished first");
        assertThrows(WorkflowException.class, () -> writer.act(p -> { p.discard(published.getId()); return null; }),
                "a writer cannot delete someone else's post");
        writer.act(p -> { p.discard(mine.getId()); return null; });
        assertEquals(0L, count("select count(*) from post where id = " + mine.getId()));

        // An unpublished post with a threaded conversation can be deleted too.
        TestDatabase.update("insert into comment (post_id, author_name, author_email, body, status, created_at)"
                + " values (?, 'Reader', 'r@example.org', 'First', 'APPROVED', now())", published.getId());
        long first = ((Number) TestDatabase.single("select max(id) from comment where post_id = ?", published.getId())).longValue();
        TestDatabase.update("insert into comment (post_id, parent_id, depth, author_name, author_email, body, status, created_at)"
                + " values (?, ?, 1, 'Replier', 'q@example.org', 'Reply', 'APPROVED', now())", published.getId(), first);
        editor.act(p -> { p.unpublish(published.getId()); return null; });
        editor.act(p -> { p.discard(published.getId()); return null; });
        assertEquals(0L, count("select count(*) from post where id = " + published.getId()));
        assertEquals("A draft to throw away (draft)", auditDetail(mine.getId(), "post.deleted"));
        assertEquals("Published, so kept (unpublished)", auditDetail(published.getId(), "post.deleted"));
    }

    /**
     * Same-story detection through the role-checked EJB: a draft on Sinwar's death from another outlet finds the
     * post that already covers it, not the one on another Hamas leader's or the one on interest rates; the post
     * list groups the two; and a caller with no account is refused.
     */
    @Test
    void aDraftOfAStoryAlreadyPostedFindsThatPostAndNoOther() {
        Post sinwar = editor.act(p -> p.create(story("Israel says it killed Hamas leader Yahya Sinwar in Gaza",
                "https://www.reuters.com/world/middle-east/sinwar-killed",
                "Israel's military said on Thursday its troops had killed Hamas leader Yahya Sinwar in the southern Gaza Strip.")));
        Post haniyeh = editor.act(p -> p.create(story("Hamas political leader Ismail Haniyeh killed in Iran",
                "https://www.reuters.com/world/middle-east/haniyeh-killed",
                "Ismail Haniyeh, the political leader of Hamas, was killed at his residence in Tehran, Iran's Revolutionary Guards said.")));
        Post rates = editor.act(p -> p.create(story("Fed delivers big half-point rate cut",
                "https://www.reuters.com/markets/us/fed-cut",
                "The Federal Reserve cut interest rates by half a percentage point on Wednesday, its first cut in four years.")));
        PostDraft ap = story("Hamas chief Sinwar killed by Israeli troops in Rafah", "https://apnews.com/article/sinwar-rafah",
                "Israeli soldiers on patrol in Rafah killed three militants; a DNA test confirmed one was Yahya Sinwar, the leader of Hamas.");
        Post apPost = editor.act(p -> p.create(ap));

        List<SameStory.Match> matches = editor.sameStory(s -> s.of(ap, apPost.getId()));
        List<Long> found = matches.stream().map(SameStory.Match::postId).toList();
        assertTrue(found.contains(sinwar.getId()), "the post on Sinwar's death: " + matches);
        assertFalse(found.contains(haniyeh.getId()), "another Hamas leader's death is another story: " + matches);
        assertFalse(found.contains(rates.getId()), matches.toString());
        assertFalse(found.contains(apPost.getId()), "a post is not its own duplicate");
        SameStory.Match match = matches.stream().filter(m -> m.postId() == sinwar.getId()).findFirst().orElseThrow();
        assertEquals(PostStatus.DRAFT, match.status());
        assertTrue(match.score().sharedWords().contains("sinwar"), match.toString());

        PostDraft sameArticle = story("What comes after Sinwar", "https://reuters.com/world/middle-east/sinwar-killed/", "Analysis.");
        assertEquals(StorySimilarity.Reason.SAME_ARTICLE, editor.sameStory(s -> s.of(sameArticle, null)).stream()
                .filter(m -> m.postId() == sinwar.getId()).findFirst().orElseThrow().score().reason());

        List<SameStory.Group> groups = editor.sameStory(s -> s.groups(List.of(apPost.getId(), rates.getId(), haniyeh.getId(), sinwar.getId())));
        assertEquals(List.of(List.of(sinwar.getId(), apPost.getId()), List.of(rates.getId()), List.of(haniyeh.getId())),
                groups.stream().map(SameStory.Group::postIds).toList(), "one story, the earliest first; the others alone");
        assertThrows(EJBAccessException.class, () -> anonymousSameStory.of(ap, null), "a caller with no account is refused");
    }

    private static PostDraft story(String headline, String articleUrl, String body) {
        PostDraft draft = new PostDraft();
        draft.setHeadline(headline);
        ExcerptDraft excerpt = draft.addExcerpt();
        excerpt.setArticleUrl(articleUrl);
        excerpt.setBodyText(body);
        return draft;
    }

    private static PostDraft completeDraft(String headline) {
        PostDraft draft = new PostDraft();
        draft.setHeadline(headline);
        draft.setSection("World");
        draft.setTags("Iraq, Iran");
        ExcerptDraft excerpt = draft.addExcerpt();
        excerpt.setNewOutletName("REUTERS");
        excerpt.setNewOutletDomain("reuters.com");
        excerpt.setArticleUrl("https://www.reuters.com/world/example-" + Math.abs(headline.hashCode()));
        excerpt.setOriginalPublishedOn(LocalDate.of(2024, 11, 1));
        excerpt.setBodyText("First paragraph.\n\nSecond paragraph with <b>bold</b>.");
        return draft;
    }

    private static PostStatus status(Post post) {
        return PostStatus.valueOf((String) TestDatabase.single("select status from post where id = ?", post.getId()));
    }

    private static long version(Post post) {
        return ((Number) TestDatabase.single("select version from post where id = ?", post.getId())).longValue();
    }

    private static long count(String sql) {
        return ((Number) TestDatabase.single(sql)).longValue();
    }

    private static long demoPhotoId() {
        return ((Number) TestDatabase.single("select min(id) from photo")).longValue();
    }

    private static String auditDetail(long postId, String action) {
        return (String) TestDatabase.single("select detail from audit_event where object_type = 'post' and object_id = ?"
                + " and action = ?", postId, action);
    }

    private static List<String> auditActions(long postId) {
        return TestDatabase.query("select action from audit_event where object_type = 'post' and object_id = ? order by id", postId)
                .stream().map(row -> (String) row.get(0)).toList();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
