/**
 * Comments in the web tier: the reader's Leave a Reply and Report forms with their cookies (held comments,
 * remembered details) and what an error page gives back of a form that could not be sent, and the
 * moderation desk's pages (queues, edit, reply and ban, settings).
 */
package org.newsdesk.comment.web;
