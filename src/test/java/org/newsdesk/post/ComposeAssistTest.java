package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.JsonbBuilder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ComposeAssistTest {

    /** An autosave gives back everything that was typed: every excerpt, its links, in every script. */
    @Test
    void anAutosavedDraftComesBackWhole() throws Exception {
        PostDraft draft = new PostDraft();
        draft.setHeadline("Militias — מיליציות — الميليشيات 📰");
        draft.setTags("Iraq, Israel");
        draft.setCommentsOpen(false);
        draft.setCommentsCloseAfterDays(3);
        ExcerptDraft first = draft.addExcerpt();
        first.setOutletId(4L);
        first.setArticleUrl("https://www.thenationalnews.com/a");
        first.setOriginalPublishedOn(LocalDate.of(2024, 11, 1));
        first.setDek("Kurdish view");
        first.setBodyText("One <b>two</b>\n\nThree 🗞️");
        first.setPhotoId(9L);
        first.setPhotoAlt("Mourners — مشيعون");
        RelatedLinkDraft link = first.addRelated();
        link.setTitle("Related");
        link.setUrl("https://example.org/r");
        ExcerptDraft second = draft.addExcerpt();
        second.setNewOutletName("KURDISTAN 24");
        second.setNewOutletDomain("kurdistan24.net");

        String json = ComposeAssist.json(draft);
        PostDraft back = JsonbBuilder.create().fromJson(json, PostDraft.class);
        assertEquals(json, ComposeAssist.json(back));
        assertEquals(2, back.getExcerpts().size());
        assertEquals("Kurdish view", back.getExcerpts().get(0).getDek());
        assertEquals(LocalDate.of(2024, 11, 1), back.getExcerpts().get(0).getOriginalPublishedOn());
        assertEquals("https://example.org/r", back.getExcerpts().get(0).getRelated().get(0).getUrl());
        assertEquals("kurdistan24.net", back.getExcerpts().get(1).getNewOutletDomain());
    }
}
