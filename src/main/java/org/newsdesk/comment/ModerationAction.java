package org.newsdesk.comment;

/** What a moderator can do to one comment or to many at once. */
public enum ModerationAction {
    APPROVE("Approved"),
    SPAM("Marked as spam"),
    TRASH("Moved to the trash"),
    RESTORE("Restored");

    private final String done;

    ModerationAction(String done) {
        this.done = done;
    }

    /** How the desk says it was done: "Approved 3 comments." */
    public String getDone() {
        return done;
    }
}
