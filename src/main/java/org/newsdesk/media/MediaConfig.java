package org.newsdesk.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.Setting;

/** The photo library's settings; where photos live is the platform's ({@code NEWSDESK_MEDIA_DIR}). */
@ApplicationScoped
public class MediaConfig implements ConfigArea {

    public static final Setting<Integer> MEDIA_MAX_UPLOAD_MB = Setting.integer("MEDIA_MAX_UPLOAD_MB", 10, 1, 1_024,
            "the largest photo the desk accepts, in megabytes");

    @Override
    public List<Setting<?>> settings() {
        return List.of(MEDIA_MAX_UPLOAD_MB);
    }

    public int maxUploadMb() {
        return MEDIA_MAX_UPLOAD_MB.value();
    }

    public Path directory() {
        return PlatformConfig.MEDIA_DIR.value();
    }
}
