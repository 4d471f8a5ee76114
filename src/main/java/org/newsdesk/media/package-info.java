/** Photos: what was uploaded, where the bytes live on disk, and the servlet that serves them. */
package org.newsdesk.media;
