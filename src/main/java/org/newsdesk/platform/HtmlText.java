package org.newsdesk.platform;

/**
 * Plain text made safe to place in HTML, as element content or inside a quoted attribute.
 *
 * <pre>
 * HtmlText.escape("Tom &amp; \"Jerry\" &lt;b&gt;") // "Tom &amp;amp; &amp;quot;Jerry&amp;quot; &amp;lt;b&amp;gt;"
 * </pre>
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
