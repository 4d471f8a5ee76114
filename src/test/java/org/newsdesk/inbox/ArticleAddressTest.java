package org.newsdesk.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** One article, however a feed writes its address; two sites, even on one host. */
class ArticleAddressTest {

    @Test
    void theSameArticleWhateverTheFeedAddsToItsAddress() {
        String plain = ArticleAddress.key("https://www.example.com/world/2026/12/07/militias/");
        assertEquals(plain, ArticleAddress.key("https://example.com/world/2026/12/07/militias?utm_source=rss&utm_medium=feed"));
        assertEquals(plain, ArticleAddress.key("https://EXAMPLE.com/world/2026/12/07/militias#comments"));
        assertNotEquals(plain, ArticleAddress.key("https://example.com/world/2026/12/07/militias?id=2"), "a query that names the article stays");
    }

    @Test
    void anotherPortIsAnotherSite() {
        assertNotEquals(ArticleAddress.key("http://127.0.0.1:41001/jsonld"), ArticleAddress.key("http://127.0.0.1:41002/jsonld"));
        assertEquals("127.0.0.1:41001/jsonld?id=3", ArticleAddress.key("http://127.0.0.1:41001/jsonld?id=3&utm_campaign=x"));
    }
}
