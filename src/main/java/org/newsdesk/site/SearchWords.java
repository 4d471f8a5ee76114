package org.newsdesk.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a reader typed into the search box, as a MySQL/MariaDB boolean full-text query in which every
 * word must appear (as a word or the start of one). Operators the reader typed are not operators.
 *
 * <pre>
 * SearchWords.booleanQuery("Iraq militia") // "+iraq* +militia*"
 * SearchWords.booleanQuery("-\"xx\" (yy) a") // "+xx* +yy*" (single letters are not indexed)
 * </pre>
 */
public final class SearchWords {

    private static final int MAX_WORDS = 8;

    private SearchWords() {
    }

    public static String booleanQuery(String typed) {
        if (typed == null) {
            return "";
        }
        return Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 2)
                .distinct()
                .limit(MAX_WORDS)
                .map(word -> "+" + word + "*")
                .collect(Collectors.joining(" "));
    }
}
