package org.newsdesk.source;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds an article's text in a news page: the container that holds most of the page's prose, and in it the
 * paragraphs, subheadings, list items and quotes, in order, without what surrounds an article on every site
 * (navigation, bylines, share and newsletter boxes, "Read more" and related links, ads, captions, sign-offs).
 *
 * <p>No well-kept Java library does this as well as the extractors newsrooms use (Readability4J, a port of
 * Readability.js, scores 0.938 F1 on the article-extraction benchmark's 86 pages, boilerpipe 0.867; see
 * {@code bench/extract.sh}), so it is Newsdesk's own, on jsoup, with the ideas of Readability (score the
 * ancestors of prose, prefer few links) and trafilatura (drop boilerplate by its markup first, then judge
 * each block).
 *
 * <pre>
 * List&lt;ArticleText.Block&gt; blocks = ArticleText.blocks(Jsoup.parse(html, address));
 * blocks.get(0).text();      // "BAGHDAD — Leaders of Iraq's militias …"
 * blocks.get(3).heading();   // true for a subheading
 * </pre>
 */
public final class ArticleText {

    /** One block of the article's text: a paragraph, or a subheading ({@code heading}). */
    public record Block(String text, boolean heading) {
    }

    private static final String REMOVED_TAGS = "script, style, noscript, template, iframe, svg, canvas, object, embed, video, "
            + "audio, button, input, select, textarea, option, label, nav, aside, figure, figcaption, picture, img, "
            + "amp-ad, amp-embed, amp-analytics, amp-sticky-ad, amp-social-share, [role=button], "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=dialog], [role=alertdialog], "
            + "[role=menu], [role=menubar], [role=toolbar], [role=search], [itemprop=author], [rel=author], "
            + "[itemprop=comment], [itemtype~=(?i)schema.org/(Comment|WPAdBlock|SiteNavigationElement|WPSideBar|WPFooter|WPHeader)]";

    /** Class and id words of the parts of a page that are not its article. */
    private static final Pattern BOILERPLATE_NAME = Pattern.compile(
            "(?i)(^|[-_ ])(comments?|disqus|share|sharing|social|sociable|related|recommend(ed|ations)?|more-?stories|"
            + "newsletter|subscribe|subscription|signup|sign-up|promo|promotions?|advert|advertisement|ads?|adslot|adunit|"
            + "ad-container|dfp|sponsor(ed)?|outbrain|taboola|zergnet|sidebar|side-bar|widget|footer|foot|breadcrumbs?|"
            + "byline|author|authors|bio|tags?|tag-?list|topics|keywords|categories|meta|post-meta|entry-meta|article-meta|"
            + "dateline|timestamp|date|published|updated|caption|credit|cookie|consent|gdpr|popup|modal|overlay|banner|"
            + "masthead|navbar|nav|menu|toolbar|skip|print|email|trending|popular|most-read|mostread|most-popular|"
            + "read-?more|readmore|see-also|also-read|inline-link|facebook|pinterest|whatsapp|"
            + "rating|pagination|pager|next-?prev|prev-?next|hidden|visually-hidden|sr-only|screen-reader|"
            + "paywall|piano|login|register|video-player|player|slideshow|gallery|carousel|newsletter-signup|"
            + "correction|editor-?note|disclaimer|copyright|legal|toc|table-of-contents|jump-?link|"
            + "kicker|eyebrow|lede-?art|lead-?art|media|photo|image|img|thumbnail|source|article-source)($|[-_ ]|s$)");

    /** Class and id words that say "the article's text is here". */
    private static final Pattern CONTENT_NAME = Pattern.compile(
            "(?i)(article|body|content|entry|main|post|story|text|blog|prose|paragraph|rich-?text|news|page-content)");
    private static final Pattern POSITIVE_CONTAINER = Pattern.compile(
            "(?i)(article[-_]?body|articlebody|article[-_]?content|article[-_]?text|story[-_]?body|story[-_]?content|"
            + "entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?entry|body[-_]?text|main[-_]?content|"
            + "content[-_]?body|rich[-_]?text|zn-body|field-name-body|td-post-content|single-content|blog-content|"
            + "article__body|article-body|c-entry-content|story-text|news-text|text-content)");

    /** Lines that are about the page, not part of its article. */
    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?i)^(advertisement|advertising|advert|ad|sponsored|publicité|anzeige|werbung|publicidad|pubblicità|"
            + "إعلان|اعلان|פרסומת|διαφήμιση|related coverage|related stories|more coverage|"
            + "(source|المصدر|مصدر|מקור|πηγή|fuente|quelle) ?:.{0,60}|[^\\p{L}\\p{N}]*|"
            + ".{0,150}\\bcontributed( reporting)? to this (report|story|article)\\.?|"
            + "print this( article| page| story)?|share (it|this)( with (friends|others))?|"
            + "\\d+ comments?|no comments( yet)?|"
            + "supported by|story continues below.*|article continues below.*|"
            + "continue reading.*|read more.*|read:.*|read also:?.*|also read:?.*|related:.*|related articles?:?.*|"
            + "more:.*|see also:?.*|watch:.*|listen:.*|click here.*|sign up.*|subscribe.*|follow us.*|follow .{1,40} on (twitter|facebook|instagram).*|"
            + "share this( article| story)?:?|share:?|tweet|email|print|comments?|leave a (comment|reply).*|"
            + "all rights reserved.*|copyright ©.*|© \\d{4}.*|our standards:.*|reporting by .*|additional reporting by .*|"
            + "editing by .*|writing by .*|compiled by .*|\\(reporting by .*|image:.*|photo:.*|getty images|"
            + "we want to hear from you.*|get the latest .*|don't miss.*|recommended( for you)?:?|trending:?.*|"
            + "this article (was|has been) (originally )?(published|updated).*|updated:? .{0,40}\\d{4}.*|"
            + "published:? .{0,40}\\d{4}.*|posted:? .{0,40}\\d{4}.*|last (updated|modified):?.*|\\d+ min(ute)?s? read|"
            + "by [\\p{L}.'’ -]{2,60}(, [\\p{L}.'’ -]{2,60})?( and [\\p{L}.'’ -]{2,60})?( ?[|·•,-] ?.{0,60})?|"
            + "[\\p{L}.'’ -]{2,60} ?[|·•] ?(\\w+ \\d{1,2}, \\d{4}|\\d{1,2} \\w+ \\d{4}).*)$");
    /** A newsletter's or a subscription's pitch inside the article's column. */
    private static final Pattern PROMO = Pattern.compile(
            "(?i)(sign up|subscribe|register)\\b.{0,80}\\b(newsletter|inbox|daily email|briefing)|newsletter.{0,80}\\b(sign up|subscribe)\\b");
    private static final Pattern OPENS_NEW_TAB = Pattern.compile("(?i),? opens new tab");

    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
            "dd", "dt", "td", "th", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tr",
            "header", "footer", "form", "center", "figure", "address", "details", "summary", "hr", "br");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private ArticleText() {
    }

    /** The article's text blocks, in order; empty when the page has no prose. */
    public static List<Block> blocks(Document page) {
        Element body = page.body() == null ? null : page.body().clone();
        if (body == null) {
            return List.of();
        }
        prune(body);
        List<Block> blocks = new ArrayList<>();
        for (Element part : container(body)) {
            collect(part, blocks);
        }
        return clean(blocks);
    }

    private static void prune(Element body) {
        body.select(REMOVED_TAGS).remove();
        body.select("[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]").remove();
        // A date standing on its own line is the page's dateline, not the article's text.
        body.select("time").stream().filter(t -> t.parent() != null && !t.parent().tagName().matches("p|li|td|blockquote|span|em|strong|b|i"))
                .forEach(Element::remove);
        int total = Math.max(1, prose(body));
        for (Element header : body.select("header, footer, form")) {
            if (header.parent() != null && prose(header) * 3 < total) {
                header.remove();
            } else if (header.parent() != null) {
                header.unwrap();
            }
        }
        List<Element> boilerplate = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element != body && isBoilerplateByName(element)) {
                boilerplate.add(element);
            }
        }
        for (Element element : boilerplate) {
            // An element whose name sounds like boilerplate but holds much of the page's prose is kept: sites call
            // their article "post-meta-wrapper" or "content-with-sidebar" often enough.
            if (element.parent() != null && prose(element) * 4 < total) {
                element.remove();
            }
        }
    }

    private static boolean isBoilerplateByName(Element element) {
        // camelCase names ("PagePromo-label") are read as words too
        String names = (element.className() + " " + element.id() + " " + element.attr("data-component")).strip()
                .replaceAll("(\\p{Ll})(\\p{Lu})", "$1-$2");
        if (names.isEmpty() || isArticle(element) || !element.select("blockquote").isEmpty() || HEADINGS.contains(element.tagName())) {
            return false; // a quote (an embedded post among them) is the article's, whatever its box is called
        }
        if (POSITIVE_CONTAINER.matcher(names).find()) {
            return false;
        }
        for (String name : names.split("\\s+")) {
            if (BOILERPLATE_NAME.matcher(name).find() && !CONTENT_NAME.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The article itself, however its classes are named ("post type-post has-post-thumbnail tag-x"). */
    private static boolean isArticle(Element element) {
        return element.tagName().equals("article") || element.tagName().equals("main") || element.hasClass("hentry")
                || element.attr("itemprop").matches("(?i)articleBody|blogPost|mainEntity|text")
                || element.attr("itemtype").matches("(?i).*schema.org/(\\w*Article|BlogPosting|Report)")
                || element.classNames().stream().anyMatch(c -> c.matches("(?i)hentry|h-entry|type-post|single-post|post-content"));
    }

    /** Characters of prose under an element: text in paragraphs or in blocks of their own, not in links. */
    private static int prose(Element element) {
        int length = 0;
        for (Element p : element.select("p, pre, blockquote, [data-testid~=paragraph], div:matchesOwn(\\S{3,})")) {
            length += p.ownText().length() + p.select("> b, > i, > em, > strong, > span").text().length();
        }
        return length;
    }

    /** Readability's idea: prose scores its parent fully and its grandparent half; the best-scored ancestor is the article. */
    private static List<Element> container(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element element : body.getAllElements()) {
            if (!isParagraphLike(element)) {
                continue;
            }
            String text = element.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split("[,،，]").length - 1 + Math.min(text.length() / 100.0, 3);
            score *= 1 - linkDensity(element);
            Element ancestor = element.parent();
            for (int level = 0; level < 3 && ancestor != null; level++, ancestor = ancestor.parent()) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.merge(ancestor, score * share, Double::sum);
                if (ancestor.tagName().equals("article")) {
                    break; // an article's prose is that article's; a list of articles is not one
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            double score = (entry.getValue() + nameWeight(candidate)) * (1 - linkDensity(candidate) / 2);
            if (candidate.tagName().equals("article") && candidate.siblingElements().stream().filter(e -> e.tagName().equals("article")).count() >= 2) {
                score /= 2; // one of a list of articles: teasers of other stories
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of(body);
        }
        // When the paragraphs are split over siblings (a photo or an ad between them), the parent holds them all.
        Element parent = best.parent();
        while (parent != null && parent != body.parent() && !best.tagName().equals("article")) {
            double parentScore = scores.getOrDefault(parent, 0.0);
            if (parentScore >= bestScore * 0.75 || (prose(parent) > prose(best) * 1.4 && linkDensity(parent) < 0.3
                    && siblingsOfProse(best))) {
                best = parent;
                bestScore = Math.max(bestScore, parentScore);
                parent = best.parent();
            } else {
                break;
            }
        }
        return withContinuations(best, bestScore, scores);
    }

    /**
     * The article's body split by ads or pictures into boxes of the same kind, each in a wrapper of its own
     * ({@code <div class="body__container">} three times): every box named as the best one is, in page order.
     */
    private static List<Element> withContinuations(Element best, double bestScore, Map<Element, Double> scores) {
        String signature = best.tagName() + "." + best.className();
        if (best.className().isBlank()) {
            return List.of(best);
        }
        List<Element> parts = new ArrayList<>();
        for (Element candidate : best.ownerDocument() == null ? List.of(best) : root(best).getAllElements()) {
            boolean same = candidate == best || ((candidate.tagName() + "." + candidate.className()).equals(signature)
                    && scores.getOrDefault(candidate, 0.0) >= bestScore * 0.1
                    && parts.stream().noneMatch(p -> candidate.parents().contains(p)) && !best.parents().contains(candidate)
                    && !candidate.parents().contains(best));
            if (same) {
                parts.add(candidate);
            }
        }
        return parts;
    }

    private static Element root(Element element) {
        Element root = element;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }

    private static boolean siblingsOfProse(Element best) {
        for (Element sibling : best.siblingElements()) {
            if (prose(sibling) > 200 && linkDensity(sibling) < 0.25) {
                return true;
            }
        }
        return false;
    }

    private static double nameWeight(Element element) {
        String names = element.className() + " " + element.id();
        double weight = 0;
        if (POSITIVE_CONTAINER.matcher(names).find() || element.hasAttr("itemprop") && element.attr("itemprop").equals("articleBody")) {
            weight += 25;
        } else if (CONTENT_NAME.matcher(names).find()) {
            weight += 5;
        }
        if (element.tagName().equals("article")) {
            weight += 10;
        }
        return weight;
    }

    private static boolean isParagraphLike(Element element) {
        String tag = element.tagName();
        if (tag.equals("p") || tag.equals("pre") || tag.equals("td")) {
            return true;
        }
        if ((tag.equals("div") || tag.equals("section") || tag.equals("span") || tag.equals("font")) && hasOwnProse(element)) {
            return true;
        }
        return false;
    }

    /** A div written as a paragraph: text of its own (or inline children) and no block children. */
    private static boolean hasOwnProse(Element element) {
        int own = 0;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                own += text.text().strip().length();
            } else if (child instanceof Element e && BLOCK_TAGS.contains(e.tagName()) && !e.tagName().equals("br")) {
                return false;
            } else if (child instanceof Element e) {
                own += e.text().length();
            }
        }
        return own >= 25;
    }

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : element.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / length);
    }

    /** Walks the container in order, one block per paragraph-like element, text runs between blocks included. */
    private static void collect(Element element, List<Block> into) {
        StringBuilder run = new StringBuilder();
        int[] linked = {0};
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                run.append(text.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("br")) {
                    run.append('\n');
                } else if (!BLOCK_TAGS.contains(tag) && !containsBlocks(e)) {
                    run.append(e.wholeText());
                    linked[0] += tag.equals("a") ? e.text().length() : e.select("a").text().length();
                } else {
                    flush(run, linked, into);
                    if (tag.equals("hr")) {
                        continue;
                    }
                    if (HEADINGS.contains(tag)) {
                        add(into, e.text(), true);
                    } else if ((tag.equals("p") || tag.equals("li") || tag.equals("dd") || tag.equals("dt") || tag.equals("pre")
                            || tag.equals("blockquote") || tag.equals("td") || tag.equals("th")) && !containsBlocks(e)) {
                        if (linkDensity(e) <= 0.5 || e.text().length() > 200) {
                            add(into, e.text(), false);
                        }
                    } else if ((tag.equals("ul") || tag.equals("ol")) && linkDensity(e) > 0.5) {
                        // a list of links: more stories, not the article; nor is the heading over it
                        if (!into.isEmpty() && into.get(into.size() - 1).heading()) {
                            into.remove(into.size() - 1);
                        }
                    } else {
                        collect(e, into);
                    }
                }
            }
        }
        flush(run, linked, into);
    }

    private static boolean containsBlocks(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_TAGS.contains(child.tagName()) && !child.tagName().equals("br") || containsBlocks(child)) {
                return true;
            }
        }
        return false;
    }

    /** Text between blocks, line by line; a run that is mostly links (share buttons, a row of tags) is dropped. */
    private static void flush(StringBuilder run, int[] linked, List<Block> into) {
        int length = run.toString().strip().length();
        if (length > 0 && linked[0] * 2 > length && length < 400) {
            run.setLength(0);
        }
        linked[0] = 0;
        if (!run.isEmpty()) {
            for (String line : run.toString().split("\\n\\s*\\n|\\n")) {
                add(into, line, false);
            }
            run.setLength(0);
        }
    }

    private static void add(List<Block> into, String text, boolean heading) {
        String clean = OPENS_NEW_TAB.matcher(text.replace('\u00a0', ' ').replaceAll("\\s+", " ")).replaceAll("").strip();
        if (!clean.isEmpty()) {
            into.add(new Block(clean, heading));
        }
    }

    /** Drops what every site puts around an article: bylines, promos, "Read more", sign-offs, lone short lines. */
    private static List<Block> clean(List<Block> blocks) {
        List<Block> kept = new ArrayList<>();
        for (Block block : blocks) {
            String text = block.text();
            if (BOILERPLATE_LINE.matcher(text).matches() && text.length() < 200 || PROMO.matcher(text).find() && text.length() < 300) {
                continue;
            }
            kept.add(block);
        }
        // Before the article's first sentence, the page's furniture: "close", "Text size", a video's length, a
        // dateline; a subheading may open an article, a line of two words may not.
        for (int i = 0; i < kept.size(); ) {
            Block block = kept.get(i);
            if (block.heading()) {
                i++;
            } else if (isFurniture(block.text())) {
                kept.remove(i);
            } else {
                break;
            }
        }
        // Headings with no prose after them (a "Related" list's title, a trailing "Comments") go too.
        while (!kept.isEmpty() && kept.get(kept.size() - 1).heading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static boolean isFurniture(String text) {
        int words = text.strip().split("\\s+").length;
        return words < 4 && !text.matches(".*[.!?…:؟。]$") || DATELINE.matcher(text).matches();
    }

    /** "segunda-feira, 22 de janeiro de 2018 às 0:13", "Nov. 18, 2019 6:02 p.m. ET": a date and nothing else. */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?=.*\\b(19|20)\\d\\d\\b)(?=.{0,80}$)[\\p{L}\\d ,.:/|·•()\\[\\]-]+$");
}
