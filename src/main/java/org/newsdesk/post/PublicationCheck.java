package org.newsdesk.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<Problem> problems = new ArrayList<>();
        if (post.getExcerpts().isEmpty()) {
            problems.add(new Problem(0, "excerpts", "A post needs at least one excerpt."));
        }
        for (Excerpt excerpt : post.getExcerpts()) {
            int n = excerpt.getPosition() + 1;
            String which = "Excerpt " + n + ": ";
            if (excerpt.getOutlet() == null) {
                problems.add(new Problem(n, "outlet", which + "choose the outlet it quotes."));
            }
            if (!isWebAddress(excerpt.getArticleUrl())) {
                problems.add(new Problem(n, "articleUrl", which + "give the article's address, starting with http:// or https://."));
            }
            if (excerpt.getOriginalPublishedOn() == null) {
                problems.add(new Problem(n, "originalPublishedOn", which + "give the date the article was published."));
            }
            if (excerpt.getPhoto() != null && (excerpt.getCreditLine() == null || excerpt.getCreditLine().isBlank())) {
                problems.add(new Problem(n, "creditLine", which + "the photo needs a credit line."));
            }
            if (excerpt.getPhoto() != null && excerpt.getAltText() == null) {
                problems.add(new Problem(n, "photoAlt", which + "the photo needs alt text: say what it shows, for readers who cannot see it."));
            }
            Integer limit = excerpt.getOutlet() == null ? null : excerpt.getOutlet().getMaxExcerptWords();
            boolean overridden = excerpt.getLengthOverrideReason() != null && !excerpt.getLengthOverrideReason().isBlank();
            if (limit != null && excerpt.getWordCount() > limit && !overridden) {
                problems.add(new Problem(n, "body", which + "quotes " + excerpt.getWordCount() + " words; "
                        + excerpt.getOutlet().getName() + " allows " + limit + ". Shorten it, or give a reason to override."));
            }
        }
        return problems;
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
