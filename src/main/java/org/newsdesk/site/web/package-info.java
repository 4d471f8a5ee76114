/** Backing beans of the public pages: the front page and the post page. */
package org.newsdesk.site.web;
