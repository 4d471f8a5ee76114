/** Backing beans for signing in and out, changing one's password, and the administrators' user pages. */
package org.newsdesk.account.web;
