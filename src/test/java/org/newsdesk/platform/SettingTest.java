package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings come through MicroProfile Config (SmallRye Config stands in for Payara's here): the system property
 * {@code newsdesk.page.cache.mb} or the variable {@code NEWSDESK_PAGE_CACHE_MB}. A value that cannot be used is
 * refused with a message naming the variable and what it takes; the start lists every such message.
 */
class SettingTest {

    @AfterEach
    void clear() {
        for (String key : List.of("newsdesk.site.url", "newsdesk.page.cache.mb", "newsdesk.timezone", "newsdesk.hsts",
                "newsdesk.trusted.proxies", "newsdesk.db.server")) {
            System.clearProperty(key);
        }
    }

    @Test
    void theSiteAddressIsTakenWithoutItsTrailingSlash() {
        System.setProperty("newsdesk.site.url", "https://news.example.org/");
        assertEquals("https://news.example.org", PlatformConfig.SITE_URL.value());
        System.setProperty("newsdesk.site.url", "http://localhost:8080/newsdesk/");
        assertEquals("http://localhost:8080/newsdesk", PlatformConfig.SITE_URL.value());
    }

    @Test
    void aMissingOrMalformedSiteAddressIsRefusedWithWhatToSet() {
        System.setProperty("newsdesk.site.url", " ");
        if (System.getenv("NEWSDESK_SITE_URL") == null) {
            assertTrue(assertThrows(IllegalStateException.class, PlatformConfig.SITE_URL::value).getMessage()
                    .startsWith("NEWSDESK_SITE_URL is not set: set it to the site's public address"));
            assertTrue(StartupChecks.problems(List.of(new PlatformConfig())).get(0)
                    .startsWith("NEWSDESK_SITE_URL is not set"), "the start refuses a required setting left unset");
        }
        for (String wrong : new String[] {"news.example.org", "ftp://news.example.org", "https://news.example.org/?q=1",
                "https://user@evil.example.org", "https://news example.org"}) {
            System.setProperty("newsdesk.site.url", wrong);
            assertEquals("NEWSDESK_SITE_URL must be an http or https address such as https://news.example.org, not '" + wrong + "'.",
                    assertThrows(IllegalStateException.class, PlatformConfig.SITE_URL::value, wrong).getMessage());
        }
    }

    @Test
    void typedValuesAndTheirDefaults() {
        assertEquals(64, PlatformConfig.PAGE_CACHE_MB.value());
        assertEquals(ZoneId.of("UTC"), PlatformConfig.TIMEZONE.value());
        System.setProperty("newsdesk.page.cache.mb", " 0 ");
        System.setProperty("newsdesk.timezone", "Asia/Baghdad");
        System.setProperty("newsdesk.hsts", "yes");
        System.setProperty("newsdesk.trusted.proxies", "127.0.0.1, 10.0.0.0/8");
        assertEquals(0, PlatformConfig.PAGE_CACHE_MB.value());
        assertEquals(ZoneId.of("Asia/Baghdad"), PlatformConfig.TIMEZONE.value());
        assertTrue(PlatformConfig.HSTS.value());
        assertEquals(2, PlatformConfig.TRUSTED_PROXIES.value().size());
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingTheVariable() {
        System.setProperty("newsdesk.page.cache.mb", "lots");
        assertEquals("NEWSDESK_PAGE_CACHE_MB must be a whole number from 0 to 65536, not 'lots'.",
                assertThrows(IllegalStateException.class, PlatformConfig.PAGE_CACHE_MB::value).getMessage());
        System.setProperty("newsdesk.page.cache.mb", "-1");
        assertThrows(IllegalStateException.class, PlatformConfig.PAGE_CACHE_MB::value, "below the least");
        System.setProperty("newsdesk.timezone", "Baghdad");
        System.setProperty("newsdesk.hsts", "maybe");
        System.setProperty("newsdesk.trusted.proxies", "10.0.0.0/8, the office");
        System.setProperty("newsdesk.db.server", "oracle");
        System.setProperty("newsdesk.site.url", "https://news.example.org");
        assertEquals(List.of(
                        "NEWSDESK_TIMEZONE must be a time zone such as UTC or Asia/Baghdad, not 'Baghdad'.",
                        "NEWSDESK_DB_SERVER must be mysql or mariadb, not 'oracle'.",
                        "NEWSDESK_PAGE_CACHE_MB must be a whole number from 0 to 65536, not '-1'.",
                        "NEWSDESK_HSTS must be true or false, not 'maybe'.",
                        "NEWSDESK_TRUSTED_PROXIES must be addresses or CIDR ranges separated by commas, such as 127.0.0.1,"
                                + " 10.0.0.0/8, not '10.0.0.0/8, the office'."),
                StartupChecks.problems(List.of(new PlatformConfig())));
    }
}
