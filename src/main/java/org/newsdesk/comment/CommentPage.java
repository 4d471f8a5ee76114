package org.newsdesk.comment;

import java.util.List;

/**
 * One page of a post's conversation: whole threads (a top-level comment and every reply under it), in
 * thread order, plus the reader's own held comments that belong on it.
 *
 * @param comments what the page shows, in the order it shows them
 * @param page     which page this is, from 1
 * @param pages    how many pages the conversation has (at least 1)
 * @param shown    how many comments readers see under the post, on all pages
 * @param newestFirst whether page 1 holds the newest threads (else the oldest)
 */
public record CommentPage(List<Comment> comments, int page, int pages, long shown, boolean newestFirst) {

    /** The page with the threads before this page's, or 0 if there is none. */
    public int olderPage() {
        int older = newestFirst ? page + 1 : page - 1;
        return older >= 1 && older <= pages ? older : 0;
    }

    /** The page with the threads after this page's, or 0 if there is none. */
    public int newerPage() {
        int newer = newestFirst ? page - 1 : page + 1;
        return newer >= 1 && newer <= pages ? newer : 0;
    }
}
