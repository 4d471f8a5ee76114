package org.newsdesk.comment.rules;

import java.time.Instant;
import java.util.List;

/**
 * What the site already knows about the author of a comment being checked. The comment service answers
 * from the database, lazily, so a rule that is switched off costs no query; unit tests answer from memory.
 */
public interface ReaderHistory {

    /** How many of this email address's comments a moderator (or the rules) approved before. */
    long approvedBefore();

    /** When the comments from this network address since {@code since} were written, oldest first. */
    List<Instant> commentsFromAddressSince(Instant since);

    /** Whether the same author already left the same text under the same post. */
    boolean alreadySaid();

    boolean emailBanned();

    boolean addressBanned();
}
