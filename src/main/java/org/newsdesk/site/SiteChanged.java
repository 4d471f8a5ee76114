package org.newsdesk.site;

/**
 * Fired when something every public page shows changed on the desk: the site's name, tagline, language or
 * logo, the section menu, or a section's or tag's name or description. {@link PageInvalidation} drops every
 * public page once the change has committed.
 */
public record SiteChanged(String what) {
}
