package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextLimitTest {

    @Test
    void textThatFitsIsKept() {
        assertEquals("שלום", TextLimit.shorten("שלום", 4));
        assertNull(TextLimit.shorten(null, 4));
    }

    @Test
    void longerTextIsCutWithAnEllipsisWithinTheLimit() {
        assertEquals("Iraq's mili…", TextLimit.shorten("Iraq's militias announce a pause", 12));
    }

    @Test
    void anEmojiAtTheCutIsLeftOutWholeNotHalved() {
        // "ab" + 📰 (two chars) + "cd": cut to 4, the emoji would straddle the cut.
        String shortened = TextLimit.shorten("ab📰cd", 4);
        assertEquals("ab…", shortened);
        assertEquals("ab📰…", TextLimit.shorten("ab📰cd", 5));
    }
}
