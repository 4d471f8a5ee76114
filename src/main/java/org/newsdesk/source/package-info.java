/**
 * Reading other outlets' articles: fetching a source page safely (no internal addresses, bounded in time,
 * size and redirects) and reading what it says about itself (headline, dek, dates, image, paragraphs), and
 * who took its picture: from the page, the caption or the picture's own file.
 */
package org.newsdesk.source;
