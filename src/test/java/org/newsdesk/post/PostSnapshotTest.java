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
}
