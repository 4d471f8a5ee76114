package org.newsdesk.post;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.newsdesk.platform.HtmlText;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.source.ArticleImport;
import org.newsdesk.source.SourceArticle;

/**
 * What an imported source article puts on a draft, for the compose page's import card and the inbox's "Quote
 * this": the excerpt it fills, its fields (only the empty ones), and what the page says of its picture.
 *
 * <pre>
 * ExcerptDraft excerpt = ExcerptImport.target(draft);
 * List&lt;String&gt; kept = ExcerptImport.fill(draft, excerpt, imports.read(address));
 * </pre>
 */
public final class ExcerptImport {

    private ExcerptImport() {
    }

    /** The first excerpt nobody has typed into yet (a new post starts with one), or a new one at the end. */
    public static ExcerptDraft target(PostDraft draft) {
        for (ExcerptDraft excerpt : draft.getExcerpts()) {
            if (untouched(excerpt)) {
                return excerpt;
            }
        }
        return draft.addExcerpt();
    }

    private static boolean untouched(ExcerptDraft e) {
        return e.getOutletId() == null && blank(e.getNewOutletName()) && blank(e.getArticleUrl()) && e.getOriginalPublishedOn() == null
                && blank(e.getDek()) && blank(e.getBodyText()) && e.getPhotoId() == null && blank(e.getCaption()) && blank(e.getCreditLine())
                && e.getRelated().stream().allMatch(link -> blank(link.getTitle()) && blank(link.getUrl()));
    }

    /** Fills the excerpt's empty fields (and the post's headline, when it has none); returns the fields left as typed. */
    public static List<String> fill(PostDraft draft, ExcerptDraft excerpt, ArticleImport result) {
        SourceArticle article = result.article();
        List<String> kept = new ArrayList<>();
        if (blank(draft.getHeadline()) && article.headline().present()) {
            draft.setHeadline(article.headline().value());
        }
        if (excerpt.getOutletId() == null && blank(excerpt.getNewOutletName())) {
            if (result.outletId() != null) {
                excerpt.setOutletId(result.outletId());
            } else {
                excerpt.setNewOutletName(result.proposedOutletName());
                excerpt.setNewOutletDomain(result.proposedOutletDomain());
            }
        } else {
            kept.add("outlet");
        }
        if (blank(excerpt.getArticleUrl())) {
            excerpt.setArticleUrl(article.canonicalUrl().value());
        } else {
            kept.add("address");
        }
        if (excerpt.getOriginalPublishedOn() == null) {
            excerpt.setOriginalPublishedOn(article.publishedOn().value());
        } else if (article.publishedOn().present()) {
            kept.add("date");
        }
        if (blank(excerpt.getSourceAuthors()) && article.authors().present()) {
            excerpt.setSourceAuthors(TextLimit.shorten(String.join(", ", article.authors().value()), 300));
        } else if (article.authors().present()) {
            kept.add("authors");
        }
        if (blank(excerpt.getDek())) {
            excerpt.setDek(article.dek().value());
        } else if (article.dek().present()) {
            kept.add("dek");
        }
        List<String> lead = result.proposal();
        if (excerpt.getSourceWordCount() == null && article.wordCount() > 0) {
            excerpt.setSourceWordCount(article.wordCount());
        }
        if (blank(excerpt.getBodyText())) {
            excerpt.setBodyText(lead.isEmpty() ? null : lead.stream().map(HtmlText::escape).collect(Collectors.joining("\n\n")));
        } else if (!lead.isEmpty()) {
            kept.add("text");
        }
        return kept;
    }

    /** Puts a library photo on the excerpt, with the photo's usual credit and caption where the excerpt has none. */
    public static void usePhoto(ExcerptDraft excerpt, org.newsdesk.media.Photo photo) {
        excerpt.setPhotoId(photo.getId());
        // Prefilled from the library; the alt text describes this photo, so another photo's does not carry over.
        excerpt.setPhotoAlt(photo.getAltText());
        if (blank(excerpt.getCreditLine()) && photo.getDefaultCredit() != null) {
            excerpt.setCreditLine(photo.getDefaultCredit());
        }
        if (blank(excerpt.getCaption()) && photo.getDefaultCaption() != null) {
            excerpt.setCaption(photo.getDefaultCaption());
        }
    }

    /** What the page says of the picture (caption, credit, alt text), where the excerpt has nothing yet. */
    public static void describePhoto(ExcerptDraft excerpt, SourceArticle.Image image) {
        if (image == null) {
            return;
        }
        if (blank(excerpt.getCaption()) && image.caption() != null) {
            excerpt.setCaption(image.caption());
        }
        if (blank(excerpt.getCreditLine()) && image.credit() != null) {
            excerpt.setCreditLine(image.credit());
        }
        if (blank(excerpt.getPhotoAlt()) && image.alt() != null) {
            excerpt.setPhotoAlt(image.alt());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
