package org.newsdesk.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletPolicies;
import org.newsdesk.outlet.PhotoPolicy;

/**
 * What a post needs before readers may see it: at least one excerpt, and every excerpt attributed (an
 * outlet, a valid http(s) article URL, the original publication date), every photo credited and described
 * (alt text); and every excerpt within its outlet's rules unless an editor recorded why not (one reason per
 * excerpt answers every rule it breaks): the word limit, the share of the source article it may quote (which
 * needs the article's length), whether the outlet's photos may be used (always, with a licence noted, never),
 * and the form of the photo credit ({@link Outlet#creditMatchesFormat}).
 */
public final class PublicationCheck {

    /** One thing to fix, naming the excerpt (1-based, or 0 for the post itself) and the field. */
    public record Problem(int excerpt, String field, String message) {
    }

    /** The rules of its outlet an excerpt breaks and the editor's reason that lets it through, for the audit log. */
    public record Override(int excerpt, String outletName, List<String> rules, String reason) {
    }

    /** The outlet rules an editor may override, by the names the messages and the audit log give them. */
    static final String WORD_LIMIT = "word limit";
    static final String SHARE = "share of an article";
    static final String PHOTO_POLICY = "photo policy";
    static final String CREDIT_FORMAT = "photo credit format";

    private PublicationCheck() {
    }

    public static List<Problem> problems(Post post) {
        return problems(post.getExcerpts().stream().map(PublicationCheck::quoted).toList());
    }

    /** The outlet rules each excerpt of the post breaks with an editor's reason given; excerpts that break none are left out. */
    public static List<Override> overrides(Post post) {
        List<Override> overrides = new ArrayList<>();
        for (Excerpt excerpt : post.getExcerpts()) {
            Quoted quoted = quoted(excerpt);
            List<String> rules = outletRules(quoted).stream().map(Breach::rule).distinct().toList();
            if (!rules.isEmpty() && !blank(quoted.overrideReason())) {
                overrides.add(new Override(quoted.n(), quoted.outletName(), rules, quoted.overrideReason().strip()));
            }
        }
        return overrides;
    }

    private static Quoted quoted(Excerpt excerpt) {
        Outlet outlet = excerpt.getOutlet();
        return new Quoted(excerpt.getPosition() + 1, outlet != null, outlet == null ? null : outlet.getName(),
                outlet == null ? null : outlet.getMaxExcerptWords(), excerpt.getArticleUrl(), excerpt.getOriginalPublishedOn() != null,
                excerpt.getPhoto() != null, excerpt.getCreditLine(), excerpt.getAltText(), excerpt.getLengthOverrideReason(),
                excerpt.getWordCount(), policies(outlet), excerpt.getSourceWordCount(), excerpt.getPhotoLicence());
    }

    /**
     * The same checks on a draft as typed, before it is saved: what the compose page shows while the editor
     * writes. {@code outlets} finds a registry outlet by id (null once gone), {@code libraryAlt} a photo's alt
     * text in the library (used when the excerpt gives none, as on publication).
     */
    public static List<Problem> problems(PostDraft draft, Function<Long, Outlet> outlets, Function<Long, String> libraryAlt) {
        List<Quoted> quoted = new ArrayList<>();
        int n = 0;
        for (ExcerptDraft excerpt : draft.getExcerpts()) {
            n++;
            Outlet outlet = excerpt.getOutletId() == null ? null : outlets.apply(excerpt.getOutletId());
            boolean newOutlet = outlet == null && !blank(excerpt.getNewOutletName()) && !blank(excerpt.getNewOutletDomain());
            boolean photo = excerpt.getPhotoId() != null;
            String alt = !photo ? null : !blank(excerpt.getPhotoAlt()) ? excerpt.getPhotoAlt() : libraryAlt.apply(excerpt.getPhotoId());
            quoted.add(new Quoted(n, outlet != null || newOutlet, outlet == null ? null : outlet.getName(),
                    outlet == null ? null : outlet.getMaxExcerptWords(), excerpt.getArticleUrl(), excerpt.getOriginalPublishedOn() != null,
                    photo, excerpt.getCreditLine(), blank(alt) ? null : alt, excerpt.getLengthOverrideReason(),
                    ExcerptMarkup.wordCount(ExcerptMarkup.fromEditorText(excerpt.getBodyText())), policies(outlet),
                    excerpt.getSourceWordCount(), excerpt.getPhotoLicence()));
        }
        return problems(quoted);
    }

    private static OutletPolicies policies(Outlet outlet) {
        return outlet == null ? OutletPolicies.NONE : OutletPolicies.of(outlet);
    }

    /** What the checks read of one excerpt, saved or as typed. */
    private record Quoted(int n, boolean hasOutlet, String outletName, Integer limit, String articleUrl, boolean dated,
                          boolean photo, String creditLine, String altText, String overrideReason, int words,
                          OutletPolicies policies, Integer sourceWords, String photoLicence) {
    }

