package org.newsdesk.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** The compose page's settings: how far back it looks for another post of the same story ({@link SameStory}). */
@ApplicationScoped
public class PostConfig implements ConfigArea {

    public static final Setting<Integer> SAME_STORY_DAYS = Setting.integer("SAME_STORY_DAYS", 3, 1, 30,
            "how many days back the compose page and the post list look for posts covering the same story");

    @Override
    public List<Setting<?>> settings() {
        return List.of(SAME_STORY_DAYS);
    }

    public Duration sameStoryWindow() {
        return Duration.ofDays(SAME_STORY_DAYS.value());
    }
}
