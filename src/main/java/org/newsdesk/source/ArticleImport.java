package org.newsdesk.source;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.newsdesk.outlet.PhotoPolicy;

/**
 * A source article read for the compose page, with the outlet it belongs to: one of the registry's, found by
 * the page's domain (with the policies that bound what may be quoted), or else a new one proposed from the
 * page's site name and domain. {@code outletWhere} says which ("the registry, by domain", "new, from og:site_name").
 */
public record ArticleImport(SourceArticle article, Long outletId, String outletName, String proposedOutletName,
                            String proposedOutletDomain, Integer outletWordLimit, Integer outletQuotePercent,
                            PhotoPolicy photoPolicy, String outletWhere, Duration took) implements Serializable {

    /** The proposed excerpt's length when the outlet sets no limit: a few paragraphs, as excerpts run. */
    public static final int DEFAULT_WORDS = 120;

    /** How many words the proposed excerpt may have: the outlet's word limit and its share of this article, whichever is less. */
    public int wordBudget() {
        int budget = outletWordLimit == null ? DEFAULT_WORDS : outletWordLimit;
        if (outletQuotePercent != null && article.wordCount() > 0) {
            budget = Math.min(budget, article.wordCount() * outletQuotePercent / 100);
        }
        return Math.max(1, budget);
    }

    /** The paragraphs proposed as the excerpt: the article's first whole paragraphs within {@link #wordBudget()}. */
    public List<String> proposal() {
        return article.leadParagraphs(wordBudget());
    }

    /** The proposal's length in words, for the editor to see. */
    public int proposalWords() {
        return proposal().stream().mapToInt(ArticleReader::words).sum();
    }
}
