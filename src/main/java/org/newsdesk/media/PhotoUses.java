package org.newsdesk.media;

import java.util.List;

/**
 * Where photos are shown, as the library needs to know it: the posts are a feature above media, so media
 * asks through this and the posts answer (the post package's {@code ExcerptPhotos}), rather than media
 * querying the posts' tables itself.
 */
public interface PhotoUses {

    /** The posts whose excerpts show the photo. */
    List<PhotoUse> uses(long photoId);

    /** Whether a published post shows the photo, so that readers may get its sizes. */
    boolean shownToReaders(long photoId);

    /** Takes the photo out of the excerpts of posts readers do not see; how many excerpts lost it. */
    int removeFromUnpublished(long photoId);
}
