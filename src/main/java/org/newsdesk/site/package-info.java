/** The public site readers see: the front page and the post page, and what they read from the database. */
package org.newsdesk.site;
