package org.newsdesk.site;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.RefusedValue;
import org.newsdesk.platform.Texts;

/**
 * What the site calls itself and in which language it speaks: the masthead, the page's {@code lang} and
 * {@code dir}, the feeds' title and language, the share card of the front page and the publisher in JSON-LD.
 *
 * @param name     "Newsdesk"
 * @param tagline  the line under the masthead; may be empty
 * @param language a BCP 47 tag: {@code en}, {@code ar}, {@code pt-BR}
 * @param logo     the logo's address, whole ({@code https://...}) or on this site ({@code /media/k3x.../medium}); null for none
 */
public record SiteIdentity(String name, String tagline, String language, String logo) {

    public static final int NAME_MAX = 80;
    public static final int TAGLINE_MAX = 200;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

    public SiteIdentity {
        tagline = tagline == null ? "" : tagline;
    }

    /** Whether the site's own language is written right to left, so the whole page is laid out that way. */
    public boolean isRightToLeft() {
        return Texts.isRightToLeft(Locale.forLanguageTag(language));
    }

    /** {@code rtl} or {@code ltr}, for the html element. */
    public String getDirection() {
        return isRightToLeft() ? "rtl" : "ltr";
    }

    /** The logo's whole address, for share cards and JSON-LD; null when there is none. */
    public String logoUrl(String siteUrl) {
        return logo == null ? null : logo.startsWith("/") ? siteUrl + logo : logo;
    }

    static String checkedName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > NAME_MAX) {
            throw new RefusedValue(Phrase.of("site.refused.name", NAME_MAX));
        }
        return stripped;
    }

    static String checkedTagline(String tagline) {
        String stripped = tagline.strip();
        if (stripped.length() > TAGLINE_MAX) {
            throw new RefusedValue(Phrase.of("site.refused.tagline", TAGLINE_MAX));
        }
        return stripped;
    }

    /** A language tag as {@link Locale} understands it, normalised ({@code PT-br} is {@code pt-BR}). */
    static String checkedLanguage(String tag) {
        String stripped = tag.strip();
        Locale locale = Locale.forLanguageTag(stripped);
        if (!LANGUAGE_TAG.matcher(stripped).matches() || locale.getLanguage().isEmpty()) {
            throw new RefusedValue(Phrase.of("site.refused.language"));
        }
        return locale.toLanguageTag();
    }

    /** An https or http address, or a path on this site. */
    static String checkedLogo(String address) {
        String stripped = address.strip();
        try {
            URI uri = new URI(stripped);
            boolean onSite = uri.getScheme() == null && uri.getHost() == null && stripped.startsWith("/") && !stripped.startsWith("//");
            boolean whole = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            if (onSite || whole) {
                return stripped;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new RefusedValue(Phrase.of("site.refused.logo"));
    }
}
