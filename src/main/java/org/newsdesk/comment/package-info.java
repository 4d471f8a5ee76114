/**
 * Reader comments: threaded replies under a post, the signed form token that protects the comment form,
 * and the services that take comments in and moderate them.
 */
package org.newsdesk.comment;
