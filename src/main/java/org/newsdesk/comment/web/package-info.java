/** The reader's side of comments in the web tier: the Leave a Reply form and the held-comments cookie. */
package org.newsdesk.comment.web;