    /** One outlet rule an excerpt breaks: the rule's name, and the problem as the editor is told it. */
    private record Breach(String rule, Problem problem) {
    }

    private static List<Problem> problems(List<Quoted> excerpts) {
        List<Problem> problems = new ArrayList<>();
        if (excerpts.isEmpty()) {
            problems.add(new Problem(0, "excerpts", "A post needs at least one excerpt."));
        }
        for (Quoted excerpt : excerpts) {
            int n = excerpt.n();
            String which = "Excerpt " + n + ": ";
            if (!excerpt.hasOutlet()) {
                problems.add(new Problem(n, "outlet", which + "choose the outlet it quotes."));
            }
            if (!isWebAddress(excerpt.articleUrl())) {
                problems.add(new Problem(n, "articleUrl", which + "give the article's address, starting with http:// or https://."));
            }
            if (!excerpt.dated()) {
                problems.add(new Problem(n, "originalPublishedOn", which + "give the date the article was published."));
            }
            if (excerpt.photo() && blank(excerpt.creditLine())) {
                problems.add(new Problem(n, "creditLine", which + "the photo needs a credit line."));
            }
            if (excerpt.photo() && excerpt.altText() == null) {
                problems.add(new Problem(n, "photoAlt", which + "the photo needs alt text: say what it shows, for readers who cannot see it."));
            }
            if (blank(excerpt.overrideReason())) {
                outletRules(excerpt).forEach(breach -> problems.add(breach.problem()));
            }
        }
        return problems;
    }

    /** The outlet's rules this excerpt breaks, whether or not an editor gave a reason to override them. */
    private static List<Breach> outletRules(Quoted excerpt) {
        List<Breach> breaches = new ArrayList<>();
        int n = excerpt.n();
        String which = "Excerpt " + n + ": ";
        String outlet = excerpt.outletName();
        String orOverride = ", or give a reason to override.";
        if (outlet == null) {
            return breaches;
        }
        if (excerpt.limit() != null && excerpt.words() > excerpt.limit()) {
            breaches.add(new Breach(WORD_LIMIT, new Problem(n, "body", which + "quotes " + excerpt.words() + " words; "
                    + outlet + " allows " + excerpt.limit() + ". Shorten it" + orOverride)));
        }
        Integer share = excerpt.policies().maxQuotePercent();
        if (share != null && excerpt.words() > 0) {
            Integer whole = excerpt.sourceWords();
            if (whole == null || whole < 1) {
                breaches.add(new Breach(SHARE, new Problem(n, "sourceWordCount", which + outlet + " allows quoting " + share
                        + "% of an article, and the article's length is unknown. Give the source article's length in words" + orOverride)));
            } else if ((long) excerpt.words() * 100 > (long) share * whole) {
                breaches.add(new Breach(SHARE, new Problem(n, "body", which + outlet + " allows quoting " + share + "% of an article; this quotes "
                        + percent(excerpt.words(), whole, share) + " (" + excerpt.words() + " of " + whole + " words). Shorten it" + orOverride)));
            }
        }
        if (excerpt.photo()) {
            PhotoPolicy photos = excerpt.policies().photoPolicy();
            if (photos == PhotoPolicy.NEVER) {
                breaches.add(new Breach(PHOTO_POLICY, new Problem(n, "photo", which + outlet
                        + " does not allow its photos to be used (photo policy). Remove the photo" + orOverride)));
            } else if (photos == PhotoPolicy.WITH_LICENCE && blank(excerpt.photoLicence())) {
                breaches.add(new Breach(PHOTO_POLICY, new Problem(n, "photoLicence", which + outlet
                        + " allows its photos only with a licence noted (photo policy). Note the licence the photo is used under" + orOverride)));
            }
            String format = excerpt.policies().photoCreditFormat();
            if (!blank(excerpt.creditLine()) && !Outlet.creditMatchesFormat(excerpt.creditLine(), format)) {
                breaches.add(new Breach(CREDIT_FORMAT, new Problem(n, "creditLine", which + outlet + " requires photo credits as \u201c"
                        + format.strip() + "\u201d (photo credit format); this credit is \u201c" + excerpt.creditLine().strip()
                        + "\u201d. Correct it" + orOverride)));
            }
        }
        return breaches;
    }

    /**
     * The share quoted as a whole per cent ("23%"), or with a tenth where rounding would hide that it is over
     * the limit ("10.3%" of a 10% limit).
     */
    private static String percent(int words, int whole, int limit) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(words * 100L).divide(java.math.BigDecimal.valueOf(whole), 4,
                java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal rounded = exact.setScale(0, java.math.RoundingMode.HALF_UP);
        if (rounded.intValue() > limit) {
            return rounded.toPlainString() + "%";
        }
        return exact.setScale(1, java.math.RoundingMode.HALF_UP).max(java.math.BigDecimal.valueOf(limit).add(new java.math.BigDecimal("0.1")))
                .toPlainString() + "%";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** An absolute http or https URL with a host: no {@code javascript:}, no relative paths. */
    public static boolean isWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
