package org.newsdesk.platform;

import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Locale;

/**
 * Something to say to a person, before it is put into their language: a message key of the bundles and its
 * arguments. Services say what happened in phrases; pages, mail and feeds word them ({@link Texts#say}).
 * <pre>
 * throw new CommentRefusedException("body", Phrase.of("comment.refused.tooQuick", 3));
 * </pre>
 */
public record Phrase(String key, List<Object> arguments) implements java.io.Serializable {

    public Phrase {
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String key, Object... arguments) {
        return new Phrase(key, List.of(arguments));
    }

    /**
     * A broken constraint's message, whose template is a key of the words in braces
     * ({@code @NotBlank(message = "{comment.name.required}")}); a size limit is its argument.
     */
    public static Phrase of(ConstraintViolation<?> violation) {
        String key = violation.getMessageTemplate().replaceAll("^\\{|\\}$", "");
        if (key.endsWith(".control") && violation.getInvalidValue() instanceof String text) {
            // Which invisible character, so that the person can tell what to delete.
            return of(key, text.codePoints().filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t'
                    || c == 0xFFFE || c == 0xFFFF).mapToObj(c -> String.format("U+%04X", c)).findFirst().orElse("?"));
        }
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        return max instanceof Integer limit ? of(key, limit) : of(key);
    }

    /** In the site's English: for logs and exceptions' messages. */
    public String english() {
        Texts site = Texts.of(Texts.Family.SITE, Locale.ENGLISH);
        return (site.has(key) ? site : Texts.of(Texts.Family.DESK, Locale.ENGLISH)).say(this);
    }

    @Override
    public String toString() {
        return english();
    }
}
