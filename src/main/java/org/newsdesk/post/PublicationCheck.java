package org.newsdesk.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.newsdesk.outlet.Outlet;

/**
 * What a post needs before readers may see it: at least one excerpt, and every excerpt attributed (an
 * outlet, a valid http(s) article URL, the original publication date), every photo credited and described
 * (alt text), and every excerpt within its outlet's word limit unless an editor recorded why not.
 */
public final class PublicationCheck {

    /** One thing to fix, naming the excerpt (1-based, or 0 for the post itself) and the field. */
    public record Problem(int excerpt, String field, String message) {
    }

    private PublicationCheck() {
    }

    public static List<Problem> problems(Post post) {
        return problems(post.getExcerpts().stream().map(excerpt -> new Quoted(excerpt.getPosition() + 1,
                excerpt.getOutlet() != null, excerpt.getOutlet() == null ? null : excerpt.getOutlet().getName(),
                excerpt.getOutlet() == null ? null : excerpt.getOutlet().getMaxExcerptWords(), excerpt.getArticleUrl(),
                excerpt.getOriginalPublishedOn() != null, excerpt.getPhoto() != null, excerpt.getCreditLine(),
                excerpt.getAltText(), excerpt.getLengthOverrideReason(), excerpt.getWordCount())).toList());
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
                    ExcerptMarkup.wordCount(ExcerptMarkup.fromEditorText(excerpt.getBodyText()))));
        }
        return problems(quoted);
    }

    /** What the checks read of one excerpt, saved or as typed. */
    private record Quoted(int n, boolean hasOutlet, String outletName, Integer limit, String articleUrl, boolean dated,
                          boolean photo, String creditLine, String altText, String overrideReason, int words) {
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
            if (excerpt.limit() != null && excerpt.words() > excerpt.limit() && blank(excerpt.overrideReason())) {
                problems.add(new Problem(n, "body", which + "quotes " + excerpt.words() + " words; "
                        + excerpt.outletName() + " allows " + excerpt.limit() + ". Shorten it, or give a reason to override."));
            }
        }
        return problems;
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
