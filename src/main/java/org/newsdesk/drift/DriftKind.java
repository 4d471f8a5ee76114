package org.newsdesk.drift;

/** What changed at a source since Newsdesk last read it (named on the desk by the words {@code drift.GONE} ...). */
public enum DriftKind {
    GONE,
    MOVED,
    HEADLINE,
    CORRECTION,
    PAYWALL
}
