package org.newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/**
 * The site's identity as the environment gives it: its name, tagline, language and logo. An administrator
 * overrides each of them on the desk's Site page ({@link SiteSettings}); the environment's value is what a
 * field left empty there falls back to.
 */
@ApplicationScoped
public class SiteConfig implements ConfigArea {

    public static final Setting<String> SITE_NAME = Setting.of("SITE_NAME", "Newsdesk", "a name of 1 to 80 characters",
            text -> SiteIdentity.checkedName(text), "the site's name: the masthead, titles, feeds, share cards and search engines show it");
    public static final Setting<String> SITE_TAGLINE = Setting.of("SITE_TAGLINE",
            "What the world's newsrooms are reporting, in their words", "up to 200 characters",
            text -> SiteIdentity.checkedTagline(text), "the line under the masthead, and the description of the front page and the feeds");
    public static final Setting<String> SITE_LANGUAGE = Setting.of("SITE_LANGUAGE", "en",
            "a language tag such as en, ar, he, el or pt-BR", SiteIdentity::checkedLanguage,
            "the language of the site's own words: the page's lang, the feeds' language; ar, he, fa and ur lay the site out right to left");
    public static final Setting<String> SITE_LOGO = Setting.of("SITE_LOGO", null,
            "an https address, or a path on this site such as /logo.png", SiteIdentity::checkedLogo,
            "the site's logo, shown in the masthead and given to search engines as the publisher's logo");

    @Override
    public List<Setting<?>> settings() {
        return List.of(SITE_NAME, SITE_TAGLINE, SITE_LANGUAGE, SITE_LOGO);
    }

    /** What the environment says, before the desk's overrides. */
    public SiteIdentity defaults() {
        return new SiteIdentity(SITE_NAME.value(), SITE_TAGLINE.value(), SITE_LANGUAGE.value(), SITE_LOGO.optional().orElse(null));
    }
}
