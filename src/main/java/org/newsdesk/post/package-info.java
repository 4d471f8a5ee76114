/**
 * Posts and what they quote: a post is a headline over ordered excerpts, each quoting one source article
 * with attribution. The publishing workflow and its repository live here too.
 */
package org.newsdesk.post;
