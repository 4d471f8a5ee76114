package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.newsdesk.outlet.Outlet;

class PostSnapshotTest {

    @Test
    void aSnapshotRestoresAsTheSameDraft() {
        Post post = new Post("Iraq weighs its options", null, Instant.EPOCH);
        post.getTags().add(new Tag("Iraq"));
        post.getTags().add(new Tag("Iran"));
        Excerpt excerpt = post.addExcerpt();
        excerpt.setOutlet(new Outlet("REUTERS", "reuters.com"));
        excerpt.setArticleUrl("https://www.reuters.com/a");
        excerpt.setOriginalPublishedOn(LocalDate.of(2024, 11, 1));
        excerpt.setDek("A dek");
        excerpt.setBody(ExcerptMarkup.fromEditorText("One <b>bold</b> word.\n\nSudani’s “quote” & more."));
        excerpt.setCreditLine("REUTERS/Thaier Al-Sudani");
        excerpt.getRelatedLinks().add(new RelatedLink("Earlier", "https://www.reuters.com/b"));

        String json = PostSnapshot.toJson(post);
        PostDraft draft = PostSnapshot.toDraft(json, "slug");
        assertEquals("Iraq weighs its options", draft.getHeadline());
        assertEquals("Iran, Iraq", draft.getTags(), "tags by name, whatever order they were added in");
        ExcerptDraft restored = draft.getExcerpts().get(0);
        assertEquals("https://www.reuters.com/a", restored.getArticleUrl());
        assertEquals("A dek", restored.getDek());
        assertEquals("REUTERS/Thaier Al-Sudani", restored.getCreditLine());
        assertEquals("One <b>bold</b> word.\n\nSudani’s “quote” & more.", restored.getBodyText());
        assertEquals(LocalDate.of(2024, 11, 1), restored.getOriginalPublishedOn());
        assertEquals("Earlier", restored.getRelated().get(0).getTitle());
        assertTrue(PostSnapshot.toLines(json).contains("Excerpt 1 ¶ One <b>bold</b> word."));
    }

    /** The source article's length and the photo's licence are part of what a revision keeps, restores and compares. */
    @Test
    void aSnapshotKeepsTheSourceLengthAndThePhotoLicence() {
        Post post = new Post("Policies", null, Instant.EPOCH);
        Excerpt excerpt = post.addExcerpt();
        excerpt.setSourceWordCount(780);
        excerpt.setPhotoLicence("Licensed via AP Newsroom subscription #1234");
        String json = PostSnapshot.toJson(post);
        ExcerptDraft restored = PostSnapshot.toDraft(json, "policies").getExcerpts().get(0);
        assertEquals(780, restored.getSourceWordCount());
        assertEquals("Licensed via AP Newsroom subscription #1234", restored.getPhotoLicence());
        assertTrue(PostSnapshot.toLines(json).contains("Excerpt 1 source article words: 780"));
        assertTrue(PostSnapshot.toLines(json).contains("Excerpt 1 photo licence: Licensed via AP Newsroom subscription #1234"));

        String before = "{\"headline\":\"Old\",\"section\":null,\"tags\":\"\",\"commentsOpen\":true,\"excerpts\":[{\"outletId\":null,"
                + "\"articleUrl\":null,\"originalPublishedOn\":null,\"dek\":null,\"body\":null,\"photoId\":null,\"caption\":null,"
                + "\"creditLine\":null,\"lengthOverrideReason\":null,\"related\":[]}]}";
        ExcerptDraft old = PostSnapshot.toDraft(before, "old").getExcerpts().get(0);
        assertEquals(null, old.getSourceWordCount(), "a revision kept before issue 14 restores without them");
        assertEquals(null, old.getPhotoLicence());
        assertTrue(PostSnapshot.toLines(before).contains("Excerpt 1 source article words: "));
    }
}
