package org.newsdesk.platform;

/**
 * Text cut to fit a column or a message, marked with an ellipsis, never inside a character: an emoji or other
 * character outside the Basic Multilingual Plane is two Java chars, and cutting between them would store a broken
 * character.
 *
 * <pre>
 * TextLimit.shorten("Iraq's militias announce a pause", 12)   // "Iraq's mili…" (12 chars)
 * TextLimit.shorten(null, 12)                                // null
 * </pre>
 */
public final class TextLimit {

    private TextLimit() {
    }

    /** {@code text} if it has at most {@code max} chars, else its beginning and "…", {@code max} chars at most. */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
