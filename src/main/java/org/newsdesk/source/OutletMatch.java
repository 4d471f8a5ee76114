package org.newsdesk.source;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.newsdesk.outlet.Outlet;

/**
 * Which of the registry's outlets a source page belongs to: the one whose domain the page is on (the longest
 * wins, {@code uk.reuters.com} over {@code reuters.com}), else the one whose name the page gives, compared without
 * case, accents or spacing ("Reuters" is the registry's "REUTERS", "Le Monde" its "LE MONDE"); else a new outlet is
 * proposed under the page's own name for itself, never under an address or a bare host name.
 *
 * <pre>
 * OutletMatch match = OutletMatch.of(outlets.all(), "reuters.com", "Reuters");
 * match.outlet();   // the registry's REUTERS
 * match.where();    // "the registry, by domain"
 * </pre>
 *
 * @param outlet       the registry's outlet, or null
 * @param proposedName the name proposed for a new outlet (null when the page names none)
 * @param where        how the outlet was found, for the editor
 */
public record OutletMatch(Outlet outlet, String proposedName, String where) {

    private static final int MAX_NAME = 120;

    public static OutletMatch of(List<Outlet> registry, String host, String siteName) {
        Outlet byDomain = host == null ? null : registry.stream().filter(o -> o.isHomeOf(host))
                .max(Comparator.comparingInt(o -> o.getDomain().length())).orElse(null);
        if (byDomain != null) {
            return new OutletMatch(byDomain, null, Provenance.REGISTRY_DOMAIN);
        }
        String name = usable(siteName, host);
        if (name != null) {
            String key = key(name);
            for (Outlet outlet : registry) {
                if (key.equals(key(outlet.getName()))) {
                    return new OutletMatch(outlet, null, Provenance.REGISTRY_NAME);
                }
            }
            return new OutletMatch(null, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name, Provenance.NEW_OUTLET);
        }
        return new OutletMatch(null, null, "not found: the page does not name its site; give the outlet");
    }

    /** A site name worth proposing: not an address, not the host written out, not empty. */
    private static String usable(String siteName, String host) {
        if (siteName == null || siteName.isBlank()) {
            return null;
        }
        String name = siteName.strip();
        String bare = name.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
        if (isAddress(bare) || (host != null && bare.equals(host)) || bare.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            return null;
        }
        return name;
    }

    /** Whether a host is an IP address (v4 or v6) rather than a name. */
    public static boolean isAddress(String host) {
        return host != null && (host.matches("[0-9.]+") || host.contains(":") || host.startsWith("["));
    }

    /** A name compared without case, accents, punctuation or a leading "The". */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return folded.replaceFirst("^the\\s+", "").replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
