package org.newsdesk.comment.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a listed word or phrase in a comment's name, email, website or text: case-insensitive, and only
 * as a whole word, so "class" does not match "classic" (WordPress matches inside words, which holds far
 * too much).
 */
final class WordList {

    record Match(String word, String field, String matched) {
        /** "Suspect word 'crypto' in the comment ("CRYPTO")", for {@code kind} "suspect" or "disallowed". */
        org.newsdesk.platform.Phrase describe(String kind) {
            org.newsdesk.platform.Phrase where = org.newsdesk.platform.Phrase.of("rule.field." + field);
            return matched.equals(word) ? org.newsdesk.platform.Phrase.of("rule.reason." + kind, word, where)
                    : org.newsdesk.platform.Phrase.of("rule.reason." + kind + "As", word, where, matched);
        }
    }

    private WordList() {
    }

    static Optional<Match> find(List<String> words, Submission submission) {
        for (String word : words) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT))
                    + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (String[] text : submission.texts()) {
                if (text[1] == null) {
                    continue;
                }
                Matcher m = pattern.matcher(text[1]);
                if (m.find()) {
                    return Optional.of(new Match(word, text[0], m.group()));
                }
            }
        }
        return Optional.empty();
    }
}
