package org.newsdesk.comment.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The switches and word lists that tune comment moderation. Each has a default from the environment
 * ({@code NEWSDESK_COMMENTS_...}, see the README) that moderators can override from the desk; overrides
 * are kept in the {@code setting} table under {@code comments.*}, so they apply without a restart and
 * on every instance.
 *
 * <pre>
 * ModerationSettings settings = CommentConfig.moderationDefaults().with(storedOverrides);
 * Map&lt;String, String&gt; toStore = settings.asStored();
 * </pre>
 *
 * @param holdEverything     hold every comment for a moderator, whatever the other rules say
 * @param honeypot           treat comments that fill the hidden honeypot field as spam
 * @param minimumSeconds     hold comments sent sooner than this after the form was shown (0: off)
 * @param rateLimitCount     refuse more than this many comments from one address per window (0: off)
 * @param rateLimitSeconds   the rate limit's window
 * @param refuseDuplicates   refuse a comment its author already left under the same post
 * @param maxLinks           hold comments with more links than this (negative: off)
 * @param disallowedWords    words or phrases that send a comment to spam
 * @param suspectWords       words or phrases that hold a comment
 * @param holdFirstComment   hold a comment until one from the same email address has been approved
 * @param reportThreshold    distinct reader reports that hide an approved comment until a moderator decides (0: never)
 * @param closeAfterDays     days after publication that posts stop taking comments (0: never); a post may override
 * @param notifyModerators   email moderators about each held comment
 * @param commentsPerPage    threads (a top-level comment with its replies) per page under a post (0: all on one page)
 * @param newestFirst        show the newest threads first (replies stay oldest first)
 */
