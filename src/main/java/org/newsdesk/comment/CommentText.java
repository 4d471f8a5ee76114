package org.newsdesk.comment;

import java.util.regex.Matcher;
import org.newsdesk.platform.BidiControls;
import java.util.regex.Pattern;
import org.newsdesk.comment.rules.Links;
import org.newsdesk.platform.HtmlText;

/**
 * Readers write plain text. This keeps what they typed (minus invisible control characters, and directional
 * formatting characters that would reorder text around them: {@link BidiControls}) and turns it
 * into safe HTML for display: everything escaped, blank lines make paragraphs, single line breaks stay,
 * and web addresses become links marked {@code rel="nofollow ugc"}.
 *
 * <pre>
 * CommentText.toHtml("See https://example.com &lt;b&gt;now&lt;/b&gt;")
 * // &lt;p&gt;See &lt;a href="https://example.com" rel="nofollow ugc"&gt;https://example.com&lt;/a&gt; &amp;lt;b&amp;gt;now&amp;lt;/b&amp;gt;&lt;/p&gt;
 * </pre>
 */
public final class CommentText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\x{FFFE}\\x{FFFF}]");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private CommentText() {
    }

    /** Line breaks made uniform, control characters removed, surrounding blank space trimmed. */
    public static String normalize(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        return BidiControls.neutralise(CONTROL.matcher(unified).replaceAll("")).strip();
    }

    /** A one-line value such as a name: every control character (line breaks too) removed, trimmed. */
    public static String singleLine(String text) {
        return text == null ? null : BidiControls.neutralise(text.replaceAll("[\\p{Cc}\\x{FFFE}\\x{FFFF}\\x{2028}\\x{2029}]", " ")).strip();
    }

    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(linkify(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    private static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = Links.URL.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(HtmlText.escape(text.substring(last, m.start())));
            String url = HtmlText.escape(m.group());
            out.append("<a href=\"").append(url).append("\" rel=\"nofollow ugc\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(HtmlText.escape(text.substring(last))).toString();
    }
}
