package org.newsdesk.source;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a source page says about the article it carries, each value with where in the page it was found
 * ({@code "JSON-LD headline"}, {@code "og:title"}), so the editor can judge it. Any value may be missing.
 *
 * @param address        where the page was read (after redirects)
 * @param publishedAt    the moment of publication with the source's own offset, when the page gives a time and zone
 * @param authors        the article's authors, as the page names them
 * @param paragraphs     the article's paragraphs as plain text, in order: what an excerpt may quote (no subheadings,
 *                       no notices, not the dek again)
 * @param text           the article's whole text as read, subheadings included, one block an entry
 * @param wordCount      the words of the whole article, for the share of it an excerpt quotes
 * @param correction     a correction or update notice the page carries, if any
 * @param paywalled      whether the page says it is not free to read
 */
public record SourceArticle(String address, Found<String> headline, Found<String> dek, Found<LocalDate> publishedOn,
                            Found<OffsetDateTime> publishedAt, Found<String> canonicalUrl, Found<String> siteName,
                            Found<List<String>> authors, Image image, List<String> paragraphs, List<String> text,
                            int wordCount, Found<String> correction, boolean paywalled) implements Serializable {

    /** A value and where it came from; {@code value} null when the page does not give it. */
    public record Found<T>(T value, String where) implements Serializable {

        public static <T> Found<T> none() {
            return new Found<>(null, null);
        }

        public boolean present() {
            return value != null;
        }
    }

    /**
     * The article's lead image: its address, and its caption, credit and description where the page gives them;
     * {@code where} says where the address was found, {@code creditWhere} where the credit was.
     */
    public record Image(String url, String caption, String credit, String creditWhere, String alt, String where)
            implements Serializable {

        /** The same picture with its credit, found at {@code creditWhere}. */
        public Image withCredit(String credit, String creditWhere) {
            return new Image(url, caption, credit, creditWhere, alt, where);
        }
    }

    /** The same article with another canonical address (a page's own, refused, replaced by the address read). */
    public SourceArticle withCanonicalUrl(Found<String> canonical) {
        return new SourceArticle(address, headline, dek, publishedOn, publishedAt, canonical, siteName, authors, image,
                paragraphs, text, wordCount, correction, paywalled);
    }

    /** The same article with another lead image (its credit read from the picture's own metadata). */
    public SourceArticle withImage(Image other) {
        return new SourceArticle(address, headline, dek, publishedOn, publishedAt, canonicalUrl, siteName, authors, other,
                paragraphs, text, wordCount, correction, paywalled);
    }

    /**
     * The first paragraphs that fit in {@code maxWords} words, as the excerpt's proposal; when even the first
     * paragraph is longer, its first {@code maxWords} words and an ellipsis.
     */
    public List<String> leadParagraphs(int maxWords) {
        List<String> lead = new java.util.ArrayList<>();
        int words = 0;
        for (String paragraph : paragraphs) {
            int count = ArticleReader.words(paragraph);
            if (words + count > maxWords) {
                if (lead.isEmpty()) {
                    String[] parts = paragraph.strip().split("\\s+");
                    lead.add(String.join(" ", java.util.Arrays.copyOf(parts, Math.min(parts.length, maxWords))) + " …");
                }
                break;
            }
            lead.add(paragraph);
            words += count;
        }
        return lead;
    }
}
