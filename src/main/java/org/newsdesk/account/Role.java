package org.newsdesk.account;

/** What a member of staff may do. Role names double as Jakarta Security group and role names. */
public enum Role {
    /** Drafts posts and submits them for review. */
    WRITER,
    /** Also publishes, schedules, rejects and unpublishes anyone's posts. */
    EDITOR,
    /** Approves, rejects and marks reader comments as spam. */
    MODERATOR,
    /** Manages users and site settings. */
    ADMIN;

    public static final String WRITER_NAME = "WRITER";
    public static final String EDITOR_NAME = "EDITOR";
    public static final String MODERATOR_NAME = "MODERATOR";
    public static final String ADMIN_NAME = "ADMIN";
}
