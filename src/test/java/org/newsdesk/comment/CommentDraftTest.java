package org.newsdesk.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommentDraftTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteCommentIsValid() {
        assertTrue(validator.validate(new CommentDraft("Amira", "amira@example.org", null, "Thanks.")).isEmpty());
        assertTrue(validator.validate(new CommentDraft("Amira", "amira@example.org", "https://amira.example", "Hi")).isEmpty());
    }

    @Test
    void eachFieldSaysWhatIsWrong() {
        Map<String, String> messages = messages(new CommentDraft(" ", "not-an-email", "javascript:alert(1)", "x".repeat(10_001)));
        assertEquals("Please give your name.", messages.get("name"));
        assertEquals("This does not look like an email address.", messages.get("email"));
        assertEquals("A website starts with http:// or https://.", messages.get("website"));
        assertEquals("Please keep your comment under 10,000 characters.", messages.get("body"));
    }

    @Test
    void anInvisibleControlCharacterIsNamedNotDropped() {
        Map<String, String> messages = messages(new CommentDraft("Bell\u0007", "a@example.org", null, "Line\r\none\ttab\u0000"));
        assertEquals("This contains an invisible control character (U+0007), which cannot be shown. Delete it, or type the text again.",
                messages.get("name"));
        assertTrue(messages.get("body").contains("(U+0000)"), "a line break and a tab are not control characters to refuse");
        assertTrue(messages(new CommentDraft("שלום ‏עולם", "a@example.org", null, "Line\r\none\ttab")).isEmpty());
    }

    @Test
    void tenThousandCharactersAreAllowed() {
        assertTrue(validator.validate(new CommentDraft("A", "a@example.org", null, "x".repeat(10_000))).isEmpty());
    }

    private Map<String, String> messages(CommentDraft draft) {
        return validator.validate(draft).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), v -> org.newsdesk.platform.Phrase.of(v).english(), (a, b) -> a));
    }
}
