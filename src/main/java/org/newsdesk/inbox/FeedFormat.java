package org.newsdesk.inbox;

/** The kinds of feed Newsdesk reads. */
public enum FeedFormat {
    RSS("RSS"), ATOM("Atom"), JSON_FEED("JSON Feed"), NEWS_SITEMAP("Google News sitemap");

    private final String label;

    FeedFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
