package org.newsdesk.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/**
 * The posts' settings: how far back the compose page looks for another post of the same story ({@link SameStory}),
 * and how often every instance sweeps for posts due ({@link PublicationScheduler}).
 */
@ApplicationScoped
public class PostConfig implements ConfigArea {

    public static final Setting<Integer> SAME_STORY_DAYS = Setting.integer("SAME_STORY_DAYS", 3, 1, 30,
            "how many days back the compose page and the post list look for posts covering the same story");

    public static final Setting<Integer> PUBLISH_SWEEP_SECONDS = Setting.integer("PUBLISH_SWEEP_SECONDS", 60, 1, 60,
            "how often every instance publishes the scheduled posts that are due, besides each post's own timer");

    @Override
    public List<Setting<?>> settings() {
        return List.of(SAME_STORY_DAYS, PUBLISH_SWEEP_SECONDS);
    }

    public Duration sameStoryWindow() {
        return Duration.ofDays(SAME_STORY_DAYS.value());
    }
}
