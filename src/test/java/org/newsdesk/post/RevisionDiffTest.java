package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionDiffTest {

    @Test
    void showsWhatWasKeptRemovedAndAdded() {
        List<RevisionDiff.Line> diff = RevisionDiff.between(
                List.of("Headline: Old", "¶ one", "¶ two"), List.of("Headline: New", "¶ one", "¶ two", "¶ three"));
        assertEquals(List.of("− Headline: Old", "+ Headline: New", "  ¶ one", "  ¶ two", "+ ¶ three"),
                diff.stream().map(l -> l.getMark() + " " + l.text()).toList());
    }

    @Test
    void identicalRevisionsHaveNoChanges() {
        assertEquals(List.of(RevisionDiff.Kind.SAME), RevisionDiff.between(List.of("a"), List.of("a"))
                .stream().map(RevisionDiff.Line::kind).toList());
    }
}
