package org.newsdesk.post;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two posts cover the same story, as a score from 0 to 1 with the reason: the same source article, or
 * words in common weighted by how rare they are among the posts compared (TF-IDF cosine).
 * <p>
 * Each post's headline, deks and excerpt text become one vector of word stems; a word's weight is
 * {@code (1 + ln tf) × field weight × idf}, with the headline counting twice and the deks one and a half times,
 * since they are written to say what the story is. The idf is counted over the posts being compared (the
 * window) plus a built-in background of words every news day uses, so that "says" or "killed" weigh little
 * even in a quiet window of five posts. The score is the larger of the whole vectors' cosine and the
 * headlines' alone, so a long excerpt does not drown two headlines that say the same thing.
 * <p>
 * Words are cut by Unicode class (letters, marks and digits of any script), folded (case, accents, Arabic
 * hamza and harakat, Hebrew niqqud, Greek tonos and final sigma), without stopwords of English and a few other
 * languages, with a light stem (English plural and verb endings, the Arabic article, cut to 7 letters);
 * Chinese, Japanese and Thai, written without spaces, are taken in pairs of characters. Numbers stay whole
 * ({@code 20,000} is {@code 20000}). Measured on real headline pairs; see {@code docs/ARCHITECTURE.md}.
 *
 * <pre>
 * StorySimilarity similarity = new StorySimilarity(window);
 * StorySimilarity.Score score = similarity.score(draft, candidate);
 * if (score.sameStory()) { ... score.reason() ... }
 * </pre>
 */
public final class StorySimilarity {

    /** The score from which two posts are shown as the same story; chosen on the measured pairs. */
    public static final double THRESHOLD = 0.38;

    private static final double HEADLINE_WEIGHT = 2.0;
    private static final double DEK_WEIGHT = 1.5;
    private static final double BODY_WEIGHT = 1.0;
    private static final int STEM_LENGTH = 7;

    /** What is compared of a post: its id, headline, deks, excerpt text (plain), and the articles it quotes. */
    public record StoryText(long id, String headline, List<String> deks, String text, Set<String> articleUrls) {

        public StoryText {
            headline = headline == null ? "" : headline;
            deks = deks == null ? List.of() : List.copyOf(deks.stream().filter(d -> d != null && !d.isBlank()).toList());
            text = text == null ? "" : text;
            articleUrls = articleUrls == null ? Set.of()
                    : Set.copyOf(articleUrls.stream().filter(u -> u != null && !u.isBlank()).map(StorySimilarity::articleKey).toList());
        }

        /** A post known by its headline and deks alone. */
        public static StoryText of(long id, String headline, String... deks) {
            return new StoryText(id, headline, List.of(deks), "", Set.of());
        }
    }

    /** Why two posts look like one story. */
    public enum Reason {
        SAME_ARTICLE("same article"), SIMILAR_HEADLINE("similar headline"), SIMILAR_TEXT("similar text");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How alike two posts are, why, and the words that weighed most in it (at most three). */
    public record Score(double value, Reason reason, List<String> sharedWords) {

        public boolean sameStory() {
            return value >= THRESHOLD;
        }

        /** The score as the desk shows it: "62%". */
        public String percent() {
            return Math.round(value * 100) + "%";
        }
    }

    private final boolean stemmed;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;
    private final Map<Long, Vectors> vectors = new HashMap<>();

    /** Compares posts of this window: the idf is theirs plus the background's. */
    public StorySimilarity(Collection<StoryText> window) {
        this(window, true);
    }

