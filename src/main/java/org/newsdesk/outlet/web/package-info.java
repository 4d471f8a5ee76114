/** Backing bean of the outlet registry pages. */
package org.newsdesk.outlet.web;
