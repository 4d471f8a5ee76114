/** Tools for running Newsdesk on a developer's machine: the embedded database and the local server. */
package org.newsdesk.tools;
