/**
 * Newsdesk: a server-rendered CMS for news aggregation outlets. Each subpackage is one feature of the
 * newsroom (posts, outlets, comments, media, accounts, the public site) with its own thin layers inside.
 */
package org.newsdesk;
