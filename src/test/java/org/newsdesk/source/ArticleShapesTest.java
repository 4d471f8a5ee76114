package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.source.SourceArticle.Image;
import org.newsdesk.source.SourceFetcher.Expect;

/**
 * Import from a URL on pages in the markup shapes real outlets use: thirteen saved pages of our own invention
 * (made-up stories and people, {@code src/test/resources/source-pages/shapes/}), each served by a real HTTP server
 * with its own Content-Type and read through {@link SourceFetcher}, so charsets come from the header or the markup
 * as they would in production. Every field a careful editor would fill is checked; all of a page's checks run
 * ({@code assertAll}) so one failure does not hide the next.
 *
 * <p>An image's credit is the credit as printed, without its label ("Photo :", "צילום:"), its parentheses or the
 * "File" marker of a file picture ("(AP Photo/Rosa Delgado, File)" credits "AP Photo/Rosa Delgado"); its caption
 * is the caption without the credit and without labels written for screen readers ("Image caption, ").
 */
class ArticleShapesTest {

    private static final String REUTERS = "/world/middle-east/jordan-valley-date-growers-turn-solar-pumps-aquifer-falls-2026-11-24/";
    private static final String AP = "/article/santa-fe-wildfire-evacuations-november-3f9c2a7d51e84b6a";
    private static final String TIMES_OF_ISRAEL = "/jaffa-fishermen-say-new-marina-plan-would-push-them-out-of-the-old-port/";
    private static final String BBC = "/news/articles/c4g7x2kq9wro";
    private static final String ARABIC_AMP = "/amp/news/2026/11/21/basra-fishermen-return-shatt-al-arab";
    private static final String HAARETZ = "/nature/2026-11-22/ty-article/.premium/0000019a-4c1e-d2f3-a7b8-5e9f0a1b2c3d";
    private static final String BLOGGER = "/2026/11/ferry-schedule-is-changing-again.html";
    private static final String OPEN_GRAPH = "/2026/11/20/market-hall-roof/";
    private static final String JSON_LD_GRAPH = "/2026/11/19/millbrook-creek-trees/";
    private static final String LEVANT = "/economy/2026/11/22/tripoli-port-container-ship";
    private static final String FRENCH_HEADER = "/region/roubaix/2026/11/19/l-ancienne-filature-devient-un-musee-du-textile-vivant";
    private static final String FRENCH_META = "/region/roubaix/2026/11/19/filature-musee-textile.php";
    private static final String GREEK = "/thessaloniki/article/48213/nyxterina-dromologia-metro";
    private static final String ROBOTS_BLOG = "/2026/11/18/three-days-on-the-coast-path-in-the-rain/";

    private static SourceSite site;
    private static SourceFetcher fetcher;