    /** With {@code stemmed} false words are only folded, not stemmed: kept to measure what the stem brings. */
    StorySimilarity(Collection<StoryText> window, boolean stemmed) {
        this.stemmed = stemmed;
        for (StoryText story : window) {
            Set<String> seen = new HashSet<>();
            seen.addAll(terms(story.headline()));
            story.deks().forEach(dek -> seen.addAll(terms(dek)));
            seen.addAll(terms(story.text()));
            seen.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        this.documents = window.size();
    }

    /** How alike {@code a} and {@code b} are; either may be outside the window (a draft not saved yet). */
    public Score score(StoryText a, StoryText b) {
        for (String url : a.articleUrls()) {
            if (b.articleUrls().contains(url)) {
                return new Score(1.0, Reason.SAME_ARTICLE, List.of());
            }
        }
        Vectors va = vectors(a);
        Vectors vb = vectors(b);
        double headline = cosine(va.headline(), vb.headline());
        double whole = cosine(va.whole(), vb.whole());
        boolean byHeadline = headline >= whole;
        Map<String, Double> from = byHeadline ? va.headline() : va.whole();
        Map<String, Double> to = byHeadline ? vb.headline() : vb.whole();
        List<String> shared = from.keySet().stream().filter(to::containsKey)
                .sorted(Comparator.comparingDouble((String term) -> -from.get(term) * to.get(term)))
                .limit(3).toList();
        return new Score(Math.max(headline, whole), byHeadline ? Reason.SIMILAR_HEADLINE : Reason.SIMILAR_TEXT, shared);
    }

    /**
     * The stories among these posts: posts joined whenever one's score with another reaches the threshold
     * (single link), each group in the posts' order, groups in the order of their first post.
     */
    public List<List<StoryText>> groups(List<StoryText> posts) {
        int[] parent = new int[posts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < posts.size(); i++) {
            for (int j = i + 1; j < posts.size(); j++) {
                if (find(parent, i) != find(parent, j) && score(posts.get(i), posts.get(j)).sameStory()) {
                    parent[find(parent, j)] = find(parent, i);
                }
            }
        }
        Map<Integer, List<StoryText>> groups = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(posts.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private record Vectors(Map<String, Double> headline, Map<String, Double> whole) {
    }

    private Vectors vectors(StoryText story) {
        if (story.id() > 0 && vectors.containsKey(story.id())) {
            return vectors.get(story.id());
        }
        Map<String, Double> counts = new HashMap<>();
        terms(story.headline()).forEach(term -> counts.merge(term, HEADLINE_WEIGHT, Double::sum));
        Map<String, Double> headline = weigh(new HashMap<>(counts));
        story.deks().forEach(dek -> terms(dek).forEach(term -> counts.merge(term, DEK_WEIGHT, Double::sum)));
        terms(story.text()).forEach(term -> counts.merge(term, BODY_WEIGHT, Double::sum));
        Vectors made = new Vectors(headline, weigh(counts));
        if (story.id() > 0) {
            vectors.put(story.id(), made);
        }
        return made;
    }

    /** Weighted counts to unit-length tf-idf: sublinear in the count, so a word repeated in a long excerpt does not dominate. */
    private Map<String, Double> weigh(Map<String, Double> counts) {
        double norm = 0;
        for (Map.Entry<String, Double> entry : counts.entrySet()) {
            double weight = (1 + Math.log(entry.getValue())) * idf(entry.getKey());
            entry.setValue(weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            counts.replaceAll((term, weight) -> weight / length);
        }
        return counts;
    }

    private double idf(String term) {
        int background = Background.COMMON.contains(term) ? Background.COMMON_FREQUENCY : 0;
        return Math.log((documents + Background.DOCUMENTS + 1.0) / (documentFrequency.getOrDefault(term, 0) + background + 1.0));
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return Math.min(1.0, sum);
    }

    /** The words of a story's headline and deks, as they are compared: what an index of stories by word holds. */
    public Set<String> words(StoryText story) {
        Set<String> words = new HashSet<>(terms(story.headline()));
        story.deks().forEach(dek -> words.addAll(terms(dek)));
        return words;
    }

    /** How rare a word is among the window (and the background): the index uses only words rarer than news' common ones. */
    public double rarity(String word) {
        return idf(word);
    }

    private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*|[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern NO_SPACES = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]");
    private static final Pattern NONSPACING_MARK = Pattern.compile("\\p{Mn}+");

    /** The terms of a text, in order: folded, without stopwords, stemmed. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        Matcher token = TOKEN.matcher(fold(text));
        while (token.find()) {
            String word = token.group();
            if (Character.isDigit(word.codePointAt(0))) {
                terms.add(word.replace(",", ""));
            } else if (NO_SPACES.matcher(word).find()) {
                int[] points = word.codePoints().toArray();
                for (int i = 0; i + 1 < points.length; i++) {
                    terms.add(new String(points, i, 2));
                }
                if (points.length == 1) {
                    terms.add(word);
                }
            } else if (word.codePointCount(0, word.length()) > 1 && !Stopwords.ALL.contains(word)) {
                terms.add(stemmed ? stem(word) : word);
            }
        }
        return terms;
    }

    /** Case, accents and the marks of Arabic, Hebrew and Greek folded away; Arabic letters of one sound made one. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return Normalizer.normalize(NONSPACING_MARK.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('ς', 'σ')
                .replace('ة', 'ه').replace('ى', 'ي')
                .replace('\u2019', '\'');
    }

    private static String stem(String word) {
        String stem = word;
        char first = word.charAt(0);
        if (first >= 'a' && first <= 'z') {
            stem = english(word);
        } else if (Character.UnicodeBlock.of(first) == Character.UnicodeBlock.ARABIC && stem.length() > 4) {
            for (String article : List.of("وال", "بال", "فال", "كال", "ال")) {
                if (stem.startsWith(article) && stem.length() - article.length() >= 3) {
                    stem = stem.substring(article.length());
                    break;
                }
            }
        }
        return stem.codePointCount(0, stem.length()) > STEM_LENGTH
                ? stem.substring(0, stem.offsetByCodePoints(0, STEM_LENGTH)) : stem;
    }

    /** Plurals and verb endings: "killings", "killed", "kills" are all "kill". */
    private static String english(String word) {
        String lemma = NEWS_LEMMAS.get(word);
        if (lemma != null) {
            return lemma;
        }
        String w = word;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Words a headline writer swaps for one another that no suffix rule joins: "died", "dead", "death". */
    private static final Map<String, String> NEWS_LEMMAS = Map.ofEntries(
            Map.entry("died", "die"), Map.entry("dies", "die"), Map.entry("dead", "die"), Map.entry("death", "die"),
            Map.entry("deaths", "die"), Map.entry("dying", "die"), Map.entry("quake", "earthquak"),
            Map.entry("quakes", "earthquak"), Map.entry("collide", "collision"), Map.entry("collides", "collision"),
            Map.entry("collided", "collision"), Map.entry("flood", "flood"), Map.entry("floods", "flood"), Map.entry("flooding", "flood"));

    /** "stopp" to "stop", but "kill" stays. */
    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgmnprt".indexOf(w.charAt(n - 1)) >= 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /**
     * The same article whatever way its address was written: host without {@code www.}, in lower case, path without
     * a closing slash, query kept (some outlets number articles there), fragment dropped.
     */
    public static String articleKey(String url) {
        String stripped = url.strip();
        try {
            URI uri = URI.create(stripped);
            if (uri.getHost() == null) {
                return stripped;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return stripped;
        }
    }

    /** Words that say nothing of which story it is, in the languages the desk quotes most; folded as text is. */
    private static final class Stopwords {

        static final Set<String> ALL = new HashSet<>();

        static {
            String words = String.join(" ",
                    // English
                    "a an the and or but if of to in on at by for with from into onto over under about after before",
                    "as is are was were be been being has have had do does did will would can could may might must shall should",
                    "it its it's this that these those there their they them he she his her him we our us you your i me my",
                    "not no yes so than then too very just also amid among against between during while up down out off",
                    "what which who whom whose when where why how all any both each more most other some such only own same",
                    "says say said new via per s t",
                    // French, Spanish, Portuguese, Italian, German
                    "le la les un une des du de et en au aux dans pour par sur avec est sont qui que",
                    "el los las del y por con para una uno es que se al lo como",
                    "o os as um uma do da dos das em no na nos nas com para por que",
                    "il lo gli di che e per con una un non si",
                    "der die das den dem des ein eine einen und oder in im mit von zu auf für ist sind nach bei",
                    // Arabic (folded: hamza gone, ta marbuta as ha)
                    "في من على الى إلى عن مع ان أن إن التي الذي الذين هذا هذه ذلك تلك بعد قبل بين حول كان كانت قد لا ما لم لن او أو ثم حيث عند",
                    // Hebrew
                    "של את על עם לא כי גם אל זה זו הוא היא הם הן אם או כל עוד אחרי לפני בין יש אין",
                    // Greek (folded: no tonos, final sigma as sigma)
                    "και το τη την η ο οι τα της του των στο στη στην στον στα στους για με απο από σε να θα που δεν ειναι είναι");
            for (String word : words.split("\\s+")) {
                ALL.add(fold(word));
            }
        }
    }

    /**
     * The built-in background: what a news day's headlines are made of whatever the story. Counted as if a thousand
     * other posts had been compared and each of these words had been in a sixth of them.
     */
    private static final class Background {

        static final int DOCUMENTS = 1000;
        static final int COMMON_FREQUENCY = 160;
        static final Set<String> COMMON = new HashSet<>();

        static {
            String words = String.join(" ",
                    "kill killed kills killing dead death deaths die dies died toll people man woman women men child children",
                    "year years day days week weeks month months time first last two three four five ten hundreds thousands dozens",
                    "government president minister prime leader leaders official officials state states country countries nation national",
                    "police army military forces force security attack attacks strike strikes war world international",
                    "report reports reported news live latest update updates warn warns warning call calls called",
                    "plan plans deal talks meet meets meeting vote votes election court law case",
                    "city capital north south east west northern southern eastern western region",
                    "big major top high low back home help take takes make makes get gets set sets face faces",
                    "amid despite near least after over more than million billion percent");
            for (String word : words.split("\\s+")) {
                // Through the same analysis as the texts, so "killed" counts as the stem it becomes.
                for (boolean stem : new boolean[] {true, false}) {
                    COMMON.add(stem ? stem(fold(word)) : fold(word));
                }
            }
        }
    }
}
