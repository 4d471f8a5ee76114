package org.newsdesk.drift;

/** What changed at a source since Newsdesk last read it. */
public enum DriftKind {
    GONE("Gone"),
    MOVED("Moved"),
    HEADLINE("Headline changed"),
    CORRECTION("Correction or update"),
    PAYWALL("Now behind a paywall");

    private final String label;

    DriftKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
