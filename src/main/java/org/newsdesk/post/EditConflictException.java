package org.newsdesk.post;

import jakarta.ejb.ApplicationException;
import java.time.Instant;

/** Someone else saved the post after this editor opened it; nothing was overwritten. */
@ApplicationException(rollback = true)
public class EditConflictException extends RuntimeException {

    private final String savedBy;
    private final Instant savedAt;
    private final long currentVersion;

    public EditConflictException(String savedBy, Instant savedAt, long currentVersion) {
        super(savedBy + " saved this post while you were editing it.");
        this.savedBy = savedBy;
        this.savedAt = savedAt;
        this.currentVersion = currentVersion;
    }

    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
