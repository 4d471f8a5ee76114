package org.newsdesk.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void markupIsEscapedNeverRendered() {
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>",
                CommentText.toHtml("<script>alert('x')</script> <img src=x onerror=alert(1)>"));
    }

    @Test
    void blankLinesMakeParagraphsAndSingleBreaksStay() {
        assertEquals("<p>One<br>two</p><p>Three</p>", CommentText.toHtml("One\ntwo\n\n\nThree"));
    }

    @Test
    void webAddressesBecomeNofollowLinks() {
        assertEquals("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc\">"
                        + "https://example.org/a?b=1&amp;c=2</a>.</p>",
                CommentText.toHtml("See https://example.org/a?b=1&c=2."));
        assertEquals(2, org.newsdesk.comment.rules.Links.count("http://a.example and https://b.example/x"));
    }

    @Test
    void controlCharactersGoButEmojiAndRightToLeftTextStay() {
        assertEquals("bell gone\nשלום 👋", CommentText.normalize("  bell\u0007 gone\r\nשלום 👋\u0000 "));
    }
}
