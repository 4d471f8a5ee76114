package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsdesk.DeskFixtures.EVERY_SCRIPT;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * What people type on the desk is never lost or garbled: two editors saving one post at once, a post
 * whose photo is far back in a large library, and text in every script through every desk form, read
 * back from the page and from the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskIntegrityBrowserIT {

    @ArquillianResource
    private URL base;

    @RegisterExtension
    final BrowserSession ann = new BrowserSession(() -> base);

    @RegisterExtension
    final BrowserSession ben = new BrowserSession(() -> base);

    @Test
    void twoEditorsSavingOnePostLoseNothingEitherWrote() {
        long annId = DeskFixtures.user("int-ann", "Ann Editor", "EDITOR");
        DeskFixtures.user("int-ben", "Ben Editor", "EDITOR");
        long post = DeskFixtures.demoPostCopy("integrity-conflict", "Conflict: the headline as opened", annId, "draft");
        String oldDek = (String) TestDatabase.single("select dek from excerpt where post_id = ? and position = 0", post);
        ann.signIn("int-ann", DeskFixtures.PASSWORD);
        ben.signIn("int-ben", DeskFixtures.PASSWORD);
        ann.open("/admin/posts/edit?id=" + post);
        ben.open("/admin/posts/edit?id=" + post);

        // Different fields: both changes are kept with Ben's one save, and he is told what Ann changed.
        ann.type("edit:headline", "Conflict: Ann's headline");
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        ben.type("edit:excerpts:0:dek", "Ben's dek");
        ben.click("edit:save");
        ben.waitForText(".flash-info", "Ann Editor saved this post at");
        ben.screenshot("conflict-merged");
        assertTrue(ben.driver().findElement(By.cssSelector(".flash-info")).getText().contains("their changes to Headline are kept with yours"),
                ben.driver().findElement(By.cssSelector(".flash-info")).getText());
        assertTrue(ben.driver().findElements(By.cssSelector(".merge")).isEmpty(), "nothing to choose: one save kept both");
        assertEquals("Conflict: Ann's headline", ben.driver().findElement(By.id("edit:headline")).getAttribute("value"),
                "Ann's headline is in Ben's form now");
        assertEquals("Ben's dek", ben.driver().findElement(By.id("edit:excerpts:0:dek")).getAttribute("value"));
        assertEquals("Conflict: Ann's headline", TestDatabase.single("select headline from post where id = ?", post));
        assertEquals("Ben's dek", TestDatabase.single("select dek from excerpt where post_id = ? and position = 0", post));
        assertTrue(!oldDek.equals("Ben's dek"));

        // The same field: nothing is saved until Ben chooses, and his choice is what is saved.
        ann.open("/admin/posts/edit?id=" + post);
        ben.open("/admin/posts/edit?id=" + post);
        ann.type("edit:excerpts:0:caption", "Ann's caption");
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        ben.type("edit:excerpts:0:caption", "Ben's caption");
        ben.type("edit:excerpts:0:creditLine", "Ben's credit");
        ben.click("edit:save");
        ben.waitFor(".merge");
        assertEquals("Ann's caption", row(ben, "excerpts.0.caption", "theirs"));
        assertEquals("Ben's caption", row(ben, "excerpts.0.caption", "mine"));
        assertEquals("Ben's caption", ben.driver().findElement(By.id("edit:excerpts:0:caption")).getAttribute("value"),
                "what Ben typed stays in his form until he chooses");
        ben.click("edit:save");
        ben.waitForText(".merge .field-error", "Choose whose version to keep for: Excerpt 1: caption.");
        assertEquals("Ann's caption", TestDatabase.single("select caption from excerpt where post_id = ? and position = 0", post));
        ben.driver().findElement(By.cssSelector("tr[data-field='excerpts.0.caption'] input[value='THEIRS']")).click();
        ben.click("edit:save");
        ben.waitForText(".flash-info", "Saved.");
        assertEquals("Ann's caption", TestDatabase.single("select caption from excerpt where post_id = ? and position = 0", post));
        assertEquals("Ben's credit", TestDatabase.single("select credit_line from excerpt where post_id = ? and position = 0", post));
        assertEquals("Conflict: Ann's headline", TestDatabase.single("select headline from post where id = ?", post));
    }

    /**
     * A writer who starts with the excerpts: "+ Add another excerpt" works before there is a headline, and a
     * photo chosen for a save that is refused for want of one is taken into the library and stays with its
     * excerpt. Before, Faces' own validation refused every button until there was a headline, and the chosen
     * photo was dropped without a word (a browser forgets a chosen file).
     */
    @Test
    void aPostStartedFromItsExcerptsKeepsEveryExcerptAndPhotoBeforeItHasAHeadline() {
        DeskFixtures.user("int-starter", "Sami Starter", "WRITER");
        ann.signIn("int-starter", DeskFixtures.PASSWORD);
        ann.open("/admin/posts/edit");
        ann.type("edit:excerpts:0:dek", "First excerpt " + DeskFixtures.EVERY_SCRIPT);
        ann.click("edit:addExcerpt");
        ann.waitFor("[id='edit:excerpts:1:dek']");
        assertTrue(ann.driver().findElements(By.cssSelector(".field-error")).isEmpty(), "no message: nothing was refused");
        assertEquals("First excerpt " + DeskFixtures.EVERY_SCRIPT, value(ann, "edit:excerpts:0:dek"));

        ann.driver().findElement(By.id("edit:excerpts:1:photoFile"))
                .sendKeys(java.nio.file.Path.of("src/main/resources/seed/militia-funeral-baghdad.jpg").toAbsolutePath().toString());
        ann.click("edit:save");
        ann.waitForText(".field-error", "Give the post a headline.");
        ann.waitForText(".chosen-photo .photo-name", "militia-funeral-baghdad.jpg");
        ann.screenshot("refused-save-keeps-the-chosen-photo");
        ann.type("edit:headline", "Started from its excerpts");
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        long post = ((Number) TestDatabase.single("select id from post where headline = 'Started from its excerpts'")).longValue();
        List<Object> photos = column("select photo_id from excerpt where post_id = ? order by position", post);
        assertEquals(2, photos.size());
        assertEquals(null, photos.get(0));
        assertTrue(photos.get(1) != null, "the photo chosen with the refused save is the second excerpt's");
    }

    @Test
    void aPhotoFarBackInTheLibraryStaysOnSaveAndThePickerReachesIt() {
        long editor = DeskFixtures.user("int-photo-editor", "Pia Photo", "EDITOR");
        long post = DeskFixtures.demoPostCopy("integrity-photo", "Photo: an old photo stays", editor, "draft");
        List<Object> photosBefore = column("select photo_id from excerpt where post_id = ? order by position", post);
        long oldest = ((Number) TestDatabase.single("select min(id) from photo")).longValue();
        // Thirty newer photos push the post's photos off the picker's first page (24 a page).
        for (int i = 1; i <= 30; i++) {
            TestDatabase.update("insert into photo (public_key, storage_key, original_filename, mime_type, width, height, size_bytes,"
                    + " sha256, alt_text, default_credit, uploaded_at) select lower(hex(random_bytes(16))),"
                    + " concat(storage_key, '-filler-', ?), concat('filler-', ?, '.jpg'),"
                    + " mime_type, width, height, size_bytes, sha256, 'Filler', 'Filler Photo', now() + interval ? second"
                    + " from photo where id = ?", i, i, i, oldest);
            TestDatabase.update("insert into photo_variant (photo_id, name, storage_key, mime_type, width, height, size_bytes)"
                    + " select (select max(id) from photo), name, storage_key, mime_type, width, height, size_bytes"
                    + " from photo_variant where photo_id = ?", oldest);
        }
        ann.signIn("int-photo-editor", DeskFixtures.PASSWORD);
        ann.open("/admin/posts/edit?id=" + post);
        ann.type("edit:headline", "Photo: an old photo stays, saved");
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        assertEquals(photosBefore, column("select photo_id from excerpt where post_id = ? order by position", post),
                "a save keeps photos the editor did not touch");

        // The picker pages through the whole library, and finds by name.
        String oldName = (String) TestDatabase.single("select original_filename from photo where id = ?", oldest);
        ann.click("edit:excerpts:1:openPicker");
        ann.waitFor(".photo-picker");
        assertTrue(ann.driver().findElement(By.cssSelector(".photo-picker .hint")).getText().contains("page 1 of 2"));
        assertTrue(ann.driver().findElements(By.cssSelector(".photo-picker input[data-photo='" + oldest + "']")).isEmpty());
        ann.click("edit:excerpts:1:pickerNext");
        ann.waitFor(".photo-picker input[data-photo='" + oldest + "']").click();
        ann.waitForText(".chosen-photo .photo-name", oldName);
        ann.click("edit:excerpts:0:openPicker");
        ann.type("edit:excerpts:0:pickerQuery", "filler-17");
        ann.click("edit:excerpts:0:searchPicker");
        ann.waitForText(".photo-picker .hint", "1 photo · page 1 of 1");
        ann.screenshot("photo-picker-search");
        long filler = ((Number) TestDatabase.single("select id from photo where original_filename = 'filler-17.jpg'")).longValue();
        ann.waitFor(".photo-picker input[data-photo='" + filler + "']").click();
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        assertEquals(List.of(filler, oldest), column("select photo_id from excerpt where post_id = ? order by position", post));

        // Reordering on the page (what the Move buttons do) moves each excerpt whole, photo and all.
        String secondUrl = (String) TestDatabase.single("select article_url from excerpt where post_id = ? and position = 1", post);
        ann.click("edit:excerpts:1:up");
        // The button sends the form and the page comes back: read the field once it has.
        new org.openqa.selenium.support.ui.WebDriverWait(ann.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> secondUrl.equals(value(ann, "edit:excerpts:0:articleUrl")));
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        assertEquals(List.of(oldest, filler), column("select photo_id from excerpt where post_id = ? order by position", post));
        assertEquals(secondUrl, TestDatabase.single("select article_url from excerpt where post_id = ? and position = 0", post));

        // The filler photos have no files of their own: they go, so that no later sweep of the library finds them missing.
        TestDatabase.update("update excerpt set photo_id = ? where photo_id in (select id from photo where original_filename like 'filler-%')",
                oldest);
        TestDatabase.update("delete from photo where original_filename like 'filler-%'");
    }

    @Test
    void textInEveryScriptComesBackFromEveryDeskForm() {
        String w = EVERY_SCRIPT;
        ann.signIn("admin", "it-admin-password");

        // The compose page.
        ann.open("/admin/posts/edit");
        ann.typeText("edit:headline", "Headline " + w);
        ann.typeText("edit:section", "Section " + w);
        ann.typeText("edit:tags", "Tag " + w);
        ann.driver().findElement(By.cssSelector("#excerpt-1 .add-outlet summary")).click();
        ann.typeText("edit:excerpts:0:newOutletName", "Outlet " + w);
        ann.type("edit:excerpts:0:newOutletDomain", "every-script.example.org");
        ann.type("edit:excerpts:0:articleUrl", "https://every-script.example.org/story");
        ann.typeText("edit:excerpts:0:dek", "Dek " + w);
        ann.typeRich("edit:excerpts:0:bodyText", "Body " + w + "\n\nSecond " + w);
        ann.typeText("edit:excerpts:0:caption", "Caption " + w);
        ann.typeText("edit:excerpts:0:creditLine", "Credit " + w);
        ann.click("edit:excerpts:0:addRelated");
        ann.typeText("edit:excerpts:0:related:0:title", "Related " + w);
        ann.type("edit:excerpts:0:related:0:url", "https://every-script.example.org/related");
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved.");
        long post = ((Number) TestDatabase.single("select id from post where headline = ?", "Headline " + w)).longValue();
        assertEquals("Dek " + w, TestDatabase.single("select dek from excerpt where post_id = ?", post));
        assertEquals("<p>Body " + w + "</p><p>Second " + w + "</p>", TestDatabase.single("select body from excerpt where post_id = ?", post));
        assertEquals("Caption " + w, TestDatabase.single("select caption from excerpt where post_id = ?", post));
        assertEquals("Credit " + w, TestDatabase.single("select credit_line from excerpt where post_id = ?", post));
        assertEquals("Outlet " + w, TestDatabase.single("select o.name from excerpt e join outlet o on o.id = e.outlet_id where e.post_id = ?", post));
        assertEquals("Related " + w, TestDatabase.single("select r.title from related_link r join excerpt e on e.id = r.excerpt_id where e.post_id = ?", post));
        assertEquals("Section " + w, TestDatabase.single("select s.name from post p join section s on s.id = p.section_id where p.id = ?", post));
        assertEquals("Tag " + w, TestDatabase.single("select t.name from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = ?", post));
        for (String field : List.of("headline", "section", "tags", "excerpts:0:dek", "excerpts:0:caption", "excerpts:0:creditLine",
                "excerpts:0:related:0:title")) {
            assertTrue(value(ann, "edit:" + field).endsWith(w), field + " reads back as " + value(ann, "edit:" + field));
        }
        ann.open("/admin/posts/preview?id=" + post);
        String preview = ann.driver().findElement(By.tagName("article")).getText();
        // Outlet and section names are set in capitals by the style sheet, as on the seed page.
        for (String expected : List.of("Headline " + w, "Dek " + w, "Body " + w, "Second " + w, "RELATED: Related " + w,
                "OUTLET " + w.toUpperCase(), "SECTION " + w.toUpperCase(), "Tag " + w)) {
            assertTrue(preview.contains(expected), "the preview shows " + expected + " in:\n" + preview);
        }
        ann.screenshot("every-script-preview");

        // The media library.
        long photo = ((Number) TestDatabase.single("select min(id) from photo")).longValue();
        ann.open("/admin/media/edit?id=" + photo);
        ann.typeText("photo:altText", "Alt " + w);
        ann.typeText("photo:caption", "Caption " + w);
        ann.typeText("photo:credit", "Credit " + w);
        ann.click("photo:save");
        ann.waitForText(".flash-info", "Saved the details of");
        assertEquals(List.of("Alt " + w, "Caption " + w, "Credit " + w), TestDatabase.query(
                "select alt_text, default_caption, default_credit from photo where id = ?", photo).get(0));
        ann.open("/admin/media/edit?id=" + photo);
        assertEquals("Credit " + w, value(ann, "photo:credit"));

        // The outlet registry.
        ann.open("/admin/outlets/");
        ann.typeText("outlet:name", "Registry " + w);
        ann.type("outlet:domain", "registry-every-script.example.org");
        ann.typeText("outlet:notes", "Notes " + w);
        ann.click("outlet:save");
        ann.waitForText(".flash-info", "saved.");
        assertEquals(List.of("Registry " + w, "Notes " + w), TestDatabase.query(
                "select name, notes from outlet where domain = 'registry-every-script.example.org'").get(0));
        assertTrue(ann.driver().findElement(By.tagName("body")).getText().contains("Registry " + w));

        // Accounts.
        ann.open("/admin/users/edit");
        ann.type("user:username", "every-script");
        ann.typeText("user:displayName", "Name " + w);
        ann.type("user:email", "every-script@newsdesk.invalid");
        ann.driver().findElement(By.cssSelector("input[name='user:roles'][value='WRITER']")).click();
        ann.type("user:newPassword", "every-script-gravel-hums-in-october");
        ann.click("user:save");
        ann.waitForText(".flash-info", "Account every-script created.");
        assertEquals("Name " + w, TestDatabase.single("select display_name from users where username = 'every-script'"));
        assertTrue(ann.driver().findElement(By.tagName("body")).getText().contains("Name " + w));

        // Moderation: a moderator's edit of a comment, a staff reply, and the word lists.
        long publishedPost = DeskFixtures.demoPostCopy("every-script-comments", "Every script: comments", null, "published");
        TestDatabase.update("insert into comment (post_id, author_name, author_email, body, status, depth, created_at)"
                + " values (?, 'Reader', 'every-script-reader@newsdesk.invalid', 'Before', 'APPROVED', 0, now())", publishedPost);
        long comment = ((Number) TestDatabase.single("select max(id) from comment")).longValue();
        ann.open("/admin/comments/edit?id=" + comment);
        ann.typeText("edit:name", "Reader " + w);
        ann.typeText("edit:body", "Comment " + w);
        ann.click("edit:save");
        ann.waitForText(".flash-info", "Saved the comment by");
        assertEquals("Reader " + w, TestDatabase.single("select author_name from comment where id = ?", comment));
        assertTrue(TestDatabase.single("select body from comment where id = ?", comment).toString().contains("Comment " + w));
        ann.open("/admin/comments/edit?id=" + comment);
        ann.typeText("reply-form:reply", "Reply " + w);
        ann.click("reply-form:send");
        ann.waitForText(".flash-info", "Your reply to Reader " + w);
        assertTrue(TestDatabase.single("select body from comment where parent_id = ? and staff = true", comment).toString()
                .contains("Reply " + w));
        String slug = (String) TestDatabase.single("select slug from post where id = ?", publishedPost);
        ann.open("/post/" + slug);
        String thread = ann.driver().findElement(By.id("comments")).getText();
        assertTrue(thread.contains("Reader " + w) && thread.contains("Comment " + w) && thread.contains("Reply " + w), thread);

        ann.open("/admin/comments/settings");
        ann.typeText("settings:suspectWords", "κόσμε\nالعالم\n👍🏽");
        ann.click("settings:save");
        ann.waitForText(".flash-info", "Moderation settings saved.");
        ann.open("/admin/comments/settings");
        assertEquals("κόσμε\nالعالم\n👍🏽", value(ann, "settings:suspectWords"));
        ann.typeText("settings:suspectWords", "");
        ann.click("settings:save");
        ann.waitForText(".flash-info", "Moderation settings saved.");
    }

    private static String value(BrowserSession session, String id) {
        return session.driver().findElement(By.id(id)).getAttribute("value");
    }

    private static String row(BrowserSession session, String field, String column) {
        return session.driver().findElement(By.cssSelector("tr[data-field='" + field + "'] td." + column)).getText();
    }

    private static List<Object> column(String sql, Object... parameters) {
        return TestDatabase.query(sql, parameters).stream().map(r -> r.get(0) == null ? null : (Object) ((Number) r.get(0)).longValue()).toList();
    }
}
