package org.newsdesk.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a reader types into the "Leave a Reply" form. The constraints here are the only statement of
 * what a valid comment is: the form shows them at each field and the comment service enforces them. Their
 * messages are keys of the site's words ({@code org/newsdesk/i18n/site.properties}), put into the site's
 * language where they are shown.
 */
public class CommentDraft {

    public static final int MAX_BODY_LENGTH = 10_000;

    /** No control character but line breaks and tabs: a reader is told, rather than the character dropped. */
    static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\x{FFFE}\\x{FFFF}]*";

    @NotBlank(message = "{comment.name.required}")
    @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "{comment.control}")
    @Size(max = 100, message = "{comment.name.tooLong}")
    private String name;

    @NotBlank(message = "{comment.email.required}")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{comment.email.invalid}")
    @Size(max = 254, message = "{comment.email.tooLong}")
    private String email;

    @Size(max = 2048, message = "{comment.website.tooLong}")
    @Pattern(regexp = "(?i)https?://[^\\s<>\"]+", message = "{comment.website.scheme}")
    private String website;

    @NotBlank(message = "{comment.body.required}")
    @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "{comment.control}")
    @Size(max = MAX_BODY_LENGTH, message = "{comment.body.tooLong}")
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
