package org.newsdesk.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.platform.Phrase;
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
    public record Problem(int excerpt, String field, Phrase message, boolean overridable) {

        Problem(int excerpt, String field, Phrase message) {
            this(excerpt, field, message, false);
        }
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
        return overrides(post.getExcerpts().stream().map(PublicationCheck::quoted).toList());
    }

    /** The same for a draft as typed: the rules an editor's reason lets through, for the compose page to list. */
    public static List<Override> overrides(PostDraft draft, Function<Long, Outlet> outlets, Function<Long, String> libraryAlt) {
        return overrides(quoted(draft, outlets, libraryAlt));
    }

    private static List<Override> overrides(List<Quoted> excerpts) {
        List<Override> overrides = new ArrayList<>();
        for (Quoted quoted : excerpts) {
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
        return problems(quoted(draft, outlets, libraryAlt));
    }

    private static List<Quoted> quoted(PostDraft draft, Function<Long, Outlet> outlets, Function<Long, String> libraryAlt) {
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
        return quoted;
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
            problems.add(new Problem(0, "excerpts", Phrase.of("check.noExcerpt")));
        }
        for (Quoted excerpt : excerpts) {
            int n = excerpt.n();
            if (!excerpt.hasOutlet()) {
                problems.add(new Problem(n, "outlet", Phrase.of("check.outlet", n)));
            }
            if (!isWebAddress(excerpt.articleUrl())) {
                problems.add(new Problem(n, "articleUrl", Phrase.of("check.articleUrl", n)));
            }
            if (!excerpt.dated()) {
                problems.add(new Problem(n, "originalPublishedOn", Phrase.of("check.date", n)));
            }
            if (excerpt.photo() && blank(excerpt.creditLine())) {
                problems.add(new Problem(n, "creditLine", Phrase.of("check.credit", n)));
            }
            if (excerpt.photo() && excerpt.altText() == null) {
                problems.add(new Problem(n, "photoAlt", Phrase.of("check.alt", n)));
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
        String outlet = excerpt.outletName();
        if (outlet == null) {
            return breaches;
        }
        if (excerpt.limit() != null && excerpt.words() > excerpt.limit()) {
            breaches.add(new Breach(WORD_LIMIT, new Problem(n, "body", Phrase.of("check.wordLimit", n, excerpt.words(), outlet,
                    excerpt.limit()), true)));
        }
        Integer share = excerpt.policies().maxQuotePercent();
        if (share != null && excerpt.words() > 0) {
            Integer whole = excerpt.sourceWords();
            if (whole == null || whole < 1) {
                breaches.add(new Breach(SHARE, new Problem(n, "sourceWordCount", Phrase.of("check.shareUnknown", n, outlet, share), true)));
            } else if ((long) excerpt.words() * 100 > (long) share * whole) {
                breaches.add(new Breach(SHARE, new Problem(n, "body", Phrase.of("check.share", n, outlet, share,
                        percent(excerpt.words(), whole, share), excerpt.words(), whole), true)));
            }
        }
        if (excerpt.photo()) {
            PhotoPolicy photos = excerpt.policies().photoPolicy();
            if (photos == PhotoPolicy.NEVER) {
                breaches.add(new Breach(PHOTO_POLICY, new Problem(n, "photo", Phrase.of("check.photosNever", n, outlet), true)));
            } else if (photos == PhotoPolicy.WITH_LICENCE && blank(excerpt.photoLicence())) {
                breaches.add(new Breach(PHOTO_POLICY, new Problem(n, "photoLicence", Phrase.of("check.photosLicence", n, outlet), true)));
            }
            String format = excerpt.policies().photoCreditFormat();
            if (!blank(excerpt.creditLine()) && !Outlet.creditMatchesFormat(excerpt.creditLine(), format)) {
                breaches.add(new Breach(CREDIT_FORMAT, new Problem(n, "creditLine", Phrase.of("check.creditFormat", n, outlet,
                        format.strip(), excerpt.creditLine().strip()), true)));
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