public record ModerationSettings(boolean holdEverything, boolean honeypot, int minimumSeconds,
                                 int rateLimitCount, int rateLimitSeconds, boolean refuseDuplicates,
                                 int maxLinks, List<String> disallowedWords, List<String> suspectWords,
                                 boolean holdFirstComment, int reportThreshold, int closeAfterDays,
                                 boolean notifyModerators, int commentsPerPage, boolean newestFirst) {

    /** Setting names, as stored in the {@code setting} table and (upper-cased) as environment variables. */
    public static final String HOLD_EVERYTHING = "comments.hold_everything";
    public static final String HONEYPOT = "comments.honeypot";
    public static final String MINIMUM_SECONDS = "comments.minimum_seconds";
    public static final String RATE_LIMIT_COUNT = "comments.rate_limit_count";
    public static final String RATE_LIMIT_SECONDS = "comments.rate_limit_seconds";
    public static final String REFUSE_DUPLICATES = "comments.refuse_duplicates";
    public static final String MAX_LINKS = "comments.max_links";
    public static final String DISALLOWED_WORDS = "comments.disallowed_words";
    public static final String SUSPECT_WORDS = "comments.suspect_words";
    public static final String HOLD_FIRST_COMMENT = "comments.hold_first_comment";
    public static final String REPORT_THRESHOLD = "comments.report_threshold";
    public static final String CLOSE_AFTER_DAYS = "comments.close_after_days";
    public static final String NOTIFY_MODERATORS = "comments.notify_moderators";
    public static final String PER_PAGE = "comments.per_page";
    public static final String NEWEST_FIRST = "comments.newest_first";

    /** The most threads one page may show: beyond it a page stops being quick to read or to load. */
    public static final int MAX_PER_PAGE = 500;

    /** Longest word list the setting table can keep (its value column is 2,000 characters). */
    public static final int MAX_WORD_LIST_LENGTH = 2000;

    public ModerationSettings {
        disallowedWords = List.copyOf(disallowedWords);
        suspectWords = List.copyOf(suspectWords);
    }


    /** These settings with the stored overrides applied; an override that does not parse is ignored. */
    public ModerationSettings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(asStored());
        overrides.forEach((name, value) -> {
            if (merged.containsKey(name) && value != null) {
                merged.put(name, value);
            }
        });
        ModerationSettings fallback = this;
        return new ModerationSettings(
                bool(merged.get(HOLD_EVERYTHING), fallback.holdEverything),
                bool(merged.get(HONEYPOT), fallback.honeypot),
                number(merged.get(MINIMUM_SECONDS), fallback.minimumSeconds),
                number(merged.get(RATE_LIMIT_COUNT), fallback.rateLimitCount),
                Math.max(1, number(merged.get(RATE_LIMIT_SECONDS), fallback.rateLimitSeconds)),
                bool(merged.get(REFUSE_DUPLICATES), fallback.refuseDuplicates),
                number(merged.get(MAX_LINKS), fallback.maxLinks),
                words(merged.get(DISALLOWED_WORDS)),
                words(merged.get(SUSPECT_WORDS)),
                bool(merged.get(HOLD_FIRST_COMMENT), fallback.holdFirstComment),
                number(merged.get(REPORT_THRESHOLD), fallback.reportThreshold),
                number(merged.get(CLOSE_AFTER_DAYS), fallback.closeAfterDays),
                bool(merged.get(NOTIFY_MODERATORS), fallback.notifyModerators),
                perPage(number(merged.get(PER_PAGE), fallback.commentsPerPage)),
                bool(merged.get(NEWEST_FIRST), fallback.newestFirst));
    }

    /** Every setting as the text the setting table keeps. */
    public Map<String, String> asStored() {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put(HOLD_EVERYTHING, String.valueOf(holdEverything));
        stored.put(HONEYPOT, String.valueOf(honeypot));
        stored.put(MINIMUM_SECONDS, String.valueOf(minimumSeconds));
        stored.put(RATE_LIMIT_COUNT, String.valueOf(rateLimitCount));
        stored.put(RATE_LIMIT_SECONDS, String.valueOf(rateLimitSeconds));
        stored.put(REFUSE_DUPLICATES, String.valueOf(refuseDuplicates));
        stored.put(MAX_LINKS, String.valueOf(maxLinks));
        stored.put(DISALLOWED_WORDS, String.join("\n", disallowedWords));
        stored.put(SUSPECT_WORDS, String.join("\n", suspectWords));
        stored.put(HOLD_FIRST_COMMENT, String.valueOf(holdFirstComment));
        stored.put(REPORT_THRESHOLD, String.valueOf(reportThreshold));
        stored.put(CLOSE_AFTER_DAYS, String.valueOf(closeAfterDays));
        stored.put(NOTIFY_MODERATORS, String.valueOf(notifyModerators));
        stored.put(PER_PAGE, String.valueOf(commentsPerPage));
        stored.put(NEWEST_FIRST, String.valueOf(newestFirst));
        return stored;
    }

    /**
     * Settings from a source of text by name ({@code comments.hold_everything}), with built-in values close to
     * WordPress's for what it does not give; the site's defaults come from {@code CommentConfig}.
     */
    public static ModerationSettings from(Function<String, String> source) {
        return new ModerationSettings(
                bool(source.apply(HOLD_EVERYTHING), false),
                bool(source.apply(HONEYPOT), true),
                number(source.apply(MINIMUM_SECONDS), 3),
                number(source.apply(RATE_LIMIT_COUNT), 5),
                Math.max(1, number(source.apply(RATE_LIMIT_SECONDS), 60)),
                bool(source.apply(REFUSE_DUPLICATES), true),
                number(source.apply(MAX_LINKS), 2),
                words(source.apply(DISALLOWED_WORDS)),
                words(source.apply(SUSPECT_WORDS)),
                bool(source.apply(HOLD_FIRST_COMMENT), true),
                number(source.apply(REPORT_THRESHOLD), 3),
                number(source.apply(CLOSE_AFTER_DAYS), 0),
                bool(source.apply(NOTIFY_MODERATORS), true),
                perPage(number(source.apply(PER_PAGE), 50)),
                bool(source.apply(NEWEST_FIRST), false));
    }

    /** A word list as moderators type it: one entry per line or separated by commas; blanks dropped. */
    public static List<String> words(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split("[\\n,]")).map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
    }

    private static boolean bool(String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("1")
                || !(v.equals("false") || v.equals("no") || v.equals("off") || v.equals("0")) && fallback;
    }

    private static int perPage(int wanted) {
        return Math.max(0, Math.min(MAX_PER_PAGE, wanted));
    }

    private static int number(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
