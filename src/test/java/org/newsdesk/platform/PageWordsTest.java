package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No page writes a word of its own: every text between tags, every attribute a person reads (labels, button
 * values, placeholders, titles, alternative text, ARIA labels) and every quoted string of words inside an EL
 * expression comes from the message bundles ({@code #{t['...']}}, {@code #{d['...']}}). Read from the Facelets
 * files themselves, so a literal added to any page fails here.
 */
class PageWordsTest {

    private static final Path WEBAPP = Path.of("webapp");

    /** Attributes people read or hear. */
    private static final Set<String> READ_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label",
            "itemlabel", "requiredmessage", "validatormessage", "convertermessage", "data-confirm", "summary");

    /** A {@code value} is read on these (the text of a button or a label). */
    private static final Set<String> VALUE_IS_READ = Set.of("h:commandbutton", "h:outputlabel", "h:commandlink", "button");

    private static final Pattern EL = Pattern.compile("#\\{(?:[^{}'\"]|'[^']*'|\"[^\"]*\")*\\}");
    private static final Pattern EL_STRING = Pattern.compile("'([^']*)'");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");

    @Test
    void everyWordOnEveryPageComesFromTheBundles() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                String page = WEBAPP.relativize(file).toString();
                Document doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                for (Element element : doc.getAllElements()) {
                    String tag = element.tagName().toLowerCase();
                    if (tag.equals("script") || tag.equals("style") || tag.equals("h:outputscript")) {
                        continue;
                    }
                    for (TextNode text : element.textNodes()) {
                        literals.addAll(literalsIn(page, "text", text.getWholeText()));
                    }
                    for (Attribute attribute : element.attributes()) {
                        String name = attribute.getKey().toLowerCase();
                        if (READ_ATTRIBUTES.contains(name) || (name.equals("value") && VALUE_IS_READ.contains(tag))) {
                            literals.addAll(literalsIn(page, tag + " " + name, attribute.getValue()));
                        } else {
                            literals.addAll(wordsInExpressions(page, tag + " " + name, attribute.getValue()));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), literals, "words written into pages instead of taken from the bundles");
    }

    @Test
    void everyKeyAPageNamesIsInTheBundles() throws IOException {
        java.util.Properties site = new java.util.Properties();
        java.util.Properties desk = new java.util.Properties();
        site.load(new java.io.InputStreamReader(PageWordsTest.class.getResourceAsStream("/org/newsdesk/i18n/site.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        desk.load(new java.io.InputStreamReader(PageWordsTest.class.getResourceAsStream("/org/newsdesk/i18n/desk.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        Pattern named = Pattern.compile("\\b([td])(?:\\['([\\w.-]+)'\\]|\\.(?:f|html)\\('([\\w.-]+)')");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                Matcher m = named.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(2) != null ? m.group(2) : m.group(3);
                    if (key.endsWith(".")) {
                        continue; // the start of a key made with concat
                    }
                    // The desk's words fall back to the readers' (a report's reason, shown to moderators).
                    boolean found = m.group(1).equals("t") ? site.containsKey(key) : desk.containsKey(key) || site.containsKey(key);
                    if (!found) {
                        missing.add(WEBAPP.relativize(file) + ": " + m.group(1) + " " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "keys the pages name that no bundle has");
    }

    /** Words outside expressions, and strings of words inside them. */
    private static List<String> literalsIn(String page, String where, String text) {
        List<String> found = new ArrayList<>(wordsInExpressions(page, where, text));
        // Addresses are not words: a scheme ("https://…") or a path ("/section/") stays as it is in every language.
        String outside = EL.matcher(text).replaceAll(" ").replaceAll("&[a-zA-Z]+;|&#\\d+;", " ")
                .replaceAll("https?://\\S*|(?<![\\w/])/[\\w/.-]*", " ");
        if (WORDS.matcher(outside).find()) {
            found.add(page + " (" + where + "): " + outside.strip().replaceAll("\\s+", " "));
        }
        return found;
    }

    /**
     * Quoted strings inside expressions that read as words ("'Search'", "' · page '") rather than as keys
     * ('comments.count'), style classes (' held') or values compared ('stopping').
     */
    private static List<String> wordsInExpressions(String page, String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher expressions = EL.matcher(text);
        while (expressions.find()) {
            Matcher strings = EL_STRING.matcher(expressions.group());
            while (strings.find()) {
                String quoted = strings.group(1);
                if (quoted.matches("[\\w-]+(\\.[\\w-]*)+")) {
                    continue; // a key of the bundles ('comments.count', 'report.reason.')
                }
                long words = java.util.Arrays.stream(quoted.strip().split("\\s+")).filter(w -> WORDS.matcher(w).find()).count();
                if (quoted.matches(".*\\p{Lu}\\p{Ll}+.*") || words >= 2
                        || quoted.matches(".*\\s\\p{L}+\\s.*")) {
                    found.add(page + " (" + where + ", in an expression): '" + quoted + "'");
                }
            }
        }
        return found;
    }

    /** A string of a script with three words or more is a sentence; the scripts get theirs from the bundles. */
    private static final Pattern SCRIPT_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]{2,}(?: +[A-Za-z]{2,}\\b){2,}");

    @Test
    void theDesksScriptsWriteNoSentenceOfTheirOwn() throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("resources/js"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
                Matcher string = SCRIPT_STRING.matcher(code);
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    if (SENTENCE.matcher(text).find()) {
                        sentences.add(file.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), sentences, "words a script shows, not from NewsdeskWords.say");
    }
}
