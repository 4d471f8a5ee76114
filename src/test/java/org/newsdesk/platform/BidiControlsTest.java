package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BidiControlsTest {

    @Test
    void anOverrideIsRemovedWithItsClose() {
        assertEquals("abcdef", BidiControls.neutralise("abc\u202Edef"));
        assertEquals("user said: gnp.exe", BidiControls.neutralise("user said: \u202Egnp.exe\u202C"));
    }

    @Test
    void aBalancedIsolateOrEmbeddingStaysAndAStrayOneGoes() {
        assertEquals("a \u2067שלום\u2069 b", BidiControls.neutralise("a \u2067שלום\u2069 b"));
        assertEquals("a \u202Bשלום\u202C b", BidiControls.neutralise("a \u202Bשלום\u202C b"));
        assertEquals("a שלום b", BidiControls.neutralise("a \u2067שלום b"), "never closed");
        assertEquals("a b", BidiControls.neutralise("a \u2069b\u202C"), "closers without openers");
        assertEquals("line \n\u2066x\u2069", BidiControls.neutralise("line \u2066\n\u2066x\u2069"), "closed on its own line only");
    }

    @Test
    void marksTypistsUseStay() {
        String marked = "سعر ‏100‎ دولار \u061C";
        assertEquals(marked, BidiControls.neutralise(marked));
    }
}
