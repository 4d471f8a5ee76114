package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The site's address is required and must be one: a start-up without it fails, saying what to set. */
class ConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty("newsdesk.site.url");
    }

    @Test
    void theSiteAddressIsTakenWithoutItsTrailingSlash() {
        System.setProperty("newsdesk.site.url", "https://news.example.org/");
        assertEquals("https://news.example.org", Config.siteUrl());
        System.setProperty("newsdesk.site.url", "http://localhost:8080/newsdesk/");
        assertEquals("http://localhost:8080/newsdesk", Config.siteUrl());
    }

    @Test
    void aMissingOrMalformedSiteAddressIsRefusedWithWhatToSet() {
        System.setProperty("newsdesk.site.url", " ");
        if (System.getenv("NEWSDESK_SITE_URL") == null) {
            assertTrue(assertThrows(IllegalStateException.class, Config::siteUrl).getMessage().startsWith("NEWSDESK_SITE_URL is not set"));
        }
        for (String wrong : new String[] {"news.example.org", "ftp://news.example.org", "https://news.example.org/?q=1",
                "https://user@evil.example.org", "https://news example.org"}) {
            System.setProperty("newsdesk.site.url", wrong);
            assertTrue(assertThrows(IllegalStateException.class, Config::siteUrl, wrong).getMessage()
                    .startsWith("NEWSDESK_SITE_URL must be an http or https address"), wrong);
        }
    }
}
