package org.newsdesk.comment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/**
 * Comments' settings: how deep replies nest, how long a form stays good, and the moderation defaults that
 * moderators may override from the desk ({@code NEWSDESK_COMMENTS_*}, the names of {@link ModerationSettings}).
 */
@ApplicationScoped
public class CommentConfig implements ConfigArea {

    public static final Setting<Integer> COMMENT_MAX_DEPTH = Setting.integer("COMMENT_MAX_DEPTH", 3, 1, 10,
            "how deep comment replies nest");
    public static final Setting<Integer> COMMENT_FORM_MAX_AGE_HOURS = Setting.integer("COMMENT_FORM_MAX_AGE_HOURS", 24, 1, 720,
            "how long a comment form stays valid after the reader started writing");

    /** The moderation defaults, one per {@link ModerationSettings} name ({@code comments.hold_everything}). */
    static final List<Setting<?>> MODERATION = List.of(
            Setting.integer("COMMENTS_PER_PAGE", 50, 0, ModerationSettings.MAX_PER_PAGE, "threads per page under a post (0: all)"),
            Setting.bool("COMMENTS_NEWEST_FIRST", false, "show the newest threads first"),
            Setting.bool("COMMENTS_HOLD_EVERYTHING", false, "hold every comment for a moderator"),
            Setting.bool("COMMENTS_HOLD_FIRST_COMMENT", true, "hold a reader's comments until one of theirs is approved"),
            Setting.bool("COMMENTS_HONEYPOT", true, "comments that fill the hidden honeypot field go to spam"),
            Setting.integer("COMMENTS_MINIMUM_SECONDS", 3, 0, 3_600, "hold comments sent sooner than this after the form was shown"),
            Setting.integer("COMMENTS_RATE_LIMIT_COUNT", 5, 0, 10_000, "comments from one address per window (0: no limit)"),
            Setting.integer("COMMENTS_RATE_LIMIT_SECONDS", 60, 1, 86_400, "the rate limit's window"),
            Setting.bool("COMMENTS_REFUSE_DUPLICATES", true, "refuse a comment its author already left under the same post"),
            Setting.integer("COMMENTS_MAX_LINKS", 2, -1, 1_000, "hold comments with more links than this (-1: off)"),
            Setting.text("COMMENTS_DISALLOWED_WORDS", "", "comma-separated words that send a comment to spam"),
            Setting.text("COMMENTS_SUSPECT_WORDS", "", "comma-separated words that hold a comment"),
            Setting.integer("COMMENTS_REPORT_THRESHOLD", 3, 0, 1_000, "distinct readers' reports that hide an approved comment (0: never)"),
            Setting.integer("COMMENTS_CLOSE_AFTER_DAYS", 0, 0, 36_500, "close comments this many days after publication (0: never)"),
            Setting.bool("COMMENTS_NOTIFY_MODERATORS", true, "email moderators about each held comment"));

    @Override
    public List<Setting<?>> settings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(COMMENT_MAX_DEPTH, COMMENT_FORM_MAX_AGE_HOURS),
                MODERATION.stream()).toList();
    }

    public int maxDepth() {
        return COMMENT_MAX_DEPTH.value();
    }

    public Duration formMaxAge() {
        return Duration.ofHours(COMMENT_FORM_MAX_AGE_HOURS.value());
    }

    /** The site's moderation defaults, before the moderators' overrides. */
    public static ModerationSettings moderationDefaults() {
        return ModerationSettings.from(name -> MODERATION.stream()
                .filter(setting -> setting.variable().equals("NEWSDESK_" + name.toUpperCase(Locale.ROOT).replace('.', '_')))
                .findFirst().map(setting -> String.valueOf(setting.value()))
                .orElseThrow(() -> new IllegalStateException("No setting declared for " + name)));
    }
}
