package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageNumberTest {

    @Test
    void noParameterIsTheFirstPage() {
        assertEquals(1, PageNumber.parse(null));
        assertEquals(1, PageNumber.orFirst(null));
    }

    @Test
    void aNumberIsThatPage() {
        assertEquals(3, PageNumber.parse("3"));
    }

    @Test
    void anythingElseIsNoPageOrTheFirstOnTheDesk() {
        for (String wrong : new String[] {"0", "-2", "abc", "9999999", "1 OR 1=1", ""}) {
            assertEquals(0, PageNumber.parse(wrong), wrong);
            assertEquals(1, PageNumber.orFirst(wrong), wrong);
        }
    }
}
