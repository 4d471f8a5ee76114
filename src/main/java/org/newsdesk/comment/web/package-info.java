/**
 * Comments in the web tier: the reader's Leave a Reply and Report forms with their cookies (held comments,
 * remembered details), and the moderation desk's pages (queues, edit and reply, settings).
 */
package org.newsdesk.comment.web;
