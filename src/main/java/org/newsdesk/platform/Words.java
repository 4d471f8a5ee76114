package org.newsdesk.platform;

import java.util.AbstractMap;
import java.util.Locale;
import java.util.Set;

/**
 * A page's own words in its language, for Facelets: {@code #{t['comments.leaveReply']}} for a message as
 * written, {@code #{t.f('comments.count', n)}} with arguments. Properties of the bean itself are methods
 * ({@code #{t.locale()}}), since a map's properties are its keys. {@link SiteWords} speaks to readers,
 * {@link DeskWords} to staff.
 */
public abstract class Words extends AbstractMap<String, String> {

    private Texts texts;

    /** The family and language of this request's words. */
    protected abstract Texts load();

    public Texts texts() {
        if (texts == null) {
            texts = load();
        }
        return texts;
    }

    @Override
    public String get(Object key) {
        return texts().text(String.valueOf(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of();
    }

    /** Whether the words have {@code key} (a page naming a key from data, like an audit event's action). */
    public boolean has(String key) {
        return texts().has(key);
    }

    /** The message {@code key} with its arguments (counts in the language's plural forms). */
    public String f(String key, Object... arguments) {
        return texts().format(key, arguments);
    }

    /**
     * The message {@code key} as HTML, for {@code h:outputText escape="false"}: its text escaped, and each text
     * argument (a name, a title, a query someone typed) escaped and isolated in a {@code <bdi>}, so that a
     * right-to-left name in a left-to-right sentence, or the reverse, keeps the sentence's order around it.
     * Numbers stay numbers, for plurals.
     */
    public String html(String key, Object... arguments) {
        return html(texts(), key, arguments == null ? new Object[0] : arguments);
    }

    /**
     * Text a column holds about what happened (a feed's last error, a comment's history), as HTML like
     * {@link #html}: when it is a stored {@link Phrase}, worded in this language, the phrase's words escaped, what people wrote in it (names, notes,
     * addresses) isolated in {@code <bdi>}, phrases inside it worded the same way. Words written before phrases
     * were stored are English, and marked so.
     */
    public String saidHtml(String stored) {
        if (stored == null) {
            return "";
        }
        return Phrase.restore(stored).map(phrase -> html(phrase.key(), phrase.arguments().toArray()))
                .orElseGet(() -> "<bdi lang=\"en\">" + HtmlText.escape(stored) + "</bdi>");
    }

    private String html(Texts words, String key, Object[] arguments) {
        if (!words.has(key)) {
            // A reader's phrase quoted on the desk ("Spam or advertising"), in the same language.
            Texts other = Texts.of(words.family() == Texts.Family.SITE ? Texts.Family.DESK : Texts.Family.SITE, words.locale());
            words = other.has(key) ? other : words;
        }
        Object[] marked = arguments.clone();
        for (int i = 0; i < marked.length; i++) {
            if (!(marked[i] instanceof Number || marked[i] instanceof java.util.Date)) {
                marked[i] = "\uE000" + i + "\uE001";
            }
        }
        String html = HtmlText.escape(words.format(key, marked));
        for (int i = 0; i < marked.length; i++) {
            if (!(arguments[i] instanceof Number || arguments[i] instanceof java.util.Date)) {
                html = html.replace("\uE000" + i + "\uE001", argument(words, arguments[i]));
            }
        }
        return html;
    }

    private String argument(Texts words, Object argument) {
        if (argument instanceof Phrase inner) {
            return html(words, inner.key(), inner.arguments().toArray());
        }
        if (argument instanceof java.util.List<?> items) {
            return String.join(HtmlText.escape(words.has("list.items") ? words.text("list.items") : "; "),
                    items.stream().map(item -> argument(words, item)).toList());
        }
        return "<bdi>" + HtmlText.escape(argument == null ? "" : String.valueOf(argument)) + "</bdi>";
    }

    /** Names in a row, with the language's own separator ("TIMES OF ISRAEL, REUTERS"; "، " in Arabic). */
    public String join(java.util.Collection<?> names) {
        return names == null ? "" : texts().join(names);
    }

    /**
     * The messages whose keys start with {@code prefix} as a JSON object, for a page's scripts to word what they
     * say (the desk's {@code js.*}): written into a {@code <script type="application/json">}, so {@code </} is
     * escaped.
     */
    public String json(String prefix) {
        jakarta.json.JsonObjectBuilder object = jakarta.json.Json.createObjectBuilder();
        texts().messages(prefix).forEach(object::add);
        return object.build().toString().replace("</", "<\\/");
    }

    public String say(Phrase phrase) {
        return phrase == null ? null : texts().say(phrase);
    }

    /** The page's language: what {@code f:view} sets, so that dates and numbers follow it. */
    public Locale locale() {
        return texts().locale();
    }

    /** The page's {@code lang}. */
    public String lang() {
        return texts().locale().toLanguageTag();
    }

    /**
     * The {@code lang} of the page's own words where they are not in the page's language (it has no bundle, so
     * they are English); null, and so no attribute, where they are.
     */
    public String wordsLang() {
        return texts().speaks() ? null : "en";
    }

    /** {@code ltr} for English words in a right-to-left page whose language has no bundle; null otherwise. */
    public String wordsDir() {
        return texts().speaks() || !Texts.isRightToLeft(texts().locale()) ? null : "ltr";
    }

    /**
     * The {@code lang} of what people wrote (headlines, excerpts, comments) inside words marked English by
     * {@link #wordsLang()}: the page's language; null where no such marking was needed.
     */
    public String contentLang() {
        return texts().speaks() ? null : lang();
    }

    /** {@code rtl} or {@code ltr}: the direction of the page's language. */
    public String dir() {
        return Texts.isRightToLeft(texts().locale()) ? "rtl" : "ltr";
    }
}
