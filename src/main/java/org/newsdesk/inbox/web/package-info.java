/** The desk's inbox and feeds pages. */
package org.newsdesk.inbox.web;
