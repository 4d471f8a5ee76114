package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.post.PostMerge.Choice;
import org.newsdesk.post.PostMerge.Outcome;

/** The three-way merge after an edit conflict: what each side changed survives, clashes wait for a choice. */
class PostMergeTest {

    private static PostDraft opened() {
        PostDraft draft = new PostDraft();
        draft.setHeadline("Iraq weighs how to restrain militias");
        draft.setTags("Iraq, Israel");
        ExcerptDraft excerpt = draft.addExcerpt();
        excerpt.setOutletId(1L);
        excerpt.setDek("Baghdad fears being drawn in");
        excerpt.setCaption("Mourners in Baghdad");
        excerpt.setPhotoId(7L);
        excerpt.addRelated().setTitle("Earlier");
        excerpt.getRelated().get(0).setUrl("https://example.org/earlier");
        return draft;
    }

    private static PostMerge merge(PostDraft base, PostDraft theirs, PostDraft mine) {
        return PostMerge.of(base, theirs, mine, id -> "OUTLET " + id);
    }

    @Test
    void eachSidesChangeToADifferentFieldSurvives() {
        PostDraft theirs = opened();
        theirs.setHeadline("Iraq moves to rein in militias");
        PostDraft mine = opened();
        mine.getExcerpts().get(0).setDek("Baghdad fears being drawn into the war");

        PostMerge merge = merge(opened(), theirs, mine);

        assertEquals("Iraq moves to rein in militias", merge.merged().getHeadline());
        assertEquals("Baghdad fears being drawn into the war", merge.merged().getExcerpts().get(0).getDek());
        assertEquals(7L, merge.merged().getExcerpts().get(0).getPhotoId(), "a field nobody touched stays");
        assertTrue(merge.conflicts().isEmpty());
        assertEquals(List.of(Outcome.THEIRS, Outcome.MINE), merge.fields().stream().map(PostMerge.Field::outcome).toList());
        assertEquals("Iraq weighs how to restrain militias", merge.fields().get(0).base());
        assertEquals("Iraq moves to rein in militias", merge.fields().get(0).theirs());
    }

    /** The import fills in the source article's length while an editor notes the photo's licence: both survive. */
    @Test
    void theSourceLengthAndThePhotoLicenceMergeAsFields() {
        PostDraft theirs = opened();
        theirs.getExcerpts().get(0).setSourceWordCount(780);
        PostDraft mine = opened();
        mine.getExcerpts().get(0).setPhotoLicence("AP Newsroom #1234");

        PostMerge merge = merge(opened(), theirs, mine);

        assertEquals(780, merge.merged().getExcerpts().get(0).getSourceWordCount());
        assertEquals("AP Newsroom #1234", merge.merged().getExcerpts().get(0).getPhotoLicence());
        assertEquals(List.of("Excerpt 1: photo licence", "Excerpt 1: source article's length in words"),
                merge.fields().stream().map(field -> field.label().english()).sorted().toList());
        assertTrue(merge.conflicts().isEmpty());
    }

    @Test
    void bothChangingOneFieldWaitsForAChoiceAndKeepsWhatIWroteMeanwhile() {
        PostDraft theirs = opened();
        theirs.getExcerpts().get(0).setCaption("Their caption");
        PostDraft mine = opened();
        mine.getExcerpts().get(0).setCaption("My caption");

        PostMerge merge = merge(opened(), theirs, mine);

        assertEquals(1, merge.conflicts().size());
        PostMerge.Field clash = merge.conflicts().get(0);
        assertEquals("excerpts.0.caption", clash.key());
        assertEquals("Excerpt 1: caption", clash.label().english());
        assertEquals("Their caption", clash.theirs());
        assertEquals("My caption", clash.mine());
        assertEquals("My caption", merge.merged().getExcerpts().get(0).getCaption());
        assertEquals(1, merge.undecided(Map.of()).size());

        PostDraft keptMine = PostDraft.copyOf(merge.merged());
        PostDraft onThePage = merge.merged();
        merge.resolve(onThePage, Map.of("excerpts.0.caption", Choice.THEIRS));
        assertEquals("Their caption", onThePage.getExcerpts().get(0).getCaption());

        merge.resolve(keptMine, Map.of("excerpts.0.caption", Choice.MINE));
        assertEquals("My caption", keptMine.getExcerpts().get(0).getCaption());
        assertTrue(merge.undecided(Map.of("excerpts.0.caption", Choice.MINE)).isEmpty());
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        PostDraft theirs = opened();
        theirs.setTags("Iraq, Israel, Hezbollah");
        PostDraft mine = opened();
        mine.setTags("Iraq, Israel, Hezbollah ");

        PostMerge merge = merge(opened(), theirs, mine);

        assertTrue(merge.conflicts().isEmpty());
        assertEquals(Outcome.BOTH_SAME, merge.fields().get(0).outcome());
    }

    @Test
    void anEmptyFieldSubmittedAsNothingIsNoChange() {
        PostDraft base = opened();
        base.setSection("");
        PostDraft mine = opened();
        mine.setSection(null);
        mine.getExcerpts().get(0).setDek("Baghdad fears being drawn in\r\n");
        assertTrue(merge(base, opened(), mine).fields().isEmpty());
    }

    @Test
    void anExcerptAddedOnOneSideIsKeptWithTheOtherSidesChanges() {
        PostDraft theirs = opened();
        theirs.setHeadline("Their headline");
        PostDraft mine = opened();
        mine.addExcerpt().setOutletId(2L);

        PostMerge merge = merge(opened(), theirs, mine);

        assertEquals("Their headline", merge.merged().getHeadline());
        assertEquals(2, merge.merged().getExcerpts().size());
        assertEquals(2L, merge.merged().getExcerpts().get(1).getOutletId());
        assertEquals("2: OUTLET 1, OUTLET 2", merge.fields().get(1).mine());
        assertTrue(merge.conflicts().isEmpty());
    }

    @Test
    void excerptsAddedOnOneSideAndEditedOnTheOtherAreAConflict() {
        PostDraft theirs = opened();
        theirs.getExcerpts().get(0).setDek("Their dek");
        PostDraft mine = opened();
        mine.addExcerpt();

        PostMerge merge = merge(opened(), theirs, mine);

        assertEquals(List.of("excerpts"), merge.conflicts().stream().map(PostMerge.Field::key).toList());
        PostDraft page = merge.merged();
        assertEquals(2, page.getExcerpts().size(), "until the editor chooses, the form keeps what they typed");
        merge.resolve(page, Map.of("excerpts", Choice.THEIRS));
        assertEquals(1, page.getExcerpts().size());
        assertEquals("Their dek", page.getExcerpts().get(0).getDek());
    }

    @Test
    void relatedLinksMergeAsOneField() {
        PostDraft mine = opened();
        mine.getExcerpts().get(0).addRelated();
        mine.getExcerpts().get(0).getRelated().get(1).setTitle("Later");
        mine.getExcerpts().get(0).getRelated().get(1).setUrl("https://example.org/later");
        PostMerge merge = merge(opened(), opened(), mine);
        assertEquals(2, merge.merged().getExcerpts().get(0).getRelated().size());
        assertEquals("Earlier (https://example.org/earlier); Later (https://example.org/later)", merge.fields().get(0).mine());
    }
}
