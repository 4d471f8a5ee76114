package org.newsdesk.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * A source article read for the compose page, with the outlet it belongs to: one of the registry's, found by
 * the page's domain, or else a new one proposed from the page's site name and domain.
 */
public record ArticleImport(SourceArticle article, Long outletId, String outletName, String proposedOutletName,
                            String proposedOutletDomain, Integer outletWordLimit, Duration took) implements Serializable {
}
