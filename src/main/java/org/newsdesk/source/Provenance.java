package org.newsdesk.source;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.platform.Phrase;

/**
 * Where the reader found a field of a source page, as the import table shows it. Most places are the page's own
 * markup ("JSON-LD headline", "og:title", "&lt;title&gt;") and are shown as written; the others are said in
 * words, which these constants name so that the desk can put them into its language.
 * <pre>
 * Provenance.phrase("the byline")             // import.where.byline
 * Provenance.phrase("the caption's \"(AFP)\"") // import.where.caption, "(AFP)"
 * Provenance.phrase("og:title")               // import.where.markup, "og:title"
 * </pre>
 */
public final class Provenance {

    public static final String ADDRESS_READ = "the address read";
    public static final String BYLINE = "the byline";
    public static final String FIRST_FIGURE = "the first <figure>";
    public static final String FIGURE_CREDIT = "the <figure>'s credit";
    public static final String FIGURE_CAPTION = "the <figure>, beside its caption";
    public static final String CORRECTION_NOTICE = "a correction notice";
    public static final String TITLE_SUFFIX = "the page title's suffix";
    public static final String POST_TITLE = "the post's title";
    public static final String PUBLISHED_TIMESTAMP = "the post's published timestamp";
    public static final String REGISTRY_DOMAIN = "the registry, by domain";
    public static final String REGISTRY_NAME = "the registry, by the name the page gives";
    public static final String NEW_OUTLET = "new, from the page's name for itself";

    private static final Map<String, String> SAID = Map.ofEntries(
            Map.entry(ADDRESS_READ, "import.where.addressRead"),
            Map.entry(BYLINE, "import.where.byline"),
            Map.entry(FIRST_FIGURE, "import.where.firstFigure"),
            Map.entry(FIGURE_CREDIT, "import.where.figureCredit"),
            Map.entry(FIGURE_CAPTION, "import.where.figureCaption"),
            Map.entry(CORRECTION_NOTICE, "import.where.correction"),
            Map.entry(TITLE_SUFFIX, "import.where.titleSuffix"),
            Map.entry(POST_TITLE, "import.where.postTitle"),
            Map.entry(PUBLISHED_TIMESTAMP, "import.where.publishedTimestamp"),
            Map.entry(REGISTRY_DOMAIN, "import.where.registryDomain"),
            Map.entry(REGISTRY_NAME, "import.where.registryName"),
            Map.entry(NEW_OUTLET, "import.where.newOutlet"));

    /** Places with a part quoted from the page: a credit's shape, a picture file's field, a notice's first words. */
    private static final List<Map.Entry<Pattern, String>> SHAPED = List.of(
            Map.entry(Pattern.compile("the caption's \"(.*)\"", Pattern.DOTALL), "import.where.caption"),
            Map.entry(Pattern.compile("the picture's (.*)", Pattern.DOTALL), "import.where.pictureField"),
            Map.entry(Pattern.compile("a paragraph starting \"(.*)\"", Pattern.DOTALL), "import.where.paragraph"));

    private Provenance() {
    }

    /** The caption's credit in the shape it had ("(AFP)", "REUTERS/…"). */
    public static String caption(String shape) {
        return "the caption's \"" + shape + "\"";
    }

    /** A picture file's field that held the credit ("IPTC By-line"). */
    public static String pictureField(String field) {
        return "the picture's " + field;
    }

    /** A paragraph that is a correction or update notice, by its first words. */
    public static String paragraph(String start) {
        return "a paragraph starting \"" + start + "\"";
    }

    /** {@code where} to be worded: a place said in words, or markup quoted as written. */
    public static Phrase phrase(String where) {
        String key = SAID.get(where);
        if (key != null) {
            return Phrase.of(key);
        }
        for (Map.Entry<Pattern, String> shaped : SHAPED) {
            Matcher matcher = shaped.getKey().matcher(where);
            if (matcher.matches()) {
                return Phrase.of(shaped.getValue(), matcher.group(1));
            }
        }
        return Phrase.of("import.where.markup", where);
    }

    /** Every place said in words, for the test that the desk's English says each as the reader writes it. */
    static Map<String, String> said() {
        return SAID;
    }
}
