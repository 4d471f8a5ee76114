/**
 * The source-drift monitor: re-reads the articles recent posts quote, politely, and records what changed
 * (gone, moved, headline, correction, paywall) for editors to handle.
 */
package org.newsdesk.drift;
