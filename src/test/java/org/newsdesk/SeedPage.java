package org.newsdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The real aggregation page Newsdesk must publish faithfully ({@code shared/seed/iraq-militias-roundup.txt},
 * copied into the test resources), read as the lines a reader sees.
 */
public final class SeedPage {

    public static final String HEADLINE = "Iraq trying to reel in Iran-backed groups to prevent confrontation with Israel";
    public static final String SLUG = "iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel";

    private SeedPage() {
    }

    /** Every non-blank line of the page, trimmed (non-breaking spaces count as blank). */
    public static List<String> lines() {
        try (InputStream in = SeedPage.class.getResourceAsStream("/iraq-militias-roundup.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\R"))
                    .map(line -> line.replace('\u00a0', ' ').strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
