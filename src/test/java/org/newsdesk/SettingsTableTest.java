package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsdesk.account.AccountConfig;
import org.newsdesk.account.MailConfig;
import org.newsdesk.comment.CommentConfig;
import org.newsdesk.demo.DemoConfig;
import org.newsdesk.media.MediaConfig;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.Setting;
import org.newsdesk.post.PostConfig;
import org.newsdesk.site.SiteConfig;

/**
 * The README's table of settings is the one place a newsroom reads them: it must list every setting the code
 * declares, with the default the code uses, and every {@code NEWSDESK_} variable the code, the run command and
 * the Docker files read; and nothing else.
 */
class SettingsTableTest {

    /** Every area's configuration; a new area goes here (and in StartupChecks through CDI). */
    static final List<ConfigArea> AREAS = List.of(new PlatformConfig(), new AccountConfig(), new MailConfig(),
            new MediaConfig(), new PostConfig(), new CommentConfig(), new DemoConfig(), new SiteConfig(), new org.newsdesk.source.SourceConfig(),
            new org.newsdesk.drift.DriftConfig(), new org.newsdesk.inbox.InboxConfig(), new org.newsdesk.newsletter.NewsletterConfig());

    private static final Pattern ROW = Pattern.compile("^\\| `(NEWSDESK_[A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    /** A variable named whole, not a family of them ({@code NEWSDESK_COMMENTS_*}). */
    private static final Pattern VARIABLE = Pattern.compile("NEWSDESK_[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])");

    @Test
    void everyDeclaredSettingIsInTheTableWithTheDefaultTheCodeUses() throws IOException {
        Map<String, String> table = table();
        List<String> wrong = new ArrayList<>();
        for (ConfigArea area : AREAS) {
            for (Setting<?> setting : area.settings()) {
                String cell = table.get(setting.variable());
                if (cell == null) {
                    wrong.add(setting.variable() + " is not in the README's table");
                } else if (!documents(cell, setting.fallback())) {
                    wrong.add(setting.variable() + ": the table says '" + cell + "', the code's default is "
                            + (setting.fallback() == null ? "none" : "'" + setting.fallback() + "'"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyVariableReadAnywhereIsInTheTableAndEveryRowIsReadSomewhere() throws IOException {
        TreeSet<String> read = new TreeSet<>();
        for (Path root : List.of(Path.of("src/main"), Path.of("bin"), Path.of("docker"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    // Bytes as Latin-1: never malformed, and the names are ASCII (photos and other binaries are read too).
                    Matcher found = VARIABLE.matcher(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
                    while (found.find()) {
                        // NEWSDESK_TEST_DB and _NAME are the test command's own, described in bin/test.
                        if (!found.group().startsWith("NEWSDESK_TEST_")) {
                            read.add(found.group());
                        }
                    }
                }
            }
        }
        for (ConfigArea area : AREAS) {
            area.settings().forEach(setting -> read.add(setting.variable()));
        }
        TreeSet<String> documented = new TreeSet<>(table().keySet());
        TreeSet<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        TreeSet<String> unread = new TreeSet<>(documented);
        unread.removeAll(read);
        assertEquals(new TreeSet<>(), undocumented, "read but not in the README's table");
        assertEquals(new TreeSet<>(), unread, "in the README's table but read nowhere");
    }

    /** The table's default cell says the code's default: `64`, `jdbc:...?...` for a long one, empty, or none. */
    private static boolean documents(String cell, String fallback) {
        if (fallback == null) {
            return cell.startsWith("none") || cell.startsWith("required") || cell.startsWith("generated");
        }
        if (fallback.isEmpty()) {
            return cell.equals("empty");
        }
        Matcher quoted = Pattern.compile("`([^`]*)`").matcher(cell);
        while (quoted.find()) {
            String value = quoted.group(1);
            if (value.equals(fallback) || value.endsWith("...") && fallback.startsWith(value.substring(0, value.length() - 3))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> table() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).strip());
        }
        return rows;
    }
}
