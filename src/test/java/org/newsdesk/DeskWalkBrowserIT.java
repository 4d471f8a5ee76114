package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.platform.Phrase;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The safety net the desk lacked: a browser signs in as each role and opens every page that role may
 * reach, for posts in every workflow state (draft, in review, sent back, scheduled, published,
 * unpublished), then every public page as a reader. The walk fails on any 5xx answer, on any error page
 * where a page was expected, and on any warning or error the server logged while it walked (Faces
 * warnings included). It also clicks what the history page offers: "Show changes" and "Restore".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskWalkBrowserIT {

    private static final String PASSWORD = DeskFixtures.PASSWORD;
    private static final List<String> STATES = List.of("draft", "in-review", "sent-back", "scheduled", "published", "unpublished");

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> base);

    private WebDriver browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> problems = new ArrayList<>();
    /** Every page checked by axe-core and the Nu Html Checker, with what each found. */
    private final List<String> checked = new ArrayList<>();
    /** The time the two checks took, printed with the summary: what a slower walk would be looked for in first. */
    private long axeNanos;
    private long nuNanos;
    private final Map<String, Long> posts = new LinkedHashMap<>();
    private long photoId;
    private long commentId;

    @BeforeEach
    void postsInEveryState() {
        browser = session.driver();
        long writer = DeskFixtures.user("walk-writer", "Walt Writer", "WRITER");
        DeskFixtures.user("walk-editor", "Edna Editor", "EDITOR");
        DeskFixtures.user("walk-moderator", "Moe Moderator", "MODERATOR");
        DeskFixtures.user("walk-admin", "Ada Admin", "ADMIN");
        for (String state : STATES) {
            posts.put(state, DeskFixtures.demoPostCopy("walk-" + state, "Walk: a post that is " + state, writer, state));
        }
        photoId = ((Number) TestDatabase.single("select min(id) from photo")).longValue();
        TestDatabase.update("insert into comment (post_id, author_name, author_email, body, status, depth, created_at)"
                + " values (?, 'Walk Reader', 'walk-reader@newsdesk.invalid', 'A comment on the walk.', 'PENDING', 0, now())",
                posts.get("published"));
        commentId = ((Number) TestDatabase.single("select max(id) from comment")).longValue();
    }

    @Test
    void everyPageOpensForEveryRoleAndEveryState() throws Exception {
        int logMark = serverLogSize();

        // Administrator: every desk page.
        session.signIn("walk-admin", PASSWORD);
        visitDesk(List.of("/admin/", "/admin/users/", "/admin/users/edit", "/admin/users/edit?id=" + DeskFixtures.userId("walk-writer"),
                "/admin/outlets/", "/admin/account/password", "/admin/site/", "/admin/sections/", "/admin/sections/?q=ira",
                "/admin/posts/?group=story", "/admin/inbox/", "/admin/inbox/feeds", "/admin/newsletter/",
                "/admin/inbox/?unread=true&starred=true&q=%D8%A7%D9%84%D9%81%D8%B5%D8%A7%D8%A6%D9%84&before=not-a-time&outlet=abc"));
        visitPostPages();
        visitDesk(List.of("/admin/media/", "/admin/media/library", "/admin/media/library?q=funeral",
                "/admin/media/edit?id=" + photoId));
        visitComments();
        signOut();

        // Editor: posts in every state, outlets, media.
        session.signIn("walk-editor", PASSWORD);
        visitDesk(List.of("/admin/", "/admin/outlets/", "/admin/sections/", "/admin/media/", "/admin/account/password", "/admin/inbox/",
                "/admin/inbox/feeds"));
        visitPostPages();
        signOut();

        // Writer: their own posts in every state (read-only once with the editors), media.
        session.signIn("walk-writer", PASSWORD);
        visitDesk(List.of("/admin/", "/admin/media/", "/admin/account/password", "/admin/inbox/", "/admin/inbox/feeds"));
        visitPostPages();
        signOut();

        // Moderator: every queue.
        session.signIn("walk-moderator", PASSWORD);
        visitDesk(List.of("/admin/", "/admin/account/password"));
        visitComments();
        signOut();

        // Readers.
        visitPublic(List.of("/", "/?page=1", "/login", "/post/walk-published", "/post/walk-published?replyto=" + commentId,
                "/section/middle-east", "/tag/iraq", "/search?q=militias", "/search?q=", "/feed", "/feed/atom", "/feed/section/middle-east",
                "/sitemap.xml", "/sitemap-posts.xml", "/sitemap-pages.xml", "/sitemap-news.xml", "/robots.txt"));
        expectStatus("/post/no-such-post", 404);
        expectStatus("/post/walk-draft", 404);
        expectStatus("/admin/posts/preview?id=" + posts.get("draft"), 302);

        // The error page a reader meets, checked as well.
        session.open("/post/no-such-post");
        checkPage("/post/no-such-post", false);

        problems.addAll(serverLogSince(logMark));
        System.out.printf("The checks took %d ms in axe-core and %d ms in the Nu Html Checker%n", axeNanos / 1_000_000,
                nuNanos / 1_000_000);
        System.out.println("Pages checked by axe-core (WCAG 2.1 AA) and the Nu Html Checker:\n  " + String.join("\n  ", checked));
        assertTrue(problems.isEmpty(), "the walk met:\n" + String.join("\n", problems));
    }

    /** The two checks themselves find what they are for: a walk that finds nothing must mean the pages are clean. */
    @Test
    void theChecksFindAPageWithoutLanguageAndAnImageWithoutText() {
        String page = "<!DOCTYPE html><title>Unchecked</title><p><img src=\"x.png\"></p>";
        browser.get("data:text/html;charset=utf-8," + page);
        List<String> axe = PageChecks.accessibility(browser, "a bad page");
        assertTrue(axe.stream().anyMatch(f -> f.contains("axe image-alt")), axe.toString());
        assertTrue(axe.stream().anyMatch(f -> f.contains("axe html-has-lang")), axe.toString());
        List<String> nu = PageChecks.html(page, "a bad page");
        assertTrue(nu.stream().anyMatch(f -> f.contains("alt")), nu.toString());
    }

    /**
     * A post the person may not change opens read-only, saying why in their case, with every field disabled
     * and no button that sends anything; the steps shown are the ones the service takes from them.
     */
    @Test
    void aPostThatMayNotBeChangedIsShownReadOnlySayingWhy() throws Exception {
        long editorsDraft = DeskFixtures.demoPostCopy("walk-editors-draft", "Walk: the editor's own draft",
                DeskFixtures.userId("walk-editor"), "draft");
        session.signIn("walk-writer", PASSWORD);

        session.open("/admin/posts/edit?id=" + posts.get("in-review"));
        assertReadOnly("You submitted this post for review, so it is with the editors now.");
        session.open("/admin/posts/edit?id=" + posts.get("published"));
        assertReadOnly("This post is published: only an editor can change it now.");
        session.open("/admin/posts/edit?id=" + editorsDraft);
        assertReadOnly("This is Edna Editor’s post: writers change only their own drafts.");
        session.screenshot("walk-read-only-post");

        // Their own draft is theirs to change: saving, submitting and deleting are offered, an editor's steps are not.
        session.open("/admin/posts/edit?id=" + posts.get("draft"));
        assertTrue(browser.findElements(By.cssSelector(".read-only")).isEmpty());
        assertTrue(browser.findElement(By.id("edit:headline")).isEnabled());
        assertEquals(List.of("edit:importArticles", "edit:addExcerpt", "edit:save", "edit:submit", "edit:discard"), buttons());
        signOut();

        session.signIn("walk-editor", PASSWORD);
        session.open("/admin/posts/edit?id=" + posts.get("in-review"));
        assertEquals(List.of("edit:importArticles", "edit:addExcerpt", "edit:save", "edit:publish", "edit:schedule", "edit:reject",
                "edit:discard"), buttons());
        session.open("/admin/posts/edit?id=" + posts.get("published"));
        assertEquals(List.of("edit:importArticles", "edit:addExcerpt", "edit:save", "edit:unpublish"), buttons());

        // The addresses' numbers are converted by OmniFaces' @Param: what is no number is a 404, not a new post.
        for (String wrong : List.of("/admin/posts/edit?id=abc", "/admin/posts/edit?id=99999999999999999999",
                "/admin/posts/preview?id=1x", "/admin/posts/history?id=-1", "/admin/media/edit?id=abc")) {
            assertEquals(404, status(wrong, true), wrong);
        }
        assertEquals(200, status("/admin/posts/edit", true), "no id is a new post");
        assertEquals(200, status("/admin/posts/?author=abc&section=x&page=xyz", true), "a desk list shows its first page");
        signOut();
        assertEquals(200, status("/post/walk-published?comment=abc", false), "a comment link that names none opens the post");
        assertEquals(404, status("/post/walk-published?page=abc", false));
    }

    /**
     * The desk's front page says what needs each person: a writer their drafts sent back, with the editor's note
     * (marked so in the post list too); an editor the posts waiting for review and those publishing today; a
     * moderator the comments waiting. Nobody sees another role's lists.
     */
    @Test
    void theDesksFrontPageShowsWhatNeedsEachPerson() throws Exception {
        long sentBack = posts.get("sent-back");
        session.signIn("walk-writer", PASSWORD);
        session.open("/admin/");
        WebElement item = browser.findElement(By.xpath("//section[@id='sent-back']//li[a[normalize-space()='Walk: a post that is sent-back']]"));
        assertTrue(item.findElement(By.tagName("a")).getAttribute("href").endsWith("/admin/posts/edit?id=" + sentBack));
        assertEquals("Editor's note: Walk: please add the Reuters dek.", item.findElement(By.cssSelector(".sent-back-note")).getText());
        assertTrue(browser.findElements(By.cssSelector("#waiting-for-review, #scheduled-today, #comments-waiting")).isEmpty(),
                "a writer sees no editor's or moderator's list");
        assertFalse(browser.findElements(By.cssSelector(".tiles a")).isEmpty(), "the desk's areas are still there");
        session.screenshot("walk-desk-front-writer");

        // In the post list the sent-back draft is marked, with its note, apart from an ordinary draft, and has a tab.
        session.open("/admin/posts/?status=SENT_BACK");
        WebElement row = browser.findElement(By.xpath("//tr[td[1]/a[normalize-space()='Walk: a post that is sent-back']]"));
        assertEquals("sent back", row.findElement(By.cssSelector(".status.SENT_BACK")).getText());
        assertTrue(row.getText().contains("Walk: please add the Reuters dek."), row.getText());
        assertTrue(browser.findElements(By.xpath("//tr[td[1]/a[normalize-space()='Walk: a post that is draft']]")).isEmpty(),
                "an ordinary draft is not in the sent-back list");
        session.open("/admin/posts/?status=DRAFT");
        assertEquals("draft", browser.findElement(By.xpath("//tr[td[1]/a[normalize-space()='Walk: a post that is draft']]"))
                .findElement(By.cssSelector(".status")).getText());
        // Grouped by story, the walk's posts (copies of one demo post, the same excerpts) are one story under a heading.
        session.open("/admin/posts/?group=story");
        WebElement story = browser.findElement(By.xpath("//tbody[contains(@class, 'story')]"
                + "[tr/td[1]/a[normalize-space()='Walk: a post that is draft']]"));
        assertTrue(story.findElement(By.cssSelector(".story-head th")).getText().startsWith("Same story, "), story.getText());
        assertTrue(story.getText().contains("Walk: a post that is published"), story.getText());
        signOut();

        session.signIn("walk-editor", PASSWORD);
        session.open("/admin/");
        String waiting = browser.findElement(By.xpath("//section[@id='waiting-for-review']//li[a[normalize-space()="
                + "'Walk: a post that is in-review']]")).getText();
        assertTrue(waiting.contains("Submitted by Walt Writer"), waiting);
        assertEquals(1, browser.findElements(By.id("scheduled-today")).size());
        assertTrue(browser.findElements(By.cssSelector("#sent-back, #comments-waiting")).isEmpty(),
                "an editor neither writes for review nor moderates");
        session.screenshot("walk-desk-front-editor");
        signOut();

        session.signIn("walk-moderator", PASSWORD);
        session.open("/admin/");
        WebElement comments = browser.findElement(By.cssSelector("#comments-waiting a"));
        assertTrue(comments.getText().matches("\\d+ comments? (is|are) waiting for moderation"), comments.getText());
        assertTrue(comments.getAttribute("href").endsWith("/admin/comments/"));
        assertTrue(browser.findElements(By.cssSelector("#sent-back, #waiting-for-review, #scheduled-today")).isEmpty());
        signOut();
    }

    /**
     * A post without a lead photo is listed on the front page without a photo column: its card says so, and its
     * headline takes the card's whole width instead of the narrow column beside an empty one.
     */
    @Test
    void aPostWithoutAPhotoTakesTheWholeCardOnTheFrontPage() throws Exception {
        String headline = "Walk: a post without a photo";
        long post = DeskFixtures.demoPostCopy("walk-no-photo", headline, DeskFixtures.userId("walk-writer"), "draft");
        TestDatabase.update("update excerpt set photo_id = null where post_id = ?", post);
        if (!"PUBLISHED".equals(TestDatabase.single("select status from post where id = ?", post))) {
            // Published on the desk, so that the front page the server keeps is made again.
            session.signIn("walk-editor", PASSWORD);
            session.open("/admin/posts/edit?id=" + post);
            session.click("edit:publish");
            session.waitFor(".flash-info");
            assertEquals("PUBLISHED", TestDatabase.single("select status from post where id = ?", post));
            signOut();
        }

        session.open("/");
        WebElement card = browser.findElement(By.xpath("//article[.//h2[normalize-space()='" + headline + "']]"));
        assertTrue(card.getAttribute("class").contains("no-photo"), card.getAttribute("class"));
        assertTrue(card.findElements(By.cssSelector(".card-photo, img")).isEmpty(), "no photo element, empty or not");
        int cardWidth = card.getRect().getWidth();
        int headlineWidth = card.findElement(By.tagName("h2")).getRect().getWidth();
        assertTrue(headlineWidth > cardWidth * 9 / 10, "the headline is " + headlineWidth + "px wide in a card of " + cardWidth + "px");
        session.screenshot("walk-card-without-photo");
        checkPage("/", false);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * A writer names a new outlet on the compose page and gets its domain wrong: the registry's message is shown
     * next to the domain, in the "add it" box kept open, with everything typed still there; corrected, it saves.
     */
    @Test
    void anOutletAddedOnTheComposePageIsCheckedAtItsField() throws Exception {
        session.signIn("walk-writer", PASSWORD);
        session.open("/admin/posts/edit");
        session.typeText("edit:headline", "Walk: صحيفة جديدة, עיתון חדש 📰");
        browser.findElement(By.cssSelector("details.add-outlet summary")).click();
        session.typeText("edit:excerpts:0:newOutletName", "Νέα Εφημερίδα");
        session.type("edit:excerpts:0:newOutletDomain", "not a domain");
        session.click("edit:save");
        String said = session.waitFor("[id='edit:excerpts:0:newOutletDomain'] ~ .field-error").getText();
        assertEquals("Excerpt 1: Give the outlet's home domain, like reuters.com.", said);
        assertTrue(browser.findElement(By.cssSelector("details.add-outlet")).getAttribute("open") != null, "the box stays open");
        assertTrue(browser.findElement(By.id("edit:excerpts:0:newOutletDomain")).isDisplayed());
        assertEquals("Νέα Εφημερίδα", browser.findElement(By.id("edit:excerpts:0:newOutletName")).getAttribute("value"));
        assertEquals("Walk: صحيفة جديدة, עיתון חדש 📰", browser.findElement(By.id("edit:headline")).getAttribute("value"));
        session.screenshot("walk-new-outlet-refused");

        session.type("edit:excerpts:0:newOutletDomain", "nea-efimerida.example");
        session.click("edit:save");
        session.waitForText(".flash-info", "Saved.");
        assertEquals("Νέα Εφημερίδα", TestDatabase.single("select name from outlet where domain = 'nea-efimerida.example'"));
        signOut();
    }

    private void assertReadOnly(String reason) {
        String said = session.waitFor(".read-only").getText();
        assertTrue(said.startsWith(reason), said);
        assertFalse(browser.findElement(By.id("edit:headline")).isEnabled(), "the headline is shown, not offered for editing");
        assertTrue(browser.findElements(By.cssSelector("fieldset.post-fields textarea, fieldset.post-fields input:not([type=hidden])"))
                .stream().noneMatch(WebElement::isEnabled), "every field is disabled");
        assertEquals(List.of(), browser.findElements(By.cssSelector("form#edit input[type=submit], form#edit button")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).map(b -> b.getAttribute("id")).toList(), "nothing to send");
    }

    /** The ids of the compose form's buttons for the whole post (not those inside one excerpt), in page order. */
    private List<String> buttons() {
        return browser.findElements(By.cssSelector("form#edit input[type=submit], form#edit button")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).map(b -> b.getAttribute("id"))
                .filter(id -> !id.contains(":excerpts:")).toList();
    }

    @Test
    void theHistoryPageComparesAndRestoresRevisions() throws Exception {
        int logMark = serverLogSize();
        long post = posts.get("published");
        session.signIn("walk-editor", PASSWORD);
        // Two saves of a published post make two revisions.
        session.open("/admin/posts/edit?id=" + post);
        session.type("edit:headline", "Walk: the first headline");
        session.click("edit:save");
        session.waitForText(".flash-info", "Saved.");
        session.type("edit:headline", "Walk: the second headline");
        session.click("edit:save");
        session.waitForText(".flash-info", "Saved.");

        session.open("/admin/posts/history?id=" + post);
        browser.findElement(By.cssSelector("input[name='from'][value='1']")).click();
        browser.findElement(By.cssSelector("input[name='to'][value='2']")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Show changes']")).click();
        session.waitFor(".diff");
        String diff = browser.findElement(By.cssSelector(".diff")).getText();
        assertTrue(diff.contains("− Headline: Walk: the first headline"), diff);
        assertTrue(diff.contains("+ Headline: Walk: the second headline"), diff);
        assertTrue(browser.getCurrentUrl().contains("from=1") && browser.getCurrentUrl().contains("to=2"), browser.getCurrentUrl());
        session.screenshot("walk-history-diff");

        // The post is live: Restore first says what it will do to what readers see, and does nothing yet.
        browser.findElement(By.xpath("//tr[td[1]='1']//input[@value='Restore']")).click();
        session.waitFor(".restore-confirm");
        assertTrue(browser.findElement(By.cssSelector(".restore-confirm")).getText().contains("replaces what readers see now"));
        assertEquals("Walk: the second headline", TestDatabase.single("select headline from post where id = ?", post),
                "nothing restored before it is confirmed");
        session.screenshot("walk-history-confirm");
        browser.findElement(By.xpath("//input[@value='Restore revision 1 on the live post']")).click();
        session.waitForText(".flash-info", "Revision 1 restored, as revision 3.");
        String events = browser.findElement(By.xpath("//h2[normalize-space()='Workflow and edits']/following-sibling::table")).getText();
        assertTrue(events.contains("Edna Editor") && !events.contains("walk-editor"),
                "the workflow table names people as the revisions table does: " + events);
        assertEquals("Walk: the first headline", TestDatabase.single("select headline from post where id = ?", post));
        assertEquals(3L, ((Number) TestDatabase.single("select max(number) from post_revision where post_id = ?", post)).longValue(),
                "a restore is itself a new revision");
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from audit_event where action = 'post.restored'"
                + " and object_id = ?", post)).longValue());
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("restored from revision 1"));
        session.screenshot("walk-history-restored");

        // A draft never published has no revisions until one is restored... and says so.
        session.open("/admin/posts/history?id=" + posts.get("draft"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("No revisions yet"));
        List<String> logged = serverLogSince(logMark);
        assertTrue(logged.isEmpty(), String.join("\n", logged));
    }

    @Test
    void slipsInAFormAreAnsweredAtTheFieldAndLogNothing() throws Exception {
        int logMark = serverLogSize();
        session.signIn("walk-editor", PASSWORD);
        session.open("/admin/posts/edit");
        session.setValue("edit:excerpts:0:dek", "long ".repeat(500));
        session.click("edit:save");
        session.waitForText(".field-error", "Give the post a headline.");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Keep the dek under 2,000 characters."));
        assertEquals(2500, browser.findElement(By.id("edit:excerpts:0:dek")).getAttribute("value").length(), "what was typed stays");
        signOut();

        session.open("/post/walk-published");
        session.type("comment-form:body", "A comment without a name.");
        session.click("comment-form:submit");
        session.waitFor("#respond .field-error");
        assertEquals("A comment without a name.", browser.findElement(By.id("comment-form:body")).getAttribute("value"));

        List<String> logged = serverLogSince(logMark);
        assertTrue(logged.isEmpty(), "a slip is the reader's, not a server fault worth a stack trace:\n" + String.join("\n", logged));
    }

    @Test
    void aFormSentAfterItsPageExpiredIsA400ThatGivesTheTextBackAndLogsNothing() throws Exception {
        int logMark = serverLogSize();
        SiteClient site = new SiteClient(() -> base);
        org.jsoup.Connection desk = site.signedIn("walk-editor", PASSWORD);
        org.jsoup.nodes.Document compose = desk.newRequest(site.url("/admin/posts/edit")).get();
        org.jsoup.nodes.FormElement form = (org.jsoup.nodes.FormElement) compose.selectFirst("form#edit");
        form.selectFirst("[name=edit:headline]").val("Typed before the page expired — مرحبا <b>");
        form.selectFirst("[name=jakarta.faces.ViewState]").val("-1234567890:987654321");
        org.jsoup.Connection.Response answer = site.press(desk, form, "edit:save");
        assertEquals(400, answer.statusCode(), "a stale form is the client's, not a server error");
        org.jsoup.nodes.Document page = answer.parse();
        assertEquals("This page has expired", page.selectFirst("h1").text());
        assertTrue(page.select(".typed-back textarea").eachText().contains("Typed before the page expired — مرحبا <b>"),
                page.select(".typed-back").outerHtml());
        assertTrue(page.select(".typed-back b").isEmpty(), "what comes back is text, never markup");
        assertFalse(page.select(".typed-back textarea").eachText().contains("edit"), "the form's own marker is not offered back");
        List<String> logged = serverLogSince(logMark);
        assertTrue(logged.isEmpty(), "a stale or forged form is the client's, not a stack trace in the log:\n" + String.join("\n", logged));
    }

    /**
     * The pages a refused action leaves (a failed sign-in, a refused publication, a refused comment, a refused
     * upload) pass axe-core and the Nu Html Checker as they are shown, and each field in error says so to assistive
     * technology: aria-invalid, and aria-describedby naming its message.
     */
    @Test
    void everyPageARefusedActionLeavesIsAccessible() throws Exception {
        // A failed sign-in.
        session.open("/login");
        session.type("login:username", "walk-editor");
        session.type("login:password", "not the password");
        session.click("login:submit");
        session.waitFor(".flash-error, .field-error");
        checkShown("a failed sign-in");

        // A refused publication: the excerpt has no original date.
        long undated = DeskFixtures.demoPostCopy("walk-undated", "Walk: a post without its date", DeskFixtures.userId("walk-writer"),
                "in-review");
        TestDatabase.update("update excerpt set original_published_on = null where post_id = ?", undated);
        session.signIn("walk-editor", PASSWORD);
        session.open("/admin/posts/edit?id=" + undated);
        session.click("edit:publish");
        session.waitFor(".error-summary");
        assertDescribedInError("edit:excerpts:0:originalPublishedOn");
        checkShown("a refused publication");

        // A refused upload: a text file named like a photo.
        session.open("/admin/media/library");
        java.nio.file.Path notAPhoto = java.nio.file.Files.createTempFile("not-a-photo", ".png");
        java.nio.file.Files.writeString(notAPhoto, "not an image");
        browser.findElement(By.id("upload:file")).sendKeys(notAPhoto.toString());
        session.click("upload:send");
        session.waitFor(".field-error");
        assertDescribedInError("upload:file");
        checkShown("a refused upload");
        java.nio.file.Files.deleteIfExists(notAPhoto);
        signOut();

        // A refused comment, as a reader.
        session.open("/post/walk-published");
        session.type("comment-form:body", "A comment without a name or an address.");
        session.click("comment-form:submit");
        session.waitFor("#respond .field-error");
        assertDescribedInError("comment-form:name");
        checkShown("a refused comment");

        assertTrue(problems.isEmpty(), "pages after a refused action:\n" + String.join("\n", problems));
    }

    /**
     * An Arabic newsroom's desk: a member of staff who chose Arabic walks every desk page (as an administrator, who
     * reaches them all) and meets no word of Newsdesk's own in Latin letters, the page laid out right to left.
     * What people wrote (headlines, names, addresses, code) and English marked as such are left
     * out; so are the names of languages in their own script in the language menus.
     */
    @Test
    void anArabicDeskShowsNoEnglishWordOfItsOwn() throws Exception {
        long arabic = DeskFixtures.user("walk-arabic", "مريم المحررة", "ADMIN");
        TestDatabase.update("update users set desk_language = 'ar' where id = ?", arabic);
        // The walk's comment held by a rule, with its history: stored as the services store them, as phrases to be
        // worded in each reader's desk language (CommentModerationIT checks that the services store them so).
        TestDatabase.update("update comment set held_by_rule = 'first-comment', held_reason = ? where id = ?",
                Phrase.of("rule.reason.first").stored(), commentId);
        TestDatabase.update("insert into audit_event (occurred_at, actor, action, object_type, object_id, detail)"
                + " values (now(), 'reader', 'comment.submitted', 'comment', ?, ?)", commentId,
                Phrase.of("moderation.event.submitted", posts.get("published"), Phrase.of("moderation.event.byRule",
                        Phrase.of("queue.PENDING"), Phrase.of("rule.name.first-comment"), Phrase.of("rule.reason.first"))).stored());
        TestDatabase.update("insert into audit_event (occurred_at, actor, action, object_type, object_id, detail)"
                + " values (now(), 'walk-admin', 'comment.email-banned', 'comment', ?, ?)", commentId,
                Phrase.of("moderation.event.note", Phrase.of("moderation.event.already", Phrase.of("moderation.event.emailBanned",
                        "walk-reader@newsdesk.invalid")), "Spam again").stored());
        session.signIn("walk-arabic", PASSWORD);
        List<String> english = new ArrayList<>();
        for (String path : List.of("/admin/", "/admin/posts/", "/admin/posts/?group=story", "/admin/posts/edit",
                "/admin/posts/edit?id=" + posts.get("published"), "/admin/posts/edit?id=" + posts.get("sent-back"),
                "/admin/posts/history?id=" + posts.get("published"), "/admin/media/library", "/admin/media/edit?id=" + photoId,
                "/admin/outlets/", "/admin/sources/", "/admin/sections/", "/admin/inbox/", "/admin/inbox/feeds", "/admin/comments/",
                "/admin/comments/?queue=approved", "/admin/comments/edit?id=" + commentId, "/admin/comments/settings", "/admin/users/",
                "/admin/users/edit?id=" + arabic, "/admin/site/", "/admin/account/password", "/admin/newsletter/")) {
            session.open(path);
            assertEquals("ar", browser.findElement(By.tagName("html")).getAttribute("lang"), path);
            assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"), path);
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                    var page = document.body.cloneNode(true);
                    // Lists of outlets, drafts and posts are what people named them: the first option, the menu's own words, stays.
                    page.querySelectorAll("select[id$=':outlet'] option:not(:first-child), select[id$=':into'] option:not(:first-child),"
                        + " select[id$=':post'] option:not(:first-child)")
                        .forEach(function (e) { e.remove(); });
                    var written = Array.prototype.map.call(page.querySelectorAll("[dir=auto], bdi"), function (e) {
                        return e.textContent.trim();
                    }).filter(function (t) { return t; }).sort(function (a, b) { return b.length - a.length; });
                    page.querySelectorAll("[dir=auto], bdi, code, script, textarea, [lang=en], input[type=hidden],"
                        + " select[id$=language], select[id$=choice], .url").forEach(function (e) { e.remove(); });
                    var said = [page.textContent];
                    page.querySelectorAll("[placeholder], [aria-label], [title], [alt], input[type=submit], button").forEach(function (e) {
                        said.push(e.getAttribute("placeholder") || "", e.getAttribute("aria-label") || "", e.getAttribute("title") || "",
                            e.getAttribute("alt") || "", e.matches("input[type=submit]") ? e.value : "");
                    });
                    var text = said.join(" ");
                    // What people wrote is taken out of the labels that quote it ("Select the comment by Walk Reader").
                    written.forEach(function (w) { text = text.split(w).join(" "); });
                    text = text
                        .replace(/https?:\\/\\/\\S*|[\\w.+-]+@[\\w.-]+|([\\w-]+\\.)+[a-z]{2,}|\\/[\\w\\/.…-]*|\\b[0-9a-f]{8,}\\b/g, " ")
                        .replace(/\\b(Newsdesk|RSS|Atom|OPML|JSON|Feed|WebSub|JPEG|PNG|WebP|GIF|SVG|HEIC|TIFF|PDF|CMYK|RGB|NEWSDESK_\\w+|Ctrl|Shift|Alt|Enter|UTC|GMT|https?|[A-Z][a-z]+\\/[A-Za-z_]+)\\b/g, " ")
                        .replace(/'\\{\\w+\\}'|\\{\\w+\\}/g, " ");
                    return text.match(/[A-Za-z\\u00C0-\\u024F]{2,}/g) || [];
                    """);
            words.forEach(word -> english.add(path + ": " + word));
        }
        session.screenshot("walk-arabic-desk");
        assertEquals(List.of(), english, "Newsdesk's own words in English on an Arabic desk");
    }

    /** The field is marked invalid and described by a message that is on the page. */
    private void assertDescribedInError(String id) {
        WebElement field = browser.findElement(By.id(id));
        assertEquals("true", field.getAttribute("aria-invalid"), id);
        String describedBy = field.getAttribute("aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), id + " names its message");
        for (String message : describedBy.split("\\s+")) {
            assertFalse(browser.findElements(By.id(message)).isEmpty(), id + " is described by " + message + ", which is on the page");
        }
        assertFalse(browser.findElement(By.id(describedBy.split("\\s+")[describedBy.split("\\s+").length - 1])).getText().isBlank(),
                id + "'s message says something");
    }

    /** The page as the browser shows it after a refused action (no address gives it again): axe-core and Nu. */
    private void checkShown(String what) {
        problems.addAll(PageChecks.accessibility(browser, what));
        String shown = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return '<!DOCTYPE html>' + document.documentElement.outerHTML");
        problems.addAll(PageChecks.html(shown, what));
        checked.add(what + ": checked as shown");
    }

    /** Signs out from the desk's front page, whatever page the walk ended on. */
    private void signOut() {
        session.open("/admin/");
        session.signOut();
    }

    private void visitPostPages() throws Exception {
        visitDesk(List.of("/admin/posts/", "/admin/posts/edit"));
        for (String status : List.of("DRAFT", "SENT_BACK", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED")) {
            visitDesk(List.of("/admin/posts/?status=" + status));
        }
        for (Map.Entry<String, Long> post : posts.entrySet()) {
            visitDesk(List.of("/admin/posts/edit?id=" + post.getValue(), "/admin/posts/preview?id=" + post.getValue(),
                    "/admin/posts/history?id=" + post.getValue()));
            session.open("/admin/posts/preview?id=" + post.getValue());
            String banner = text(".preview-banner");
            if (!banner.toLowerCase().contains(post.getKey().equals("published") ? "readers see this post" : "readers do not see")) {
                problems.add("preview of the " + post.getKey() + " post: banner says \"" + banner + "\"");
            }
        }
    }

    private void visitComments() throws Exception {
        visitDesk(List.of("/admin/comments/", "/admin/comments/?queue=pending", "/admin/comments/?queue=reported",
                "/admin/comments/?queue=approved", "/admin/comments/?queue=spam", "/admin/comments/?queue=trash",
                "/admin/comments/settings", "/admin/comments/edit?id=" + commentId));
    }

    /** Opens each desk page in the browser and, with the browser's session, asks for its status. */
    private void visitDesk(List<String> paths) throws Exception {
        for (String path : paths) {
            session.open(path);
            String shot = path.replaceAll("[^a-zA-Z0-9]+", "-");
            if (isErrorPage()) {
                problems.add(path + " shows the error page \"" + text("h1") + "\"");
                session.screenshot("walk-error" + shot);
            }
            HttpResponse<String> fetched = checkPage(path, true);
            // The page the Nu Html Checker got is this address's answer, unless the browser was sent on elsewhere.
            int status = fetched.uri().equals(URI.create(session.url(path))) ? fetched.statusCode() : status(path, true);
            if (status >= 400) {
                problems.add(path + " answers " + status);
            }
        }
    }

    private void visitPublic(List<String> paths) throws Exception {
        for (String path : paths) {
            int status = status(path, false);
            if (status != 200) {
                problems.add(path + " answers " + status);
            }
            if (!path.startsWith("/feed") && !path.startsWith("/sitemap") && !path.equals("/robots.txt")) {
                session.open(path);
                if (isErrorPage()) {
                    problems.add(path + " shows the error page \"" + text("h1") + "\"");
                }
                checkPage(path, false);
            }
        }
    }

    private void expectStatus(String path, int expected) throws Exception {
        int status = status(path, false);
        if (status != expected) {
            problems.add(path + " answers " + status + ", expected " + expected);
        }
    }

    private boolean isErrorPage() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.querySelector('.error-page') !== null");
    }

    private String text(String css) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "var e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
        return String.valueOf(text);
    }

    private int status(String path, boolean signedIn) throws IOException, InterruptedException {
        return fetch(path, signedIn).statusCode();
    }

    /**
     * The page the browser has open, checked by axe-core, and the same address fetched as the server sends it
     * (with the browser's session when signed in), checked by the Nu Html Checker. Counted per page for the
     * summary the walk prints. The answer fetched.
     */
    private HttpResponse<String> checkPage(String path, boolean signedIn) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> axe = PageChecks.accessibility(browser, path);
        axeNanos += System.nanoTime() - t0;
        // The page the browser shows, which a redirect (/admin/media/ to the library) may have moved.
        String shown = URI.create(browser.getCurrentUrl()).getRawPath();
        String query = URI.create(browser.getCurrentUrl()).getRawQuery();
        String base = URI.create(session.url("/")).getRawPath();
        String shownPath = "/" + shown.substring(base.length()) + (query == null ? "" : "?" + query);
        HttpResponse<String> page = fetch(shownPath, signedIn);
        if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html") || page.body().isBlank()) {
            problems.add(path + ": the Nu Html Checker got no page to check (" + page.statusCode() + ")");
            return page;
        }
        long t1 = System.nanoTime();
        List<String> nu = PageChecks.html(page.body(), path);
        nuNanos += System.nanoTime() - t1;
        checked.add(shownPath + (signedIn ? " (signed in)" : "") + " [" + page.statusCode() + ", " + page.body().length()
                + " characters]: axe " + axe.size() + ", Nu " + nu.size());
        problems.addAll(axe);
        problems.addAll(nu);
        return page;
    }

    private HttpResponse<String> fetch(String path, boolean signedIn) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.url(path))).timeout(Duration.ofSeconds(30));
        if (signedIn) {
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int serverLogSize() throws IOException, InterruptedException {
        HttpResponse<String> log = http.send(HttpRequest.newBuilder(URI.create(session.url("/test-server-log?from=1000000"))).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(log.headers().firstValue("X-Records").orElseThrow());
    }

    private List<String> serverLogSince(int mark) throws IOException, InterruptedException {
        String log = http.send(HttpRequest.newBuilder(URI.create(session.url("/test-server-log?from=" + mark))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> records = new ArrayList<>();
        for (String record : log.split("\n(?=#\\d+ )")) {
            if (!record.isBlank()) {
                // The message and the top of any stack trace say enough; the whole trace is in the server's output.
                records.add("server log: " + String.join("\n", record.lines().limit(8).toList()));
            }
        }
        return records;
    }

}
