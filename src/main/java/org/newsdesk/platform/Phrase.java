package org.newsdesk.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * This phrase as text for a column, to be worded when it is shown ({@link Words#said}), in the language of
     * whoever reads it then: {@code {"k":"feeds.why.status","a":["example.com",404]}}. Arguments are text,
     * numbers, dates ({@code {"t":millis}}), phrases and lists of them.
     */
    public String stored() {
        return json(this).toString();
    }

    /** {@link #stored()} if it fits in {@code max} characters, else the English words cut to fit. */
    public String stored(int max) {
        String stored = stored();
        return stored.length() <= max ? stored : TextLimit.shorten(english(), max);
    }

    /**
     * The phrase {@code text} holds, when {@link #stored} wrote it; empty for anything else (a column written
     * before phrases were stored holds the English words themselves).
     */
    public static Optional<Phrase> restore(String text) {
        if (text == null || !text.startsWith("{\"k\":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(phrase(Json.createReader(new StringReader(text)).readObject()));
        } catch (JsonParsingException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static JsonObject json(Phrase phrase) {
        JsonArrayBuilder arguments = Json.createArrayBuilder();
        phrase.arguments().forEach(a -> arguments.add(json(a)));
        return Json.createObjectBuilder().add("k", phrase.key()).add("a", arguments).build();
    }

    private static JsonValue json(Object argument) {
        if (argument instanceof Phrase inner) {
            return json(inner);
        }
        if (argument instanceof List<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(i -> array.add(json(i)));
            return array.build();
        }
        if (argument instanceof Integer || argument instanceof Long) {
            return Json.createValue(((Number) argument).longValue());
        }
        if (argument instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        if (argument instanceof Date date) {
            return Json.createObjectBuilder().add("t", date.getTime()).build();
        }
        if (argument instanceof java.time.Instant instant) {
            return Json.createObjectBuilder().add("t", instant.toEpochMilli()).build();
        }
        return argument == null ? JsonValue.NULL : Json.createValue(String.valueOf(argument));
    }

    private static Phrase phrase(JsonObject json) {
        List<Object> arguments = new ArrayList<>();
        json.getJsonArray("a").forEach(a -> arguments.add(argument(a)));
        return new Phrase(json.getString("k"), arguments);
    }

    private static Object argument(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case ARRAY -> ((JsonArray) value).stream().map(Phrase::argument).toList();
            case OBJECT -> value.asJsonObject().containsKey("t") ? new Date(value.asJsonObject().getJsonNumber("t").longValue()) : phrase(value.asJsonObject());
            default -> "";
        };
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
