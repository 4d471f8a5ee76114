package org.newsdesk.platform;

/**
 * Fired once, when the database has first been reached and its schema is up to date: at start-up, or later
 * when the site started while the database was down. Work that needs the database at start-up (the demo
 * content, the publication schedule) observes this instead of running in a {@code @PostConstruct}.
 */
public record DatabaseReady() {
}
