package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shipped bundle is complete: each key of the English one in each translation and no other, each message
 * a valid ICU format with the same arguments as the English, each count in every plural form the language's
 * CLDR rules have, and no Latin-script word left in a right-to-left translation.
 */
class BundlesTest {

    /**
     * What stays in Latin letters in every language: names (the product, feed and file formats), address schemes,
     * domains and paths a message quotes, HTML elements ({@code <figure>}), and keys as the keyboard labels them.
     * A name may be joined to an Arabic prefix ("لـNewsdesk"), where Java's {@code \b} sees no boundary.
     */
    private static final Pattern KEPT_LATIN = Pattern.compile("(?<![A-Za-z])(RSS|Atom|https?|Newsdesk|JPEG|PNG|WebP|GIF|SVG|HEIC|TIFF|PDF|CMYK|RGB|OPML|JSON|WebSub|Feed|xmlUrl|UTC|IPv6|NAT|XML)(?![A-Za-z])|<\\w+>"
            + "|[\\w-]+(\\.[a-z]{2,})+|/[\\w/.-]*|\\b(Ctrl|Shift|Alt)\\+\\w+|\\bEnter\\b"
            + "|\\bNEWSDESK_\\w+|'\\{\\w+\\}'|\\b[a-z]{2}(-[A-Z]{2})?\\b");

    @Test
    void everyTranslationHasEveryKeyAndNoOther() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Texts.Family family : Texts.Family.values()) {
            Properties english = load(family, "en");
            for (String language : family.languages().subList(1, family.languages().size())) {
                Properties translated = load(family, language);
                Set<String> missing = new TreeSet<>(english.stringPropertyNames());
                missing.removeAll(translated.stringPropertyNames());
                Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
                extra.removeAll(english.stringPropertyNames());
                missing.forEach(key -> problems.add(family + " " + language + " lacks " + key));
                extra.forEach(key -> problems.add(family + " " + language + " has " + key + ", which English has not"));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMessageTakesTheSameArgumentsAndEveryPluralFormOfItsLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Texts.Family family : Texts.Family.values()) {
            Properties english = load(family, "en");
            for (String language : family.languages()) {
                Properties bundle = load(family, language);
                PluralRules rules = PluralRules.forLocale(ULocale.forLanguageTag(language));
                for (String key : bundle.stringPropertyNames()) {
                    String message = bundle.getProperty(key);
                    MessagePattern pattern;
                    try {
                        pattern = new MessagePattern(message);
                    } catch (IllegalArgumentException e) {
                        problems.add(family + " " + language + " " + key + ": " + e.getMessage());
                        continue;
                    }
                    if (english.containsKey(key) && !arguments(pattern).equals(arguments(new MessagePattern(english.getProperty(key))))) {
                        problems.add(family + " " + language + " " + key + " takes other arguments than the English");
                    }
                    for (Set<String> forms : pluralForms(pattern)) {
                        for (String needed : rules.getKeywords()) {
                            if (!forms.contains(needed)) {
                                problems.add(family + " " + language + " " + key + " lacks the plural form " + needed);
                            }
                        }
                    }
                    String words = KEPT_LATIN.matcher(message.replaceAll("\\b(plural|number|date|time|short|medium|long|zero|one|two|few|many|other)\\b|::[\\w/.-]+", ""))
                            .replaceAll("");
                    if (Texts.isRightToLeft(Locale.forLanguageTag(language)) && words.matches("(?s).*\\p{IsLatin}{2,}.*")) {
                        problems.add(family + " " + language + " " + key + " has a Latin-script word: " + message);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void countsComeOutInEachLanguagesOwnForms() {
        Texts arabic = Texts.of(Texts.Family.SITE, Locale.forLanguageTag("ar-u-nu-latn"));
        assertEquals("لا تعليقات", arabic.format("comments.count", 0));
        assertEquals("تعليق واحد", arabic.format("comments.count", 1));
        assertEquals("تعليقان", arabic.format("comments.count", 2));
        assertEquals("3 تعليقات", arabic.format("comments.count", 3));
        assertEquals("11 تعليقًا", arabic.format("comments.count", 11));
        assertEquals("100 تعليق", arabic.format("comments.count", 100));
        assertEquals("١١ تعليقًا", Texts.of(Texts.Family.SITE, Locale.forLanguageTag("ar-u-nu-arab")).format("comments.count", 11));
        assertEquals("1 comment", Texts.of(Texts.Family.SITE, Locale.ENGLISH).format("comments.count", 1));
        assertEquals("16 comments", Texts.of(Texts.Family.SITE, Locale.ENGLISH).format("comments.count", 16));
        assertEquals("2 תגובות", Texts.of(Texts.Family.SITE, Locale.forLanguageTag("he")).format("comments.count", 2));
    }

    @Test
    void aLanguageWithoutABundleGetsEnglishAndSaysSo() {
        Texts greek = Texts.of(Texts.Family.SITE, Locale.forLanguageTag("el"));
        assertEquals("Leave a Reply", greek.text("comments.leaveReply"));
        assertTrue(!greek.speaks());
        assertTrue(Texts.of(Texts.Family.SITE, Locale.forLanguageTag("he")).speaks());
        assertTrue(Texts.of(Texts.Family.SITE, Locale.forLanguageTag("fr-CA")).speaks(), "a region of a language with a bundle");
    }

    private static Set<Integer> arguments(MessagePattern pattern) {
        Set<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            if (pattern.getPart(i).getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                numbers.add(pattern.getPart(i).getValue());
            }
        }
        return numbers;
    }

    /** The forms (one, few, other, =0) each plural argument of the message gives. */
    private static List<Set<String>> pluralForms(MessagePattern pattern) {
        List<Set<String>> all = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START || part.getArgType() != MessagePattern.ArgType.PLURAL) {
                continue;
            }
            Set<String> forms = new TreeSet<>();
            int limit = pattern.getLimitPartIndex(i);
            for (int j = i + 1; j < limit; j++) {
                MessagePattern.Part inner = pattern.getPart(j);
                if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    forms.add(pattern.getSubstring(inner));
                    int start = j + 1;
                    while (pattern.getPart(start).getType() != MessagePattern.Part.Type.MSG_START) {
                        start++;
                    }
                    j = pattern.getLimitPartIndex(start);
                }
            }
            all.add(forms);
        }
        return all;
    }

    private static Properties load(Texts.Family family, String language) throws IOException {
        String name = "/" + family.baseName().replace('.', '/') + ("en".equals(language) ? "" : "_" + language) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is shipped");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
