package org.newsdesk;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.openqa.selenium.WebDriver;

/**
 * The two checks every page of a browser walk passes: axe-core's WCAG 2.1 A and AA rules on the page as the
 * browser shows it, and the Nu Html Checker on the HTML as the server sent it. Each returns what it found,
 * one line per finding, empty when the page is clean.
 *
 * <pre>
 * problems.addAll(PageChecks.accessibility(driver, path));
 * problems.addAll(PageChecks.html(body, path));
 * </pre>
 */
public final class PageChecks {

    /** The axe-core rule sets of WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private PageChecks() {
    }

    /** axe-core's violations on the page the browser has open. */
    public static List<String> accessibility(WebDriver driver, String page) {
        // Run in the page itself ("legacy" mode) rather than finished in a blank tab opened for each page; our pages
        // have no frames, whose isolation that is for. Only the violations are reported in full: the passes' details,
        // sent back from the browser for every page, are not read here.
        AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(WCAG_21_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(tags);
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).disableIframeTesting().analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            List<String> targets = violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
            found.add(page + ": axe " + violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at " + targets);
        }
        return found;
    }

    /** The Nu Html Checker's errors (not its warnings) on a page's HTML. */
    public static List<String> html(String markup, String page) {
        String report;
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            validator.setNoLangDetect(true); // its finding is a warning, which is not counted, and it took a fifth of the time
            report = validator.validate(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("The Nu Html Checker did not run on " + page, e);
        }
        JsonObject json = Json.createReader(new StringReader(report)).readObject();
        List<String> found = new ArrayList<>();
        for (JsonObject message : json.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            if ("error".equals(message.getString("type", "")) || "fatal".equals(message.getString("subType", ""))) {
                found.add(page + ": Nu line " + message.getInt("lastLine", 0) + ": " + message.getString("message", "")
                        + " [" + message.getString("extract", "").strip().replaceAll("\\s+", " ") + "]");
            }
        }
        return found;
    }
}
