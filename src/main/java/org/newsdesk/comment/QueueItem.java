package org.newsdesk.comment;

import java.time.Instant;
import java.util.List;

/**
 * One comment as the moderation desk shows it: with its post, the comment it answers, what is known of
 * its author and why it is where it is. Built inside the moderation service, so the desk never touches
 * a lazy association.
 */
public final class QueueItem {

    private final Comment comment;
    private final String postHeadline;
    private final String postUrl;
    private final String parentAuthor;
    private final String parentText;
    private final long approvedBefore;
    private final List<CommentReport> reports;

    QueueItem(Comment comment, String postUrl, long approvedBefore, List<CommentReport> reports) {
        this.comment = comment;
        this.postHeadline = comment.getPost().getHeadline();
        this.postUrl = postUrl;
        Comment parent = comment.getParent();
        this.parentAuthor = parent == null ? null : parent.getAuthorName();
        this.parentText = parent == null ? null : shorten(parent.getBody(), 200);
        this.approvedBefore = approvedBefore;
        this.reports = List.copyOf(reports);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    public long getId() {
        return comment.getId();
    }

    public String getPostHeadline() {
        return postHeadline;
    }

    public String getPostUrl() {
        return postUrl;
    }

    public String getParentAuthor() {
        return parentAuthor;
    }

    public String getParentText() {
        return parentText;
    }

    public String getAuthorName() {
        return comment.getAuthorName();
    }

    public String getAuthorEmail() {
        return comment.getAuthorEmail();
    }

    public String getAuthorWebsite() {
        return comment.getAuthorWebsite();
    }

    /** Enough of the address hash to tell authors apart by eye. */
    public String getAddressHash() {
        String hash = comment.getIpHash();
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }

    public String getBody() {
        return comment.getBody();
    }

    public String getBodyHtml() {
        return comment.getBodyHtml();
    }

    public Instant getCreatedAt() {
        return comment.getCreatedAt();
    }

    public CommentStatus getStatus() {
        return comment.getStatus();
    }

    public String getHeldByRule() {
        return comment.getHeldByRule();
    }

    public String getHeldReason() {
        return comment.getHeldReason();
    }

    /** Approved comments from the same email address (this one included, once approved). */
    public long getApprovedBefore() {
        return approvedBefore;
    }

    public int getReportsOpen() {
        return comment.getReportsOpen();
    }

    public boolean isHiddenByReports() {
        return comment.isHiddenByReports();
    }

    public boolean isStaff() {
        return comment.isStaff();
    }

    public boolean isRestorable() {
        return comment.getStatus() == CommentStatus.SPAM || comment.getStatus() == CommentStatus.TRASH;
    }

    public List<CommentReport> getReports() {
        return reports;
    }
}
