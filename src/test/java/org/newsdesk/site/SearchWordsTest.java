package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void everyWordMustAppearAsAWordOrItsStart() {
        assertEquals("+iraq* +militia*", SearchWords.booleanQuery("Iraq  militia"));
    }

    @Test
    void typedOperatorsAreNotOperators() {
        assertEquals("+xx* +yy*", SearchWords.booleanQuery("-\"xx x\" (yy) @a"));
        assertEquals("", SearchWords.booleanQuery("+-*()~<>\"@"));
        assertEquals("", SearchWords.booleanQuery(null));
    }

    @Test
    void otherScriptsAreWordsToo() {
        assertEquals("+العراق*", SearchWords.booleanQuery("العراق"));
    }
}
