/**
 * Posts and what they quote: a post is a headline over ordered excerpts, each quoting one source article
 * with attribution. The publishing workflow and its repository live here too, and the compose page's helpers:
 * autosave, presence, and other posts quoting the same article or covering the same story.
 */
package org.newsdesk.post;
