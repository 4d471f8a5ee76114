package org.newsdesk.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.platform.HtmlText;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The little HTML an excerpt may hold: paragraphs, line breaks, bold, italic and http(s) links. Anything
 * else is removed on the way in, so stored excerpt bodies are safe to render as they are.
 *
 * <pre>
 * ExcerptMarkup.sanitize("&lt;p onclick=x&gt;Hi &lt;script&gt;..&lt;/script&gt;&lt;/p&gt;") // "&lt;p&gt;Hi &lt;/p&gt;"
 * ExcerptMarkup.fromPlainText("One.\n\nTwo.") // "&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;"
 * </pre>
 */
public final class ExcerptMarkup {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    private ExcerptMarkup() {
    }

    public static String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }

    /** Plain text with paragraphs separated by blank lines, escaped and wrapped in {@code <p>}. */
    public static String fromPlainText(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(text.strip())) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                html.append("<p>").append(HtmlText.escape(p).replaceAll("\\R", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * What an editor types: paragraphs separated by blank lines, each with links, bold and italic
     * written as HTML. Each paragraph is sanitized; anything else is dropped.
     */
    public static String fromEditorText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(text.strip())) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                html.append("<p>").append(p.replaceAll("\\R", "<br>")).append("</p>");
            }
        }
        return sanitize(html.toString());
    }

    /** The stored HTML back as an editor sees it in the compose form. */
    public static String toEditorText(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)</p>\\s*<p>", "\n\n").replaceAll("(?i)</?p>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replace(" rel=\"noopener noreferrer\"", "");
        // The sanitizer writes many characters as numeric entities; give the editor the characters back,
        // except those that would turn quoted text into markup.
        return NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            int code = Integer.parseInt(m.group(1));
            return code == '<' || code == '>' || code == '&' ? m.group() : Matcher.quoteReplacement(Character.toString(code));
        }).replace("&amp;", "&").strip();
    }

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d{1,7});");

    /** The text a reader sees, without markup: for teasers and word counts. */
    public static String toPlainText(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html.replace("</p>", "</p>\n")).replaceAll("");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#34;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&").strip();
    }

    public static int wordCount(String html) {
        String text = toPlainText(html);
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }
}
