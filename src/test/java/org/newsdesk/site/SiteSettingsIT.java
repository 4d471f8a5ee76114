package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.SeedPage;
import org.newsdesk.SiteClient;
import org.newsdesk.StaffForTests;
import org.newsdesk.TestDatabase;
import org.newsdesk.media.TestImages;

/**
 * The desk's Site and Sections pages used as an administrator and an editor would, on a real Payara Micro:
 * the identity reaches every public page, feed and JSON-LD at once; a refused value is said at its field and
 * nothing is stored; the menu follows the editors' order; each row of the sections page saves alone.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteSettingsIT {

    private static final String NAME = "أخبار الصحف · Roundup 📰";
    private static final String TAGLINE = "מה שחדרי החדשות מדווחים — Ελληνικά ✓";

    @ArquillianResource
    private URL base;

    private final SiteClient site = new SiteClient(() -> base);

    @EJB
    private StaffForTests staff;

    @EJB
    private SiteAdministration administration;

    /** The other test classes share the database: the site is given back its environment's identity and menu. */
    @AfterAll
    static void restore() {
        TestDatabase.update("delete from setting where name like 'site.%'");
        TestDatabase.update("update section set in_menu = true, description = null where slug = 'middle-east'");
        TestDatabase.update("delete from section where slug like 'site-it-%'");
        TestDatabase.update("update tag set description = null");
    }

    @Test
    @Order(1)
    void theServiceChecksRolesWhateverThePagesShow() {
        staff.ensure();
        assertThrows(EJBAccessException.class, () -> administration.saveIdentity("Hijacked", "", "en", null, null));
        assertThrows(EJBAccessException.class, () -> administration.moveSection(1, 1));
    }

    @Test
    @Order(2)
    @RunAsClient
    void refusedValuesAreSaidAtTheirFieldsAndNothingIsStored() throws IOException {
        Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        FormElement form = siteForm(desk);
        form.selectFirst("[name=site:name]").val("   ");
        form.select("[name=site:language] option").removeAttr("selected");
        form.selectFirst("[name=site:language] option[value=he]").attr("selected", "selected");
        Connection.Response refused = pressWithLogo(desk, form, "not an image".getBytes(), "logo.png");
        assertEquals(200, refused.statusCode());
        Document page = refused.parse();
        assertEquals("The site's name is 1 to 80 characters.", message(page, "site:name"));
        assertEquals("This file is not a JPEG, PNG or WebP image.", message(page, "site:logoFile"));
        assertEquals("he", page.selectFirst("[name=site:language] option[selected]").val(), "what was chosen is kept");
        assertEquals(0L, ((Number) TestDatabase.single("select count(*) from setting where name like 'site.%'")).longValue());
        Document front = site.get("/").parse();
        assertEquals("en", front.selectFirst("html").attr("lang"));
    }

    @Test
    @Order(3)
    @RunAsClient
    void theIdentityReachesEveryPageFeedAndStructuredDataAtOnce() throws IOException {
        Connection.Response before = site.get("/");
        assertEquals("ltr", before.parse().selectFirst("html").attr("dir"));

        Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        FormElement form = siteForm(desk);
        form.selectFirst("[name=site:name]").val(NAME);
        form.selectFirst("[name=site:tagline]").val(TAGLINE);
        form.select("[name=site:language] option").removeAttr("selected");
        form.selectFirst("[name=site:language] option[value=he]").attr("selected", "selected");
        Connection.Response saved = pressWithLogo(desk, form, TestImages.write(TestImages.quadrants(900, 200), "jpg"), "logo.jpg");
        assertEquals(302, saved.statusCode(), saved.body());
        FormElement again = siteForm(desk);
        assertEquals(NAME, again.selectFirst("[name=site:name]").val(), "read back as typed");
        assertEquals(TAGLINE, again.selectFirst("[name=site:tagline]").val());

        String siteUrl = System.getenv("NEWSDESK_SITE_URL");
        for (String path : List.of("/", "/post/" + SeedPage.SLUG, "/section/middle-east", "/search?q=iraq", "/no-such-page")) {
            Connection.Response answer = Jsoup.connect(site.url(path)).ignoreHttpErrors(true).execute();
            assertEquals(List.of(), org.newsdesk.PageChecks.html(answer.body(), path), "valid HTML in a right-to-left site too");
            Document page = answer.parse();
            assertEquals("he", page.selectFirst("html").attr("lang"), path);
            assertEquals("rtl", page.selectFirst("html").attr("dir"), path);
            assertEquals(NAME, page.selectFirst(".brand span").text(), path);
            assertTrue(page.title().endsWith(NAME), page.title());
        }
        Document front = site.get("/").parse();
        String logo = front.selectFirst(".brand-logo").attr("src");
        assertTrue(logo.matches("/site-logo/[0-9a-f]{64}\\.png"), logo);
        Connection.Response image = Jsoup.connect(site.url(logo)).ignoreContentType(true).execute();
        assertTrue(image.contentType().startsWith("image/png"));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(image.bodyAsBytes()));
        assertEquals(900, png.getWidth(), "narrow enough to keep its size");
        assertTrue(image.header("Cache-Control").contains("immutable"));

        JsonObject website = Json.createReader(new StringReader(front.selectFirst("script[type=application/ld+json]").data())).readObject()
                .getJsonArray("@graph").getJsonObject(0);
        assertEquals(NAME, website.getString("name"));
        assertEquals("he", website.getString("inLanguage"));
        assertEquals(siteUrl + logo, website.getJsonObject("publisher").getJsonObject("logo").getString("url"));
        Document post = site.get("/post/" + SeedPage.SLUG).parse();
        JsonObject article = Json.createReader(new StringReader(post.selectFirst("script[type=application/ld+json]").data())).readObject()
                .getJsonArray("@graph").getJsonObject(0);
        assertEquals(NAME, article.getJsonObject("publisher").getString("name"));
        assertEquals(siteUrl + logo, article.getJsonObject("publisher").getJsonObject("logo").getString("url"));
        assertEquals(NAME, post.selectFirst("meta[property=og:site_name]").attr("content"));

        Document atom = Jsoup.parse(site.get("/feed/atom").body(), "", Parser.xmlParser());
        assertEquals(NAME, atom.selectFirst("feed > title").text());
        assertEquals(TAGLINE, atom.selectFirst("feed > subtitle").text());
        assertEquals("he", atom.selectFirst("feed").attr("xml:lang"));
        assertEquals(siteUrl + logo, atom.selectFirst("feed > logo").text());
        Document rss = Jsoup.parse(site.get("/feed").body(), "", Parser.xmlParser());
        assertEquals("he", rss.selectFirst("channel > language").text());

        // An editor has no Site page.
        Connection editor = site.signedIn("test-editor", "test-editor-password");
        assertEquals(403, editor.newRequest(site.url("/admin/site/")).execute().statusCode());
    }

    @Test
    @Order(4)
    @RunAsClient
    void theMenuFollowsTheEditorsOrderAndEachRowSavesAlone() throws IOException {
        TestDatabase.update("insert into section (slug, name, position, in_menu) values ('site-it-alpha', 'Alpha IT', 20, true),"
                + " ('site-it-beta', 'Beta IT', 21, true), ('site-it-gamma', 'Γάμμα IT', 22, true)");
        Connection editor = site.signedIn("test-editor", "test-editor-password");
        Document sections = editor.newRequest(site.url("/admin/sections/")).get();
        Connection.Response moved = site.press(editor, rowForm(sections, "section", "site-it-gamma"), rowButton(sections, "section", "site-it-gamma", "up"));
        assertEquals(302, moved.statusCode());
        assertEquals(List.of("Alpha IT", "Γάμμα IT", "Beta IT"), menu().subList(menu().indexOf("Alpha IT"), menu().indexOf("Alpha IT") + 3));

        sections = editor.newRequest(site.url("/admin/sections/")).get();
        FormElement beta = rowForm(sections, "section", "site-it-beta");
        beta.select("input[type=checkbox]").removeAttr("checked");
        assertEquals(302, site.press(editor, beta, rowButton(sections, "section", "site-it-beta", "save")).statusCode());
        assertFalse(menu().contains("Beta IT"), "off the menu");

        // A refused name is said under its row, and what was typed stays.
        sections = editor.newRequest(site.url("/admin/sections/")).get();
        FormElement alpha = rowForm(sections, "section", "site-it-alpha");
        alpha.selectFirst("input[name$=:name]").val("");
        alpha.selectFirst("textarea").val("Kept — محفوظ");
        Document refused = site.press(editor, alpha, rowButton(sections, "section", "site-it-alpha", "save")).parse();
        FormElement shown = rowForm(refused, "section", "site-it-alpha");
        assertEquals("A name is 1 to 100 characters.", shown.selectFirst(".field-error").text());
        assertEquals("Kept — محفوظ", shown.selectFirst("textarea").val());

        // The tag on the second row: each row is a form of its own, and the row sent is the row saved.
        Document tags = editor.newRequest(site.url("/admin/sections/")).get();
        List<Element> tagForms = tags.select("form[id^=tag-]");
        assertTrue(tagForms.size() >= 2, "at least two tags");
        FormElement second = (FormElement) tagForms.get(1);
        String tagSlug = second.selectFirst(".hint").text().replace("/tag/", "");
        second.selectFirst("textarea").val("What Iraq's own newsrooms report — ما تنقله صحف العراق");
        Connection.Response savedTag = site.press(editor, second, second.selectFirst("input[type=submit]").attr("name"));
        assertEquals(302, savedTag.statusCode());
        assertEquals("What Iraq's own newsrooms report — ما تنقله صحف العراق",
                TestDatabase.single("select description from tag where slug = ?", tagSlug));
        Connection.Response tagPage = Jsoup.connect(site.url("/tag/" + tagSlug)).ignoreHttpErrors(true).execute();
        if (tagPage.statusCode() == 200) {
            assertEquals("What Iraq's own newsrooms report — ما تنقله صحف العراق", tagPage.parse().selectFirst(".listing-description").text());
        }
    }

    private List<String> menu() throws IOException {
        return site.get("/").parse().select("nav.section-menu a").eachText();
    }

    /**
     * An Arabic site: every public page, and a refused comment's answer, in Arabic. Each page's visible text and
     * the attributes people read (labels, placeholders, buttons) are searched for a word in Latin letters, with
     * what people wrote taken out (headlines, excerpts, names: the elements that follow their own direction).
     */
    @Test
    @Order(5)
    @RunAsClient
    void anArabicSiteShowsNoWordOfItsOwnInEnglish() throws IOException {
        Connection desk = site.signedIn("admin", System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        FormElement form = siteForm(desk);
        form.selectFirst("[name=site:name]").val("أخبار الصحف");
        form.selectFirst("[name=site:tagline]").val("ما تقوله غرف الأخبار");
        form.select("[name=site:language] option").removeAttr("selected");
        form.selectFirst("[name=site:language] option[value=ar]").attr("selected", "selected");
        assertEquals(302, site.press(desk, form, "site:save").statusCode());

        List<String> english = new java.util.ArrayList<>();
        for (String path : List.of("/", "/post/" + SeedPage.SLUG, "/section/middle-east", "/tag/iraq", "/search",
                "/search?q=iraq", "/search?q=qqqqzzzz", "/no-such-page", "/newsletter/", "/newsletter/?asked=1",
                "/newsletter/confirm?t=1.2.forged", "/newsletter/manage?t=forged")) {
            Connection.Response answer = Jsoup.connect(site.url(path)).ignoreHttpErrors(true).execute();
            Document page = answer.parse();
            assertEquals("ar", page.selectFirst("html").attr("lang"), path);
            assertEquals("rtl", page.selectFirst("html").attr("dir"), path);
            english.addAll(latinWords(path, page));
        }
        // A comment refused at every field, answered by the page itself (no JavaScript).
        Document post = site.get("/post/" + SeedPage.SLUG).parse();
        FormElement comment = SiteClient.fillCommentForm(post, "", "not an address", "");
        comment.selectFirst("[name=comment-form:website]").val("ftp://example.org");
        Document refused = site.press(Jsoup.newSession(), comment, "comment-form:submit").parse();
        assertEquals("اكتب اسمك من فضلك.", SiteClient.fieldMessage(refused, "name"));
        assertEquals("لا يبدو هذا عنوان بريد إلكتروني.", SiteClient.fieldMessage(refused, "email"));
        english.addAll(latinWords("a refused comment", refused));
        // A subscription refused at its field.
        FormElement subscribe = (FormElement) Jsoup.connect(site.url("/newsletter/")).get().selectFirst("form#subscribe");
        subscribe.selectFirst("[name=subscribe:email]").val("not an address");
        Document notAddress = site.press(Jsoup.newSession(), subscribe, "subscribe:send").parse();
        assertEquals("لا يبدو هذا عنوان بريد إلكتروني؛ تحقّق من خطأ في الكتابة.", notAddress.selectFirst("#subscribe\\:email-message").text());
        english.addAll(latinWords("a refused subscription", notAddress));
        assertEquals(List.of(), english, "Newsdesk's own words in English on an Arabic site");

        // Back to English through the desk, which tells every page at once (the other classes read English pages).
        FormElement back = siteForm(desk);
        back.selectFirst("[name=site:name]").val(SiteConfig.SITE_NAME.value());
        back.selectFirst("[name=site:tagline]").val(SiteConfig.SITE_TAGLINE.value());
        back.select("[name=site:language] option").removeAttr("selected");
        back.selectFirst("[name=site:language] option[value=en]").attr("selected", "selected");
        assertEquals(302, site.press(desk, back, "site:save").statusCode());
        assertEquals("en", site.get("/").parse().selectFirst("html").attr("lang"));
    }

    /** Words in Latin letters a reader sees or hears on the page, other than what people wrote. */
    private static List<String> latinWords(String path, Document page) {
        Document copy = page.clone();
        // What people wrote: elements that follow their own direction. Their text is also taken out of the
        // attributes that quote it ("From TIMES OF ISRAEL" is a label around an outlet's name).
        List<String> written = copy.select("[dir=auto], bdi").eachText().stream().filter(text -> !text.isBlank())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        copy.select("head, script, style, [dir=auto], bdi, input[type=hidden], .hp").remove();
        StringBuilder heard = new StringBuilder(copy.body().text());
        for (Element element : copy.select("[placeholder], [aria-label], [title], [alt], input[type=submit], button")) {
            heard.append(' ').append(element.attr("placeholder")).append(' ').append(element.attr("aria-label"))
                    .append(' ').append(element.attr("title")).append(' ').append(element.attr("alt"));
            if (element.is("input[type=submit], button")) {
                heard.append(' ').append(element.is("button") ? element.text() : element.val());
            }
        }
        String said = heard.toString();
        for (String text : written) {
            said = said.replace(text, " ");
        }
        // Names that keep their letters in Arabic: feed formats, and the address schemes a message quotes.
        return java.util.regex.Pattern.compile("\\p{IsLatin}{2,}").matcher(said.replaceAll("\\b(RSS|Atom|https?)\\b", ""))
                .results().map(m -> path + ": " + m.group()).toList();
    }

    private FormElement siteForm(Connection desk) throws IOException {
        Document page = desk.newRequest(site.url("/admin/site/")).get();
        FormElement form = (FormElement) page.selectFirst("form#site");
        assertNotNull(form, page.title());
        return form;
    }

    private static FormElement rowForm(Document page, String kind, String slug) {
        return (FormElement) page.select("form[id^=" + kind + "-]").stream()
                .filter(form -> form.selectFirst(".hint").text().equals("/" + kind + "/" + slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + slug));
    }

    private static String rowButton(Document page, String kind, String slug, String button) {
        return rowForm(page, kind, slug).attr("id") + ":" + button;
    }

    private static String message(Document page, String field) {
        Element message = page.selectFirst("[id=" + field + "] ~ .field-error");
        return message == null ? null : message.text();
    }

    /** The Site form sent as a browser sends it with a file chosen, pressing Save. */
    private Connection.Response pressWithLogo(Connection session, FormElement form, byte[] file, String filename) throws IOException {
        Connection request = session.newRequest(site.url(form.attr("action"))).method(Connection.Method.POST).followRedirects(false);
        Set<String> notFields = new HashSet<>(form.select("input[type=submit], button, input[type=file]").eachAttr("name"));
        for (Connection.KeyVal field : form.formData()) {
            if (!notFields.contains(field.key())) {
                request.data(field.key(), field.value());
            }
        }
        request.data("site:logoFile", filename, new ByteArrayInputStream(file), "application/octet-stream");
        return request.data("site:save", "Save site settings").execute();
    }
}
