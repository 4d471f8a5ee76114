package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsdesk.outlet.Outlet;

class ExcerptTest {

    @Test
    void theSourceLineShowsTheArticlesHost() {
        Excerpt excerpt = new Post("H", null, Instant.EPOCH).addExcerpt();
        excerpt.setArticleUrl("https://WWW.TimesOfIsrael.com/iraq-trying/");
        assertEquals("www.timesofisrael.com", excerpt.getSourceHost());
        excerpt.setArticleUrl("not a url");
        assertNull(excerpt.getSourceHost());
    }

    @Test
    void theCreditFollowsTheOutletsStyle() {
        Excerpt excerpt = new Post("H", null, Instant.EPOCH).addExcerpt();
        Outlet outlet = new Outlet("TIMES OF ISRAEL", "www.timesofisrael.com");
        excerpt.setOutlet(outlet);
        excerpt.setCreditLine("AP Photo/Hadi Mizban");
        assertEquals("AP Photo/Hadi Mizban", excerpt.getStyledCredit());
        outlet.setCreditStyle("({credit})");
        assertEquals("(AP Photo/Hadi Mizban)", excerpt.getStyledCredit());
        assertEquals("timesofisrael.com", outlet.getDomain());
    }
}
