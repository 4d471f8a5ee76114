package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Set;
import java.util.StringJoiner;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.PublicationCheck;
import org.newsdesk.post.PublicationRefusedException;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.util.Exceptions;
import org.omnifaces.util.Messages;

/**
 * Puts what the publishing service said next to the fields it concerns on the compose page, whose form
 * is {@code edit} and whose excerpts repeat as {@code excerpts}: a problem with excerpt 2's URL lands at
 * {@code edit:excerpts:1:articleUrl}.
 */
final class DeskMessages {

    static final String FORM = "edit";

    private DeskMessages() {
    }

    /** A phrase of the desk's words at a field, in the desk's language. */
    static void error(String field, Phrase phrase) {
        Messages.addError(field == null ? null : FORM + ":" + field, phrase.key(), phrase.arguments().toArray());
    }

    static void show(WorkflowException e) {
        error(e.field(), e.phrase());
    }

    static void show(PublicationRefusedException e) {
        error(null, Phrase.of("compose.notPublished", e.problems().size()));
        for (PublicationCheck.Problem problem : e.problems()) {
            // The body is typed into the "bodyText" field.
            String field = "body".equals(problem.field()) ? "bodyText" : problem.field();
            error(problem.excerpt() == 0 ? null : "excerpts:" + (problem.excerpt() - 1) + ":" + field, problem.message());
        }
    }

    /** Bean Validation messages about the draft itself ({@code excerpts[1].dek}), at their fields. */
    static void show(Set<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            error(clientId(violation.getPropertyPath(), 0), Phrase.of(violation));
        }
    }

    /** Bean Validation messages from the service's parameters, at their fields; false if it was no such failure. */
    static boolean show(EJBException e) {
        ConstraintViolationException invalid = Exceptions.extract(e, ConstraintViolationException.class);
        if (invalid == null) {
            return false;
        }
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            error(clientId(violation.getPropertyPath(), 2), Phrase.of(violation));
        }
        return true;
    }

    /** {@code create.arg0.excerpts[1].dek}, skipping the method and the argument, becomes {@code excerpts:1:dek}. */
    private static String clientId(Path path, int skip) {
        StringJoiner id = new StringJoiner(":");
        int depth = 0;
        for (Path.Node node : path) {
            if (depth++ < skip) {
                continue;
            }
            if (node.getIndex() != null) {
                id.add(String.valueOf(node.getIndex()));
            }
            id.add(node.getName());
        }
        return id.toString();
    }
}
