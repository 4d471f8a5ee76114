package org.newsdesk.media;

/** What became of an upload: the photo, and whether the library already had these exact bytes. */
public record Upload(Photo photo, boolean alreadyInLibrary) {
}
