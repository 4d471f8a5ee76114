package org.newsdesk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteIdentityTest {

    private static SiteIdentity speaking(String language) {
        return new SiteIdentity("Site", "", language, null);
    }

    @Test
    void arabicHebrewPersianAndUrduSitesAreLaidOutRightToLeft() {
        for (String language : new String[] {"ar", "ar-EG", "he", "he-IL", "fa", "ur"}) {
            assertTrue(speaking(language).isRightToLeft(), language);
            assertEquals("rtl", speaking(language).getDirection());
        }
        for (String language : new String[] {"en", "el", "pt-BR", "tr"}) {
            assertFalse(speaking(language).isRightToLeft(), language);
            assertEquals("ltr", speaking(language).getDirection());
        }
    }

    @Test
    void languageTagsAreCheckedAndWrittenTheStandardWay() {
        assertEquals("pt-BR", SiteIdentity.checkedLanguage(" PT-br "));
        assertEquals("ar", SiteIdentity.checkedLanguage("ar"));
        for (String wrong : new String[] {"english", "e", "", "en_US", "ar-<b>"}) {
            assertThrows(IllegalArgumentException.class, () -> SiteIdentity.checkedLanguage(wrong), wrong);
        }
    }

    @Test
    void aLogoIsAWebAddressOrAPathOnTheSiteAndNothingElse() {
        assertEquals("/logo.png", SiteIdentity.checkedLogo(" /logo.png "));
        assertEquals("https://cdn.example.org/l.png", SiteIdentity.checkedLogo("https://cdn.example.org/l.png"));
        for (String wrong : new String[] {"javascript:alert(1)", "//evil.example/x.png", "logo.png", "data:image/png;base64,AA", "https://"}) {
            assertThrows(IllegalArgumentException.class, () -> SiteIdentity.checkedLogo(wrong), wrong);
        }
        assertEquals("https://news.example.org/logo.png", new SiteIdentity("S", "", "en", "/logo.png").logoUrl("https://news.example.org"));
    }

    @Test
    void theDesksOverridesWinAndAnEmptyLogoThereMeansNone() {
        SiteIdentity environment = new SiteIdentity("Newsdesk", "Tagline", "en", "/env-logo.png");
        assertEquals(environment, SiteSettings.resolve(environment, Map.of()));
        SiteIdentity overridden = SiteSettings.resolve(environment, Map.of(SiteSettings.NAME, "أخبار", SiteSettings.LANGUAGE, "ar",
                SiteSettings.LOGO, "", SiteSettings.TAGLINE, ""));
        assertEquals("أخبار", overridden.name());
        assertEquals("ar", overridden.language());
        assertNull(overridden.logo());
        assertEquals("", overridden.tagline());
    }

    @Test
    void namesAndTaglinesHaveLimits() {
        assertEquals("Newsdesk", SiteIdentity.checkedName("  Newsdesk "));
        assertThrows(IllegalArgumentException.class, () -> SiteIdentity.checkedName(" "));
        assertThrows(IllegalArgumentException.class, () -> SiteIdentity.checkedName("x".repeat(81)));
        assertThrows(IllegalArgumentException.class, () -> SiteIdentity.checkedTagline("x".repeat(201)));
    }
}
