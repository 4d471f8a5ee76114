package org.newsdesk.outlet;

/** Fired after an outlet's name, domain or credit style changed: every page quoting it shows them. */
public record OutletChanged(long outletId) {
}
