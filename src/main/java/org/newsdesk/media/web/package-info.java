/** Backing beans for the desk's media library: uploading, finding, describing and deleting photos. */
package org.newsdesk.media.web;
