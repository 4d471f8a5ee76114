package org.newsdesk.inbox;

import java.util.List;

/** A feed as read: its format, title, site, WebSub hub and language (each may be null), and its articles. */
public record FeedDocument(FeedFormat format, String title, String siteUrl, String hubUrl, String selfUrl, String language,
                           List<FeedEntry> entries) {
}
