package org.newsdesk.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.media.MediaException;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.media.Upload;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;

/**
 * Import from a URL, for the compose page: reads a source article and finds its outlet; brings its lead image
 * into the photo library with the caption and credit the page gives, or the credit in the picture's own file
 * when the page names no one. Fetches happen outside any transaction, so a slow site holds no database connection.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SourceImports {

    private static final Logger LOG = Logger.getLogger(SourceImports.class.getName());

    @Inject
    private SourceReader reader;

    @EJB
    private OutletService outlets;

    @EJB
    private MediaService media;

    /** Reads the article at the address an editor typed; refuses, saying why, what cannot or must not be read. */
    public ArticleImport read(String typed) throws SourceRefusedException {
        long started = System.nanoTime();
        URI address = SourceFetcher.address(typed);
        // One more fetch when the page names no photographer: the picture itself, for the credit in its file.
        SourceArticle article = creditFromFile(reader.article(address),
                picture -> reader.fetch(picture, SourceFetcher.Expect.IMAGE, null, null));
        String host = Outlet.normalizeDomain(URI.create(article.address()).getHost());
        List<Outlet> registry = outlets.all();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> "Imported " + article.address() + " in " + took.toMillis() + " ms");
        OutletMatch match = OutletMatch.of(registry, host, article.siteName().value());
        Outlet outlet = match.outlet();
        if (outlet != null) {
            return new ArticleImport(article, outlet.getId(), outlet.getName(), null, null, outlet.getMaxExcerptWords(),
                    outlet.getMaxQuotePercent(), outlet.getPhotoPolicy(), match.where(), took);
        }
        String proposed = match.proposedName();
        return new ArticleImport(article, null, null, proposed, OutletMatch.isAddress(host) ? null : host, null, null, null,
                match.where(), took);
    }

    /** Brings an article's lead image into the library (the same picture again gives the photo already there). */
    public Upload importImage(SourceArticle.Image image) throws SourceRefusedException {
        SourcePage page = reader.fetch(SourceFetcher.address(image.url()), SourceFetcher.Expect.IMAGE, null, null);
        if (!page.ok()) {
            throw new SourceRefusedException(SourceReader.refusal(page));
        }
        String path = page.address().getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/") ? "source-image" : path.substring(path.lastIndexOf('/') + 1);
        try {
            Upload upload = media.receive(name, page.body());
            if (!upload.alreadyInLibrary()) {
                Photo photo = upload.photo();
                SourceArticle.Image credited = creditFromFile(image, page.body());
                media.update(photo.getId(), TextLimit.shorten(image.alt(), Photo.MAX_ALT_TEXT),
                        TextLimit.shorten(image.caption(), Photo.MAX_CAPTION), TextLimit.shorten(credited.credit(), Photo.MAX_CREDIT));
            }
            return upload;
        } catch (MediaException e) {
            throw new SourceRefusedException(Phrase.of("source.picture", e.phrase()), e);
        }
    }

    /** Fetches a picture: through {@link SourceReader#fetch} in the application, through a test's own fetcher in tests. */
    @FunctionalInterface
    interface PictureFetch {

        SourcePage fetch(URI picture) throws SourceRefusedException;
    }

    /**
     * The article with its picture credited from the picture's own file (IPTC, XMP, EXIF) when the page named
     * no one. This costs one more fetch, of the picture, within the fetcher's time and size limits (the import
     * takes that much longer; the compose card shows how long). A picture that is refused, does not come in
     * time or names no one simply stays uncredited.
     */
    static SourceArticle creditFromFile(SourceArticle article, PictureFetch fetch) {
        SourceArticle.Image image = article.image();
        if (image == null || !blank(image.credit())) {
            return article;
        }
        try {
            SourcePage page = fetch.fetch(SourceFetcher.address(image.url()));
            if (!page.ok()) {
                LOG.fine(() -> "The picture " + image.url() + " was not read for its credit: " + page.status());
                return article;
            }
            return article.withImage(creditFromFile(image, page.body()));
        } catch (SourceRefusedException e) {
            LOG.fine(() -> "The picture " + image.url() + " was not read for its credit: " + e.getMessage());
            return article;
        }
    }

    /** The picture with the credit its file gives, when the page gave none. */
    static SourceArticle.Image creditFromFile(SourceArticle.Image image, byte[] picture) {
        if (!blank(image.credit())) {
            return image;
        }
        return PictureCredit.fromFile(picture).map(credit -> image.withCredit(credit.credit(), credit.where())).orElse(image);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
