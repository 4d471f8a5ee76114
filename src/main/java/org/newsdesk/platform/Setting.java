package org.newsdesk.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One setting of Newsdesk: its environment variable ({@code NEWSDESK_PAGE_CACHE_MB}), its type, what values
 * it takes, its default and what it does. Values come through MicroProfile Config, so the variable, the
 * system property {@code newsdesk.page.cache.mb} (which wins) and any other config source all work.
 *
 * <p>Each area declares its settings once, as constants of its configuration bean (a {@link ConfigArea});
 * the start refuses a value that does not parse, naming the variable ({@link StartupChecks}), and the
 * README's table of settings is checked against these declarations by {@code SettingsTableTest}.
 *
 * <pre>
 * static final Setting&lt;Integer&gt; PAGE_CACHE_MB = Setting.integer("PAGE_CACHE_MB", 64, 0, 65_536, "memory for ...");
 * long bytes = PAGE_CACHE_MB.value() * 1024L * 1024L;
 * </pre>
 */
public final class Setting<T> {

    private final String name;
    private final String fallback;
    private final String expected;
    private final Function<String, T> parser;
    private final String meaning;
    private final boolean required;

    private Setting(String name, String fallback, String expected, Function<String, T> parser, String meaning, boolean required) {
        this.name = name;
        this.fallback = fallback;
        this.expected = expected;
        this.parser = parser;
        this.meaning = meaning;
        this.required = required;
    }

    /**
     * A setting whose text is turned into a value by {@code parser}, which throws an unchecked exception for a
     * value it refuses; {@code expected} says what it takes.
     * A null {@code fallback} is a setting with no default: {@link #optional()} is empty while it is unset.
     */
    public static <T> Setting<T> of(String name, String fallback, String expected, Function<String, T> parser, String meaning) {
        return new Setting<>(name, fallback, expected, parser, meaning, false);
    }

    /** A setting Newsdesk cannot start without: no default, and {@link #check()} refuses it unset. */
    public static <T> Setting<T> required(String name, String expected, Function<String, T> parser, String meaning) {
        return new Setting<>(name, null, expected, parser, meaning, true);
    }

    public static Setting<String> text(String name, String fallback, String meaning) {
        return of(name, fallback, "text", Function.identity(), meaning);
    }

    public static Setting<Integer> integer(String name, int fallback, int min, int max, String meaning) {
        return of(name, String.valueOf(fallback), "a whole number from " + min + " to " + max, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(text, e);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(text);
            }
            return value;
        }, meaning);
    }

    public static Setting<Boolean> bool(String name, boolean fallback, String meaning) {
        return of(name, String.valueOf(fallback), "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        }, meaning);
    }

    /** The environment variable: {@code NEWSDESK_PAGE_CACHE_MB}. */
    public String variable() {
        return "NEWSDESK_" + name;
    }

    /** The MicroProfile Config key: {@code newsdesk.page.cache.mb} (the variable is its environment form). */
    public String key() {
        return "newsdesk." + name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The default as the documentation gives it; null when there is none. */
    public String fallback() {
        return fallback;
    }

    /** What values the setting takes, e.g. "a whole number from 0 to 3600". */
    public String expected() {
        return expected;
    }

    public String meaning() {
        return meaning;
    }

    /** The text set for it, stripped; empty when unset or blank. */
    public Optional<String> raw() {
        return ConfigProvider.getConfig().getOptionalValue(key(), String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The value set, or the default; empty when neither exists. */
    public Optional<T> optional() {
        Optional<String> text = raw().or(() -> Optional.ofNullable(fallback));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.get()));
        } catch (RuntimeException refused) {
            throw new InvalidSetting(variable() + " must be " + expected + ", not '" + text.get() + "'.");
        }
    }

    /** The value set, or the default. */
    public T value() {
        return optional().orElseThrow(() -> new InvalidSetting(variable() + " is not set: " + meaning));
    }

    /** What the start checks: the value parses, and a required setting is set; throws {@link InvalidSetting} if not. */
    public void check() {
        if (required) {
            value();
        } else {
            optional();
        }
    }

    @Override
    public String toString() {
        return variable();
    }

    /** A setting whose value cannot be used; the message names the variable and what it takes. */
    public static class InvalidSetting extends IllegalStateException {

        public InvalidSetting(String message) {
            super(message);
        }
    }
}
