/** The desk's page of source changes. */
package org.newsdesk.drift.web;
