/** Backing beans of the desk's post pages: the list, the compose page, the preview and the history. */
package org.newsdesk.post.web;
