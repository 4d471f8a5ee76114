package org.newsdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.media.TestImages;
import org.newsdesk.source.SourceFetcher.Expect;

/** The picture of an imported article credited from its own file when the page names no one, against a real HTTP server. */
class SourceImportsTest {

    private static final byte[] PLAIN = TestImages.write(TestImages.quadrants(40, 30), "jpeg");

    private static SourceSite site;
    private static SourceFetcher fetcher;

    @BeforeAll
    static void start() {
        site = SourceSite.start();
        fetcher = new SourceFetcher(new SourceFetcher.Limits(Duration.ofSeconds(2), 1024 * 1024, 3, AllowedHosts.parse("127.0.0.1:" + site.port())),
                "Newsdesk/1 (+https://news.example.com/)");
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        site.close();
    }

    /** The Open Graph page, whose picture it does not credit, with its picture at {@code path}. */
    private static SourceArticle uncredited(String path) throws SourceRefusedException {
        SourceArticle article = SourceReader.article(fetcher, URI.create(site.url("/og")));
        assertNull(article.image().credit(), "the page names no one");
        SourceArticle.Image image = article.image();
        return article.withImage(new SourceArticle.Image(site.url(path), image.caption(), null, null, image.alt(), image.where()));
    }

    private static SourceArticle creditFromFile(SourceArticle article) {
        return SourceImports.creditFromFile(article, picture -> fetcher.fetch(picture, Expect.IMAGE, null, null));
    }

    private static void putPicture(String path, byte[] picture) {
        site.put(path, new SourceSite.Page(200, "image/jpeg", picture, null, null, 0));
    }

    @Test
    void aPictureThePageDoesNotCreditIsCreditedFromItsFile() throws Exception {
        putPicture("/pictures/iptc.jpg", TestImages.withCredits(PLAIN,
                new TestImages.CreditFields("Reuters", "Thaier al-Sudani", null, null, "Camera Owner", null)));
        SourceArticle.Image image = creditFromFile(uncredited("/pictures/iptc.jpg")).image();
        assertEquals("Reuters", image.credit());
        assertEquals("the picture's IPTC Credit", image.creditWhere());
        assertEquals("Negotiators arrive at a hotel in Paris", image.alt(), "the rest of the picture as it was");

        putPicture("/pictures/exif.jpg", TestImages.withCredits(PLAIN,
                new TestImages.CreditFields(null, null, null, null, "Unknown", "© 2024 Hadi Mizban")));
        SourceArticle.Image fromExif = creditFromFile(uncredited("/pictures/exif.jpg")).image();
        assertEquals("© 2024 Hadi Mizban", fromExif.credit(), "a camera's placeholder Artist is passed over");
        assertEquals("the picture's EXIF Copyright", fromExif.creditWhere());
    }

    @Test
    void aCreditThePageGivesIsKeptAndThePictureIsNotFetched() throws Exception {
        putPicture("/photo.jpg", TestImages.withCredits(PLAIN, new TestImages.CreditFields("Reuters", null, null, null, null, null)));
        SourceArticle article = SourceReader.article(fetcher, URI.create(site.url("/jsonld")));
        long before = site.hits().stream().filter(h -> h.path().equals("/photo.jpg")).count();
        assertSame(article, creditFromFile(article));
        assertEquals(before, site.hits().stream().filter(h -> h.path().equals("/photo.jpg")).count(), "no extra fetch");
        assertEquals("AP Photo/Hadi Mizban", article.image().credit());
    }

    @Test
    void aPictureThatCannotBeReadOrNamesNoOneStaysUncredited() throws Exception {
        SourceArticle missing = uncredited("/pictures/gone.jpg");
        assertSame(missing, creditFromFile(missing), "a 404");

        site.put("/pictures/page.jpg", SourceSite.Page.html("<p>Not a picture</p>"));
        SourceArticle refused = uncredited("/pictures/page.jpg");
        assertSame(refused, creditFromFile(refused), "the fetcher refuses a page where a picture was expected");

        putPicture("/pictures/plain.jpg", PLAIN);
        assertNull(creditFromFile(uncredited("/pictures/plain.jpg")).image().credit(), "a picture that names no one");

        putPicture("/pictures/broken.jpg", "\u00ff\u00d8\u00ff\u00e1 broken".getBytes(StandardCharsets.ISO_8859_1));
        assertNull(creditFromFile(uncredited("/pictures/broken.jpg")).image().credit(), "a damaged picture");
    }

    @Test
    void theLibraryGetsTheFilesCreditOnlyWhenThePageGaveNone() {
        byte[] picture = TestImages.withCredits(PLAIN, new TestImages.CreditFields(null, null, "AFP", "Mahmud Hams", null, null));
        SourceArticle.Image uncredited = new SourceArticle.Image("https://example.com/p.jpg", "Gaza City", null, null, null, "og:image");
        assertEquals(uncredited.withCredit("AFP", "the picture's XMP photoshop:Credit"), SourceImports.creditFromFile(uncredited, picture));
        SourceArticle.Image credited = uncredited.withCredit("Mahmud Hams/AFP via Getty Images", "the caption's \"…/AFP via Getty Images\"");
        assertSame(credited, SourceImports.creditFromFile(credited, picture));
    }
}
