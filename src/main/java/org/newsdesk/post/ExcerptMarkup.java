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
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    private ExcerptMarkup() {
    }

    /**
     * The allowed markup of {@code html}, with every character as typed. The sanitizer writes emoji, CJK
     * punctuation and other characters as numeric references ({@code &#x1f44d;}); they are turned back
     * into characters, so the database holds what people wrote (searchable, and the same on every path),
     * except the five that could turn text into markup.
     */
    public static String sanitize(String html) {
        return html == null ? null : characters(POLICY.sanitize(html));
    }

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private static String characters(String html) {
        return NUMERIC_REFERENCE.matcher(html).replaceAll(m -> {
            int code = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            boolean markup = code == '<' || code == '>' || code == '&' || code == '"' || code == '\''
                    || code < 0x20 || code == 0x7f || !Character.isValidCodePoint(code)
                    || Character.getType(code) == Character.SURROGATE;
            return markup ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(Character.toString(code));
        });
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
                // The sanitizer adds rel to every link, its two words in either order; it adds it again on the way in.
                .replaceAll(" rel=\"[^\"]*\"", "");
        // Bodies stored before sanitize() kept characters may still hold numeric references: give the
        // editor the characters back, except those that would turn quoted text into markup.
        return characters(text).replace("&#34;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    /** The text a reader sees, without markup: for teasers and word counts. */
    public static String toPlainText(String html) {
        if (html == null) {
            return "";
        }
        // A line break separates words as a paragraph does ("one<br>two" is two words, as the compose page counts them).
        String text = TAG.matcher(LINE_BREAK.matcher(html.replace("</p>", "</p>\n")).replaceAll("\n")).replaceAll("");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#34;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&").strip();
    }

    public static int wordCount(String html) {
        String text = toPlainText(html);
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }
}
