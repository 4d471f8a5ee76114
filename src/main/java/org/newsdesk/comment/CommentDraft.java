package org.newsdesk.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a reader types into the "Leave a Reply" form. The constraints here are the only statement of
 * what a valid comment is: the form shows them at each field and the comment service enforces them.
 */
public class CommentDraft {

    public static final int MAX_BODY_LENGTH = 10_000;

    @NotBlank(message = "Please give your name.")
    @Size(max = 100, message = "Please keep your name under 100 characters.")
    private String name;

    @NotBlank(message = "Please give your email address; it is never shown.")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "This does not look like an email address.")
    @Size(max = 254, message = "This email address is too long.")
    private String email;

    @Size(max = 2048, message = "This web address is too long.")
    @Pattern(regexp = "(?i)https?://[^\\s<>\"]+", message = "A website starts with http:// or https://.")
    private String website;

    @NotBlank(message = "Please write a comment.")
    @Size(max = MAX_BODY_LENGTH, message = "Please keep your comment under 10,000 characters.")
    private String body;

    /** The author wants an email when a moderator approves the comment. */
    private boolean notifyOnApproval;

    public CommentDraft() {
    }

    public CommentDraft(String name, String email, String website, String body) {
        this.name = name;
        this.email = email;
        this.website = website;
        this.body = body;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isNotifyOnApproval() {
        return notifyOnApproval;
    }

    public void setNotifyOnApproval(boolean notifyOnApproval) {
        this.notifyOnApproval = notifyOnApproval;
    }
}
