/**
 * Photos: the media library's service, how an upload is checked by its bytes, turned upright, cleaned of
 * private metadata and resized into thumbnail, medium and large variants, where the files live on disk,
 * and the servlet that serves them.
 */
package org.newsdesk.media;