    @BeforeAll
    static void start() {
        site = SourceSite.start();
        fetcher = new SourceFetcher(new SourceFetcher.Limits(Duration.ofSeconds(5), 1024 * 1024, 3, AllowedHosts.parse("127.0.0.1:" + site.port())),
                "Newsdesk/1 (+https://news.example.com/)");
        serve(REUTERS, "01-wire-reuters.html", "text/html; charset=utf-8");
        serve(AP, "02-wire-ap.html", "text/html;charset=UTF-8");
        serve(TIMES_OF_ISRAEL, "03-wordpress-toi.html", "text/html; charset=UTF-8");
        serve(BBC, "04-bbc.html", "text/html; charset=utf-8");
        serve(ARABIC_AMP, "05-amp-arabic.html", "text/html");
        serve(HAARETZ, "06-paywall-hebrew.html", "text/html; charset=utf-8");
        serve(BLOGGER, "07-blogger.html", "text/html; charset=UTF-8");
        serve(OPEN_GRAPH, "08-opengraph-base.html", "text/html");
        serve(JSON_LD_GRAPH, "09-jsonld-graph.html", "text/html; charset=UTF-8");
        serve(LEVANT, "10-levant-arabic.html", "text/html; charset=utf-8");
        serve(FRENCH_HEADER, "11-french-cp1252-header.html", "text/html; charset=windows-1252");
        serve(FRENCH_META, "11-french-cp1252-meta.html", "text/html");
        serve(GREEK, "12-greek-iso-8859-7.html", "text/html");
        serve(ROBOTS_BLOG, "13-blog-robots-disallow.html", "text/html; charset=UTF-8");
        site.put("/robots.txt", new SourceSite.Page(200, "text/plain; charset=utf-8",
                "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8), null, null, 0));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        site.close();
    }

    /** Serves a saved page's bytes as they are (a windows-1252 page stays windows-1252) with this Content-Type. */
    private static void serve(String path, String file, String contentType) {
        try (InputStream in = ArticleShapesTest.class.getResourceAsStream("/source-pages/shapes/" + file)) {
            assertNotNull(in, file);
            site.put(path, new SourceSite.Page(200, contentType, in.readAllBytes(), null, null, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches a page from the site as import does and reads it. */
    private static SourceArticle read(String path) throws SourceRefusedException {
        SourcePage page = fetcher.fetch(URI.create(site.url(path)), Expect.PAGE, null, null);
        assertEquals(200, page.status(), path);
        return ArticleReader.read(page);
    }

    private static Image image(SourceArticle a) {
        assertNotNull(a.image(), "the page's lead picture was not found");
        return a.image();
    }

    private static String first(List<String> paragraphs) {
        return paragraphs.isEmpty() ? null : paragraphs.get(0);
    }

    private static String last(List<String> paragraphs) {
        return paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1);
    }

    /** No paragraph an excerpt may quote holds any of these (bylines, promos, captions, sign-offs, related links…). */
    private static void assertNotQuoted(SourceArticle a, String... lines) {
        List<String> quoted = new ArrayList<>();
        for (String line : lines) {
            a.paragraphs().stream().filter(p -> p.contains(line)).findFirst()
                    .ifPresent(p -> quoted.add("\"" + line + "\" in \"" + p + "\""));
        }
        assertEquals(List.of(), quoted, "paragraphs() quote what is not the article's prose");
    }

    /** The subheadings are in the article's text, as headings, and never in its quotable paragraphs. */
    private static void assertHeadings(SourceArticle a, String... headings) {
        for (String heading : headings) {
            assertTrue(a.text().contains(heading), "text() lacks the subheading \"" + heading + "\": " + a.text());
            assertFalse(a.paragraphs().contains(heading), "paragraphs() quote the subheading \"" + heading + "\"");
        }
    }

    /** Headings of what surrounds the article ("Related", "More on this story") are not in its text. */
    private static void assertNotInText(SourceArticle a, String... lines) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            a.text().stream().filter(t -> t.contains(line)).findFirst().ifPresent(t -> found.add("\"" + line + "\" in \"" + t + "\""));
        }
        assertEquals(List.of(), found, "text() holds what is not the article");
    }

    /** A picture's address is one a browser can load: absolute http(s), never a data: placeholder. */
    private static void assertLoadable(SourceArticle a) {
        String url = image(a).url();
        assertTrue(url.startsWith("https://") || url.startsWith("http://"), "not an absolute web address: " + url);
    }

    @Test
    void reutersStyleParagraphDivsWithASignOffAndTheCreditInTheCaption() throws Exception {
        SourceArticle a = read(REUTERS);
        assertAll("Reuters-style",
                () -> assertEquals("Jordan Valley date growers turn to solar pumps as aquifer falls", a.headline().value(), "headline"),
                () -> assertEquals("Farmers along the Jordan Valley are swapping diesel pumps for solar panels as groundwater drops, "
                        + "raising fears the cheaper power will drain the aquifer faster.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 24), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-24T14:32:10Z"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Maya Haddad", "Khaled Yassin"), a.authors().value(), "authors"),
                () -> assertEquals("Reuters", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.reuters.example" + REUTERS, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://www.reuters.example/resizer/v2/KQ3ZLZJ7ERNXHGT5D2QW4Y6VUM.jpg?auth=4e1c0f2a9b&width=1920&quality=80",
                        image(a).url(), "image url"),
                () -> assertEquals("A farmer inspects solar panels powering a well pump on a date farm near Karameh, Jordan, November 20, 2026.",
                        image(a).caption(), "image caption"),
                () -> assertEquals("REUTERS/Samer Qudah", image(a).credit(), "image credit"),
                () -> assertEquals("KARAMEH, Jordan, Nov 24 (Reuters) - When the diesel bill for his well pump passed 900 dinars a month "
                        + "last summer, date grower Ayman Odeh sold two tractors and bought 140 solar panels. His pump now runs from "
                        + "sunrise to sunset, and it costs him almost nothing.", first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("Shdeifat said such schemes help at the margins but would not reverse the decline without limits on "
                        + "how much each well can draw. \"The panels are not the problem,\" she said. \"The missing limit is.\"",
                        last(a.paragraphs()), "last paragraph: the sign-off is not one"),
                () -> assertEquals(10, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertEquals(418, a.wordCount(), "wordCount: the whole article, its subheading included"),
                () -> assertNotQuoted(a, "Reporting by", "Editing by", "Our Standards", "Trust Principles", "opens new tab",
                        "Sign up here", "Daily Briefing", "REUTERS/Samer Qudah", "Purchase Licensing Rights", "Suggested Topics",
                        "By Maya Haddad", "Updated 2 hours ago", "Read Next", "Egypt buys wheat"),
                () -> assertHeadings(a, "LICENCES AND METERS"),
                () -> assertNotInText(a, "Reporting by", "Our Standards", "Read Next"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void apStyleUpperCaseBylineDatelineAndReadMorePromos() throws Exception {
        SourceArticle a = read(AP);
        assertAll("AP-style",
                () -> assertEquals("A late-season wildfire forces evacuations near Santa Fe as crews stretch thin", a.headline().value(), "headline"),
                () -> assertEquals("A wind-driven wildfire in the foothills east of Santa Fe forced hundreds of people from their homes on "
                        + "Sunday, weeks after the usual end of the fire season.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 22), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-22T21:18:04Z"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Ines Marlow", "Tomás Ibarra"), a.authors().value(), "authors"),
                () -> assertEquals("AP News", a.siteName().value(), "siteName"),
                () -> assertEquals("https://apnews.example" + AP, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://dims.apnews.example/dims4/default/7c1e2d4/2147483647/strip/true/crop/5000x3333+0+0/resize/1440x960!"
                        + "/quality/90/?url=https%3A%2F%2Fassets.apnews.example%2Ffa%2F12%2F9c0b7e5d4a3f2e1d0c9b8a7f6e5d4c3b%2Fsangre-ridge-fire.jpg",
                        image(a).url(), "image url"),
                () -> assertEquals("Smoke rises from the Sangre Ridge fire above homes east of Santa Fe, N.M., on Sunday, Nov. 22, 2026.",
                        image(a).caption(), "image caption"),
                () -> assertEquals("AP Photo/Rosa Delgado", image(a).credit(), "image credit"),
                () -> assertEquals("SANTA FE, N.M. (AP) — A wind-driven wildfire tore through piñon and juniper in the foothills east of "
                        + "Santa Fe on Sunday, forcing hundreds of people from their homes weeks after crews would normally have been "
                        + "sent home for the winter.", first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("“You don’t expect to be packing for a fire with Thanksgiving decorations on the door,” she said.",
                        last(a.paragraphs()), "last paragraph: the contributor line is not one"),
                () -> assertEquals(6, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "READ MORE", "Drought leaves Rio Grande", "What to pack", "RELATED COVERAGE",
                        "Fire seasons in the West are starting", "AP Photo", "A plane drops retardant", "___", "Associated Press writer",
                        "contributed to this report", "INES MARLOW", "Updated 2:18 PM", "Most read"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void timesOfIsraelWordPressWithAReadPromoARelatedBlockAndAProtocolRelativeImage() throws Exception {
        SourceArticle a = read(TIMES_OF_ISRAEL);
        String scheme = URI.create(site.url("/")).getScheme(); // a protocol-relative address takes the page's scheme
        assertAll("Times of Israel WordPress",
                () -> assertEquals("Jaffa fishermen say new marina plan would push them out of the old port", a.headline().value(), "headline"),
                () -> assertEquals("City says the redesign keeps berths for working boats; fishermen’s association warns of higher fees "
                        + "and fewer moorings", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 23), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-23T21:41:12+02:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Noa Levanon"), a.authors().value(), "authors"),
                () -> assertEquals("The Times of Israel", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.timesofisrael.example" + TIMES_OF_ISRAEL, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals(scheme + "://static.example.com/www/uploads/2026/11/jaffa-port-1024x640.jpg", image(a).url(), "image url"),
                () -> assertEquals("Fishing boats moored in the old port of Jaffa, November 3, 2025.", image(a).caption(), "image caption"),
                () -> assertEquals("AFP", image(a).credit(), "image credit"),
                () -> assertEquals("Fishermen in Jaffa’s old port warned on Monday that a city plan to turn part of the harbor into a "
                        + "marina for leisure boats would leave no room for the few dozen working boats that still sail from it each night.",
                        first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("A public hearing on the plan is set for next month at the municipality’s Jaffa offices.",
                        last(a.paragraphs()), "last paragraph"),
                () -> assertEquals(6, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "READ:", "Fish prices climb", "Related", "Tel Aviv to keep lifeguards", "Ashdod port",
                        "By Noa Levanon", "Today, 9:41 pm", "AFP/File", "Fishing boats moored", "Share on", "Comments", "Most Read"),
                () -> assertHeadings(a, "Fees and moorings"),
                () -> assertNotInText(a, "Related", "Tel Aviv to keep lifeguards", "Topics"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void bbcStyleTextBlocksAndScreenReaderLabelsAroundTheCaptionAndCredit() throws Exception {
        SourceArticle a = read(BBC);
        assertAll("BBC-style",
                () -> assertEquals("Cairo's last tram depot reopens as a museum of the city's streets", a.headline().value(), "headline"),
                () -> assertEquals("Trams stopped running in most of Cairo decades ago, but a depot in Shubra has been turned into a museum "
                        + "of the city's transport.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 21), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-21T06:02:17Z"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Farida Nasser"), a.authors().value(), "authors: the reporter, not the organisation JSON-LD names"),
                () -> assertEquals("BBC News", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.bbc.example" + BBC, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://ichef.bbci.example/news/1024/branded_news/7d2e/live/5a1c3b20-c8d4-11f0-b1a2-3f4e5d6c7b8a.jpg",
                        image(a).url(), "image url"),
                () -> assertEquals("A 1950s tram car restored by volunteers now stands in the depot's main hall", image(a).caption(),
                        "image caption, without \"Image caption, \""),
                () -> assertEquals("Getty Images", image(a).credit(), "image credit, without \"Image source, \""),
                () -> assertEquals("A green and cream tram car inside a brick depot hall", image(a).alt(), "image alt"),
                () -> assertEquals("For most of the 20th Century, the clang of a tram bell was the sound of a Cairo morning.",
                        first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("The museum opens to the public on Friday. Entry for schoolchildren will be free.", last(a.paragraphs()),
                        "last paragraph"),
                () -> assertEquals(7, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "Image caption", "Image source", "Getty Images", "A 1950s tram car", "More on this story",
                        "Egypt's new capital", "Related topics", "Farida Nasser", "BBC News Arabic, Cairo", "Most read"),
                () -> assertHeadings(a, "A network lost to the car", "Volunteers and spare parts"),
                () -> assertNotInText(a, "More on this story", "Related topics", "Most read"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void arabicAmpPageWithAmpImgTheDekRepeatedAndAnAgencyCreditInTheCaption() throws Exception {
        SourceArticle a = read(ARABIC_AMP);
        String dek = "عاد عشرات الصيادين في البصرة إلى شط العرب هذا الخريف بعد أن تراجعت ملوحة المياه لأول مرة منذ ثلاث سنوات، "
                + "وفق ما يقول الصيادون ومسؤولون محليون.";
        assertAll("Arabic AMP",
                () -> assertEquals("صيادو البصرة يعودون إلى شط العرب بعد انحسار الملوحة", a.headline().value(), "headline"),
                () -> assertEquals(dek, a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 21), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-21T09:15:00+03:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("علي الموسوي"), a.authors().value(), "authors"),
                () -> assertEquals("الجزيرة نت", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.aljazeera.example/news/2026/11/21/basra-fishermen-return-shatt-al-arab", a.canonicalUrl().value(),
                        "canonicalUrl: the article, not its AMP copy"),
                () -> assertEquals("https://www.aljazeera.example/wp-content/uploads/2026/11/fao-fishermen.jpg", image(a).url(), "image url"),
                () -> assertEquals("صيادون يفرغون حمولة قارب في ميناء الفاو جنوبي البصرة", image(a).caption(), "image caption"),
                () -> assertEquals("الجزيرة", image(a).credit(), "image credit"),
                () -> assertEquals("على ضفة شط العرب في منطقة الفاو، يصلح حسين عبد الأمير شباكه قبل الغروب، بعد موسمين ترك فيهما الصيد "
                        + "وعمل سائقا لسيارة أجرة في المدينة.", first(a.paragraphs()), "first paragraph: the dek is not quoted again"),
                () -> assertEquals("يقول عبد الأمير (47 عاما) للجزيرة نت: «كانت المياه مالحة إلى حد أن السمك هرب منها، واليوم عادت "
                        + "أنواع لم نرها منذ سنوات».", a.paragraphs().size() > 1 ? a.paragraphs().get(1) : null, "second paragraph"),
                () -> assertEquals("وفي سوق السمك بالبصرة، انخفضت أسعار الشبوط والبني بنحو الربع مقارنة بالصيف الماضي، بحسب باعة في السوق.",
                        last(a.paragraphs()), "last paragraph"),
                () -> assertEquals(5, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "عاد عشرات الصيادين", "(الجزيرة)", "صيادون يفرغون", "المصدر", "البصرة - علي الموسوي", "إعلان",
                        "المزيد من", "21/11/2026"),
                () -> assertHeadings(a, "أمطار غزيرة وإطلاقات مائية"),
                () -> assertNotInText(a, "المزيد من اقتصاد", "صادرات التمور"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void haaretzStyleHebrewPageBehindAPaywallWithAPhotoCreditInTheCaption() throws Exception {
        SourceArticle a = read(HAARETZ);
        assertAll("Haaretz-style paywall",
                () -> assertEquals("זוג עיטים ניציים בונה קן בכרמל, לראשונה מזה 20 שנה", a.headline().value(), "headline"),
                () -> assertEquals("פקחים הבחינו בזוג מעביר ענפים למצוק בנחל כלח. אם הקינון יצליח, תהיה זו הפעם הראשונה מאז 2006 "
                        + "שעיטים ניציים מגדלים גוזלים בכרמל", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 22), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-22T18:05:00+02:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("נעמה גלבוע"), a.authors().value(), "authors"),
                () -> assertEquals("הארץ", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.haaretz.example" + HAARETZ, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertTrue(a.paywalled(), "paywalled: isAccessibleForFree false"),
                () -> assertEquals("https://img.haarets.example/bs/0000019a-4c1e-d2f3-a7b8-5e9f0a1b2c40/a1/b2/c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8/"
                        + "nahal-kelah-eagles.jpg?precrop=1920,1080,x0,y0&height=630&width=1200", image(a).url(), "image url"),
                () -> assertEquals("זוג עיטים ניציים מעל נחל כלח, בשבוע שעבר.", image(a).caption(), "image caption"),
                () -> assertEquals("עמית ברק", image(a).credit(), "image credit, without \"צילום:\""),
                () -> assertEquals("זוג עיטים ניציים נצפה בשבועות האחרונים בונה קן על מצוק בנחל כלח שבכרמל, כך מסרו פקחים המנטרים את "
                        + "האזור. לדבריהם, זו הפעם הראשונה מזה כ־20 שנה שזוג מהמין מנסה לקנן בהר.", first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("״אנחנו שומרים מרחק ולא מפרסמים את המיקום המדויק״, אמרה אחת הפקחיות. ״כל הפרעה בשלב הזה עלולה "
                        + "לגרום לזוג לנטוש את הקן״.", last(a.paragraphs()), "last paragraph: the subscription box is not one"),
                () -> assertEquals(3, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "צילום", "מינוי", "התחברו", "כדי להמשיך לקרוא", "נעמה גלבוע", "22 בנובמבר 2026", "עוד בטבע וסביבה",
                        "פקחים הבחינו"),
                () -> assertHeadings(a, "עוקבים מרחוק"),
                () -> assertNotInText(a, "כדי להמשיך לקרוא", "לרכישת מינוי"));
    }

    @Test
    void aSmallBlogWithBrSeparatedParagraphsAndItsTimestampInAnAbbr() throws Exception {
        SourceArticle a = read(BLOGGER);
        assertAll("Blogger-style blog",
                () -> assertEquals("The ferry schedule is changing again", a.headline().value(), "headline: the post's, not the blog's <h1>"),
                () -> assertFalse(a.dek().present(), "dek: the page has none, got " + a.dek().value()),
                () -> assertEquals(LocalDate.of(2026, 11, 25), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-25T21:47:00-05:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Walt Brenner"), a.authors().value(), "authors"),
                () -> assertEquals("Harbor Town Notes", a.siteName().value(), "siteName"),
                () -> assertEquals(site.url(BLOGGER), a.canonicalUrl().value(), "canonicalUrl: no canonical link, the address read"),
                () -> assertNull(a.image(), "image: the post has no picture"),
                () -> assertEquals(List.of(
                        "The county posted the new winter ferry schedule on Monday, and if you take the 7:10 to the mainland, you should "
                                + "sit down before you read it.",
                        "Starting December 7, the first boat leaves at 6:40 and the next one not until 8:25. The 7:10 is gone. The county "
                                + "says fewer than twenty cars used it on an average weekday last winter, which is probably true, but most "
                                + "of us on it were on foot.",
                        "I counted this morning: thirty-one walk-on passengers, two bicycles, and Mrs. Okafor's terrier, who rides every "
                                + "day and has never paid a fare.",
                        "There is a public comment meeting at the town hall on Thursday, December 3, at 7 PM. Bring your own coffee, the "
                                + "machine is still broken.",
                        "Also, we spotted a harbor seal on the breakwater again this afternoon 🦭"), a.paragraphs(), "paragraphs"),
                () -> assertNotQuoted(a, "Posted by", "Walt Brenner", "9:47 PM", "3 comments", "Labels:", "Share to", "Email This",
                        "Anonymous said", "The 7:10 was the only boat", "terrier has more seniority", "Newer Post", "Older Post",
                        "Subscribe to", "Harbor Town Notes", "Wednesday, November 25, 2026", "Retired harbormaster", "Blog Archive",
                        "Powered by"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void openGraphOnlyWithTheImageRelativeToABaseHref() throws Exception {
        SourceArticle a = read(OPEN_GRAPH);
        assertAll("Open Graph only",
                () -> assertEquals("Market hall roof to be replaced after storm damage", a.headline().value(), "headline"),
                () -> assertEquals("The copper roof of the old market hall on Quay Street will be replaced next spring; traders keep their "
                        + "stalls during the work.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 20), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-20T07:00:00+01:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Lena Vogt"), a.authors().value(), "authors"),
                () -> assertEquals("Riverside Courier", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.riverside-courier.example" + OPEN_GRAPH, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://cdn.example.org/news/images/2026/11/market-hall-roof.jpg", image(a).url(), "image url, from <base href>"),
                () -> assertEquals("Scaffolding around the roof of the old market hall", image(a).alt(), "image alt"),
                () -> assertNull(image(a).caption(), "image caption: the page gives none"),
                () -> assertNull(image(a).credit(), "image credit: the page gives none"),
                () -> assertEquals(List.of(
                        "The copper roof of the old market hall on Quay Street will be replaced next spring after inspectors found that "
                                + "last month's storm had torn loose more than a third of its panels, the town council said on Thursday.",
                        "Traders will keep their stalls during the work, which is expected to take about ten weeks, but the hall will "
                                + "close on two Sundays in March while cranes lift the new panels into place.",
                        "The council estimates the cost at €1.4 million, most of it covered by insurance.",
                        "“It's the roof our grandparents traded under,” said Ilse Marten, who has sold cheese in the hall for 26 years. "
                                + "“We can put up with a few weeks of scaffolding.”"), a.paragraphs(), "paragraphs"),
                () -> assertNotQuoted(a, "By Lena Vogt", "Read more", "Council approves new parking rules", "4 Bridge Lane", "letters@"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void jsonLdGraphWithTheImageAndTheAuthorReferencedById() throws Exception {
        SourceArticle a = read(JSON_LD_GRAPH);
        assertAll("JSON-LD @graph",
                () -> assertEquals("Volunteers plant 3,000 trees along Millbrook Creek", a.headline().value(), "headline"),
                () -> assertEquals("More than 200 volunteers spent Saturday planting native trees along a stretch of creek that flooded "
                        + "twice last year.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 19), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-19T16:20:05Z"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Okonkwo Adeyemi"), a.authors().value(), "authors: the Person the article refers to by @id"),
                () -> assertEquals("Lakeshore Ledger", a.siteName().value(), "siteName"),
                () -> assertEquals("https://lakeshoreledger.example" + JSON_LD_GRAPH, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://lakeshoreledger.example/wp-content/uploads/2026/11/millbrook-planting.jpg", image(a).url(), "image url"),
                () -> assertEquals("Volunteers sort seedlings before planting along Millbrook Creek on Saturday.", image(a).caption(),
                        "image caption"),
                () -> assertEquals("Dana Whitfield/Lakeshore Ledger", image(a).credit(), "image credit"),
                () -> assertEquals("More than 200 volunteers spent Saturday morning planting native trees along a mile-long stretch of "
                        + "Millbrook Creek that flooded twice last year, in the largest planting the county's conservation district has "
                        + "organized.", first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("The district plans a second planting in April and is looking for volunteers to water the seedlings "
                        + "through the summer. Sign-ups open on its website next month.", last(a.paragraphs()), "last paragraph"),
                () -> assertEquals(5, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "Share this", "Facebook", "Related", "County study maps flood risk", "rain garden",
                        "Okonkwo Adeyemi", "November 19, 2026"),
                () -> assertHeadings(a, "Why the creek", "What comes next"),
                () -> assertNotInText(a, "Share this", "Related"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void levantNewsSiteWithAnArabicReadAlsoPromoAndALazyImage() throws Exception {
        SourceArticle a = read(LEVANT);
        assertAll("Levant news site",
                () -> assertEquals("مرفأ طرابلس يستقبل أول سفينة حاويات بعد توسعة الرصيف الشمالي", a.headline().value(), "headline"),
                () -> assertEquals("رست أول سفينة حاويات كبيرة على الرصيف الشمالي لمرفأ طرابلس بعد عامين من أعمال التوسعة، وسط آمال "
                        + "بتخفيف الضغط عن مرفأ بيروت.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 22), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-22T10:30:00+02:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("ريم الحلبي"), a.authors().value(), "authors, without \"كتبت:\""),
                () -> assertEquals("صدى المشرق", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.sada-almashriq.example" + LEVANT, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals(site.url("/uploads/2026/11/tripoli-port-ship.jpg"), image(a).url(), "image url: data-src, not the placeholder"),
                () -> assertLoadable(a),
                () -> assertEquals("سفينة الحاويات خلال رسوّها على الرصيف الشمالي لمرفأ طرابلس", image(a).caption(), "image caption"),
                () -> assertEquals("رويترز", image(a).credit(), "image credit"),
                () -> assertEquals("سفينة حاويات في مرفأ طرابلس", image(a).alt(), "image alt"),
                () -> assertEquals("استقبل مرفأ طرابلس صباح السبت أول سفينة حاويات كبيرة ترسو على الرصيف الشمالي بعد انتهاء أعمال توسعته "
                        + "التي استمرت نحو عامين، بحسب إدارة المرفأ.", first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("وتعمل إدارة المرفأ على تشغيل رافعتين جديدتين مطلع العام المقبل، ما سيضاعف قدرة الرصيف على مناولة الحاويات.",
                        last(a.paragraphs()), "last paragraph"),
                () -> assertEquals(5, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "اقرأ أيضاً", "رسوم جديدة على الترانزيت", "كتبت", "(رويترز)", "سفينة الحاويات خلال رسوّها",
                        "الكلمات المفتاحية", "إعلان", "أخبار ذات صلة", "مرفأ بيروت يسجل", "الأكثر قراءة", "فيسبوك"),
                () -> assertHeadings(a, "ضغط على الطرقات"),
                () -> assertNotInText(a, "أخبار ذات صلة", "مرفأ بيروت يسجل", "الأكثر قراءة"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void frenchPageInWindows1252SaidByTheHeaderOrOnlyByTheMarkup() throws Exception {
        SourceArticle byHeader = read(FRENCH_HEADER);
        SourceArticle byMeta = read(FRENCH_META);
        assertAll("French windows-1252",
                () -> assertFrench(byHeader, "charset in the Content-Type header"),
                () -> assertFrench(byMeta, "charset only in <meta http-equiv>"));
    }

    private static void assertFrench(SourceArticle a, String variant) {
        assertAll(variant,
                () -> assertEquals("À Roubaix, l’ancienne filature devient un musée du textile « vivant »", a.headline().value(), "headline"),
                () -> assertEquals("Fermée en 2004, la filature Delannoy rouvre samedi : les métiers à tisser y tourneront de nouveau, "
                        + "sous l’œil d’anciens ouvriers devenus guides.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 19), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-19T06:30:00+01:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Hélène Ferrière"), a.authors().value(), "authors, without \"Par\""),
                () -> assertEquals("Le Courrier du Nord", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.courrier-du-nord.example" + FRENCH_HEADER, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://www.courrier-du-nord.example/photos/2026/11/19/filature-roubaix-1200.jpg", image(a).url(), "image url"),
                () -> assertEquals("Un ancien ouvrier remet en marche un métier à tisser de la filature, à Roubaix, le 17 novembre 2026.",
                        image(a).caption(), "image caption"),
                () -> assertEquals("AFP", image(a).credit(), "image credit, without \"Photo :\""),
                () -> assertEquals(List.of(
                        "Il a fallu vingt ans, trois projets abandonnés et 11,5 millions d’euros pour que la filature Delannoy, fermée en "
                                + "2004, retrouve un peu de son bruit. Samedi, les premiers visiteurs du musée entendront tourner quatre "
                                + "métiers à tisser restaurés, dans la grande salle où travaillaient encore 300 ouvriers à la fin des années 1990.",
                        "« On ne voulait pas d’un musée où l’on regarde des machines derrière une vitre », explique Martine Lefebvre, qui "
                                + "dirige le projet. « Ici, le cœur de la visite, c’est le geste. »",
                        "Une dizaine d’anciens salariés de l’usine ont été formés pour guider les visiteurs. Parmi eux, Jean-Marc Dufour, "
                                + "68 ans, entré à la filature à seize ans comme apprenti : « Je connais chaque bruit de ces machines. "
                                + "Quand l’une d’elles tousse, je sais laquelle… »",
                        "Le billet d’entrée coûtera 8 €, et la visite sera gratuite pour les moins de 18 ans. La ville espère attirer "
                                + "40 000 visiteurs par an, dont une part venue de la Belgique voisine."), a.paragraphs(), "paragraphs"),
                () -> assertNotQuoted(a, "Lire aussi", "Tourcoing", "Par Hélène", "Publié le", "Mis à jour", "Photo : AFP",
                        "Un ancien ouvrier remet", "Partager", "Imprimer", "À lire aussi", "Les plus lus", "Publicité",
                        "Fermée en 2004, la filature"),
                () -> assertHeadings(a, "D’anciens ouvriers devenus guides"),
                () -> assertNotInText(a, "À lire aussi", "Les plus lus"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void greekPageInIso88597SaidOnlyByItsMetaCharset() throws Exception {
        SourceArticle a = read(GREEK);
        assertAll("Greek ISO-8859-7",
                () -> assertEquals("Νυχτερινά δρομολόγια στο μετρό της Θεσσαλονίκης από τον Δεκέμβριο", a.headline().value(), "headline"),
                () -> assertEquals("Τις Παρασκευές και τα Σάββατα οι συρμοί θα κυκλοφορούν έως τις 2 τα ξημερώματα, σε πιλοτική φάση "
                        + "έξι μηνών.", a.dek().value(), "dek"),
                () -> assertEquals(LocalDate.of(2026, 11, 20), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-20T12:45:00+02:00"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Ελένη Κωστοπούλου"), a.authors().value(), "authors"),
                () -> assertEquals("Βόρεια Νέα", a.siteName().value(), "siteName"),
                () -> assertEquals("https://www.voreia-nea.example" + GREEK, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertEquals("https://www.voreia-nea.example/images/2026/11/metro-agia-sofia-1200x675.jpg", image(a).url(), "image url"),
                () -> assertEquals("Συρμός του μετρό στον σταθμό Αγίας Σοφίας.", image(a).caption(), "image caption"),
                () -> assertEquals("EUROKINISSI/ ΣΤΕΛΙΟΣ ΜΑΥΡΙΔΗΣ", image(a).credit(), "image credit"),
                () -> assertEquals(List.of(
                        "Νυχτερινά δρομολόγια θα εκτελεί το μετρό της Θεσσαλονίκης από την Παρασκευή 4 Δεκεμβρίου, καθώς οι συρμοί θα "
                                + "κυκλοφορούν τις Παρασκευές και τα Σάββατα έως τις 2 τα ξημερώματα.",
                        "Σύμφωνα με την εταιρεία λειτουργίας, η πιλοτική εφαρμογή θα διαρκέσει έξι μήνες και τα δρομολόγια μετά τα "
                                + "μεσάνυχτα θα πραγματοποιούνται κάθε 15 λεπτά.",
                        "«Επιτέλους θα μπορούμε να γυρίζουμε από το κέντρο χωρίς ταξί», δήλωσε η Μαρία, φοιτήτρια που μένει στην Καλαμαριά.",
                        "Το κόστος του εισιτηρίου παραμένει αμετάβλητο, ενώ η εταιρεία θα αξιολογήσει την επιβατική κίνηση πριν "
                                + "αποφασίσει αν το μέτρο θα γίνει μόνιμο."), a.paragraphs(), "paragraphs"),
                () -> assertNotQuoted(a, "Διαβάστε επίσης", "Νέα γραμμή λεωφορείων", "EUROKINISSI", "Μοιραστείτε", "Tags",
                        "Σχετικά άρθρα", "Κλειστός ο σταθμός", "Τις Παρασκευές και τα Σάββατα οι συρμοί", "20.11.2026"),
                () -> assertHeadings(a, "Τι λένε οι επιβάτες"),
                () -> assertNotInText(a, "Σχετικά άρθρα", "Κλειστός ο σταθμός"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    @Test
    void aBlogWhoseRobotsTxtDisallowsEverythingIsStillReadForTheEditorWhoAskedForIt() throws Exception {
        SourcePage robots = fetcher.fetch(URI.create(site.url("/robots.txt")), Expect.TEXT, null, null);
        assertTrue(new String(robots.body(), StandardCharsets.UTF_8).contains("Disallow: /"), "the site disallows every path");
        SourceArticle a = read(ROBOTS_BLOG);
        assertAll("blog disallowed by robots.txt",
                () -> assertEquals("Three days on the coast path, in the rain", a.headline().value(), "headline"),
                () -> assertFalse(a.dek().present(), "dek: the page has none, got " + a.dek().value()),
                () -> assertEquals(LocalDate.of(2026, 11, 18), a.publishedOn().value(), "publishedOn"),
                () -> assertEquals(OffsetDateTime.parse("2026-11-18T08:05:33Z"), a.publishedAt().value(), "publishedAt"),
                () -> assertEquals(List.of("Marta Olsen"), a.authors().value(), "authors"),
                () -> assertEquals("Notes from the Trail", a.siteName().value(), "siteName"),
                () -> assertEquals("https://notesfromthetrail.example" + ROBOTS_BLOG, a.canonicalUrl().value(), "canonicalUrl"),
                () -> assertNull(a.image(), "image: the post has no picture"),
                () -> assertEquals("I had planned this walk for two years, and the forecast for all three days was rain. I went anyway.",
                        first(a.paragraphs()), "first paragraph"),
                () -> assertEquals("The sun came out for twenty minutes on the final climb, long enough to see the whole bay, and then it "
                        + "went back in. Day three ended, as every day had, with wet socks 🧦", last(a.paragraphs()), "last paragraph"),
                () -> assertEquals(4, a.paragraphs().size(), "paragraphs: " + a.paragraphs()),
                () -> assertNotQuoted(a, "Posted on", "Marta Olsen", "November 18, 2026", "Categories", "Replies to", "Geoff",
                        "I did the long beach in August", "Leave a Reply", "Your email address", "Previous Post", "Recent Posts",
                        "Proudly powered", "Skip to content", "Walking, mostly in bad weather"),
                () -> assertHeadings(a, "Day one: the harbour to the lighthouse", "Day two: the long beach", "Day three: the last hill"),
                () -> assertNotInText(a, "Replies to", "Leave a Reply", "Recent Posts"),
                () -> assertFalse(a.paywalled(), "paywalled"));
    }

    /**
     * Of the pages that print a credit for their lead picture (ten of the thirteen shapes: the blogs have no picture,
     * the Open Graph page's picture comes with no credit at all), how many import credits: the target is all of them.
     */
    @Test
    void everyOfferedPictureThatPrintsACreditIsCredited() throws Exception {
        Map<String, String> credits = new LinkedHashMap<>();
        credits.put(REUTERS, "REUTERS/Samer Qudah");
        credits.put(AP, "AP Photo/Rosa Delgado");
        credits.put(TIMES_OF_ISRAEL, "AFP");
        credits.put(BBC, "Getty Images");
        credits.put(ARABIC_AMP, "الجزيرة");
        credits.put(HAARETZ, "עמית ברק");
        credits.put(JSON_LD_GRAPH, "Dana Whitfield/Lakeshore Ledger");
        credits.put(LEVANT, "رويترز");
        credits.put(FRENCH_HEADER, "AFP");
        credits.put(GREEK, "EUROKINISSI/ ΣΤΕΛΙΟΣ ΜΑΥΡΙΔΗΣ");
        List<String> uncredited = new ArrayList<>();
        for (Map.Entry<String, String> page : credits.entrySet()) {
            Image image = read(page.getKey()).image();
            String credit = image == null ? null : image.credit();
            if (!page.getValue().equals(credit)) {
                uncredited.add(page.getKey() + ": expected \"" + page.getValue() + "\", got "
                        + (image == null ? "no picture" : credit == null ? "no credit" : "\"" + credit + "\""));
            }
        }
        assertEquals(List.of(), uncredited, (credits.size() - uncredited.size()) + " of " + credits.size() + " offered pictures credited");
    }
}
