package org.newsdesk.platform;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Newsdesk's own words in one language, from its message bundles ({@code org/newsdesk/i18n/*.properties},
 * UTF-8). A message with arguments is an ICU message format, so counts take the language's own plural forms
 * by CLDR's rules ({@code {0, plural, one{# comment} other{# comments}}}: Arabic has six) and numbers its
 * digits. A language without a bundle gets English, and says so ({@link #speaks()}), so that pages mark the
 * English as English.
 * <pre>
 * Texts.of(Texts.Family.SITE, Locale.forLanguageTag("ar")).format("comments.count", 3)   // "3 تعليقات"
 * </pre>
 */
public final class Texts {

    /** The two sets of words: what readers see (pages, mail, feeds), and the desk's. */
    public enum Family {
        /** Public pages, mail and feeds: complete in each of these languages. */
        SITE("org.newsdesk.i18n.site", List.of("en", "ar", "he", "fr", "es")),
        /** The desk: complete in each of these. */
        DESK("org.newsdesk.i18n.desk", List.of("en", "ar"));

        private final String baseName;
        private final List<String> languages;

        Family(String baseName, List<String> languages) {
            this.baseName = baseName;
            this.languages = languages;
        }

        public String baseName() {
            return baseName;
        }

        /** The languages this family ships a complete bundle for, English first. */
        public List<String> languages() {
            return languages;
        }
    }

    private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();

    private final Family family;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final boolean speaks;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Texts(Family family, Locale locale) {
        this.family = family;
        this.locale = locale;
        // No fallback to the server's own locale: a language without a bundle gets the base bundle, English.
        this.bundle = ResourceBundle.getBundle(family.baseName, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String spoken = bundle.getLocale().getLanguage();
        this.speaks = (spoken.isEmpty() ? "en" : spoken).equals(locale.getLanguage());
    }

    public static Texts of(Family family, Locale locale) {
        Locale asked = locale == null ? Locale.ENGLISH : locale;
        return LOADED.computeIfAbsent(family + "/" + asked.toLanguageTag(), key -> new Texts(family, asked));
    }

    public Family family() {
        return family;
    }

    /** The language asked for (which formats dates and numbers even where the words fall back to English). */
    public Locale locale() {
        return locale;
    }

    /** Whether the words are in the language asked for; false when it has no bundle and they are English. */
    public boolean speaks() {
        return speaks;
    }

    /** The locale the words are written in: the one asked for, or English. */
    public Locale wordsLocale() {
        return speaks ? locale : Locale.ENGLISH;
    }

    /** Whether a language is written right to left (by its likely script, as CLDR has it). */
    public static boolean isRightToLeft(Locale locale) {
        return ULocale.forLocale(locale).isRightToLeft();
    }

    /** Every message whose key starts with {@code prefix}, as written (ICU formats), for the pages' scripts. */
    public java.util.SortedMap<String, String> messages(String prefix) {
        java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                found.put(key, bundle.getString(key));
            }
        }
        return found;
    }

    /** Names in a row, with the language's own separator ("TIMES OF ISRAEL, REUTERS"; "، " in Arabic). */
    public String join(java.util.Collection<?> names) {
        return String.join(text("list.separator"), names.stream().map(String::valueOf).toList());
    }

    /** Whether the bundles have {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * A message without arguments. One that quotes braces ({@code '{credit}'}) is read as the ICU format it is;
     * others as written. A key no bundle has comes out as itself, in brackets.
     */
    public String text(String key) {
        String raw;
        try {
            raw = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        return raw.indexOf('{') >= 0 ? format(key, new Object[0]) : raw;
    }

    /** A message with arguments: numbers in the language's digits, counts in its plural forms. */
    public String format(String key, Object... arguments) {
        if (!has(key)) {
            return "[" + key + "]";
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), ULocale.forLocale(wordsLocale())));
        Object[] worded = arguments == null ? new Object[0] : arguments.clone();
        for (int i = 0; i < worded.length; i++) {
            // A phrase inside a phrase ("A post that is {0}", with the status) is worded in the same language.
            if (worded[i] instanceof Phrase inner) {
                worded[i] = say(inner);
            } else if (worded[i] instanceof java.util.List<?> items) {
                // Several phrases in one place ("Left: a: why; b: why"), each worded, in the language's list.
                worded[i] = String.join(has("list.items") ? text("list.items") : "; ",
                        items.stream().map(item -> item instanceof Phrase p ? say(p) : String.valueOf(item)).toList());
            }
        }
        synchronized (format) {
            return format.format(worded);
        }
    }

    /** A phrase of either family, in this language: a desk message may quote a reader-facing one. */
    public String say(Phrase phrase) {
        Texts words = this;
        if (!has(phrase.key())) {
            Texts other = Texts.of(family == Family.SITE ? Family.DESK : Family.SITE, locale);
            words = other.has(phrase.key()) ? other : this;
        }
        return words.format(phrase.key(), phrase.arguments().toArray());
    }
}
