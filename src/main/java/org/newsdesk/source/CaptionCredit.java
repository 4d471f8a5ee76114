package org.newsdesk.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the photographer's or agency's credit out of a picture's caption, as outlets print it at the end
 * or the start of the caption ({@code REUTERS/…}, {@code (AFP)}, {@code Photo: …}, {@code צילום: …},
 * {@code (الجزيرة)}, {@code Image source, …}), and drops the labels pages write for screen readers
 * ({@code Image caption,}, {@code hide caption}). The rest of the caption is kept as written, its spaces
 * collapsed. Only for captions: a sentence of an article that ends in "(AP)" is not a caption.
 *
 * <pre>
 * CaptionCredit.Split split = CaptionCredit.split("Supporters gather in Baghdad, Iraq. REUTERS/Haider Mawlood");
 * split.caption();   // "Supporters gather in Baghdad, Iraq."
 * split.credit();    // "REUTERS/Haider Mawlood"
 * split.where();     // "the caption's \"REUTERS/…\""
 * CaptionCredit.split("He posted a photo of the convoy").credit();   // null: nothing to take
 * </pre>
 *
 * A credit is recognised by a label ({@code Photo:}, {@code Foto:}, {@code Φωτογραφία:}, {@code تصوير:}, ©)
 * or by a known agency's name beside a slash or alone in brackets; a name and a slash alone are not enough,
 * so "the 24/7 market" and "Gaza/Khan Younis" stay in the caption. Where the credit's start is a guess (a
 * name before "/AFP"), it must follow the end of a sentence, a dash or a bar.
 */
public final class CaptionCredit {

    /**
     * A caption parted from its credit: {@code caption} without the credit and the screen-reader labels (null
     * when nothing else was left), {@code credit} as written (null when there was none), {@code where} the
     * shape it was found in, for the editor ({@code the caption's "(AFP)"}).
     */
    public record Split(String caption, String credit, String where) implements Serializable {
    }

    private static final int ANY_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Agencies and picture services as captions name them: short capitals as written, longer names in any case. */
    private static final String AGENCY = "(?:AP Photo|AP PHOTO|AP|AFP PHOTO|AFP Photo|AFP|EPA-EFE|EPA|EFE|UPI|AA|dpa|DPA|ANSA|TASS"
            + "|GPO|KCNA|IRNA|SANA|WAFA|ANP|PA Wire|PA Images|PA|SIPA|ZUMA|ΑΠΕ-ΜΠΕ|ΑΠΕ|ΜΠΕ"
            + "|(?iu:Reuters|Getty Images|Getty|Anadolu Agency|Anadolu|Xinhua|Bloomberg|Flash ?90|Eurokinissi|Intime News"
            + "|Shutterstock|Alamy|NurPhoto|SOPA Images|Middle East Images|Pool|Handout|Sputnik|Yonhap|Kyodo|Keystone"
            + "|Belga|Imago|picture[ -]alliance|Abaca(?:press)?|Hans Lucas|MAXPPP|APAimages|Wikimedia Commons|Europa Press"
            + "|Al Jazeera|Associated Press|Agence France-Presse|IDF Spokesperson(?:'s|’s)? Unit|IDF)"
            + "|רויטרס|פלאש ?90|איי?\\.? ?פי|גטי אימג'ס"
            + "|الجزيرة(?: نت)?|رويترز|أ ?\\.? ?ف ?\\.? ?ب|ا ف ب|غيتي(?: إيميجز)?|وكالة الأناضول|الأناضول|الفرنسية|الأوروبية"
            + "|أسوشيتد ?برس|شترستوك|مواقع التواصل(?: الاجتماعي)?|وفا|سانا)";
    /** One agency or several ("AFP/Getty Images"), perhaps through another ("AFP via Getty Images"). */
    private static final String AGENCIES = AGENCY + "(?:\\s*/\\s*" + AGENCY + ")*(?:\\s+via\\s+" + AGENCY + ")?";
    /**
     * A photographer's name: capitalised words (or words of a script without case), initials ("Jae C. Hong")
     * and the particles names carry ("Mohammed al-Sudani", "Ursula von der Leyen"); never a word ending a sentence.
     */
    private static final String NAME_WORD = "(?:Jr\\.|Sr\\.|\\p{Lu}\\.|[\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}'’\\-]*"
            + "|(?:al|el|de|da|di|du|van|von|der|den|la|le|bin|ibn|abu|dos|del|ben|ter|zu)(?:-\\p{L}[\\p{L}\\p{M}'’\\-]*)?)";
    private static final String NAME = NAME_WORD + "(?: +" + NAME_WORD + "){0,5}";

    private static final Pattern AGENCY_ONLY = Pattern.compile("(?<agency>" + AGENCIES + ")");
    private static final Pattern AGENCY_NAME = Pattern.compile("(?<agency>" + AGENCIES + ")\\s*/\\s*" + NAME + "(?:\\s*/\\s*" + AGENCIES + ")?");
    private static final Pattern NAME_AGENCY = Pattern.compile(NAME + "\\s*/\\s*(?<agency>" + AGENCIES + ")");
    private static final Pattern NAME_FOR = Pattern.compile(NAME + " for (?<outlet>(?:The )?\\p{Lu}[\\p{L}.&'’\\-]*(?: \\p{Lu}[\\p{L}.&'’\\-]*){0,4})");
    private static final Pattern HAS_AGENCY = Pattern.compile("(?<![\\p{L}\\p{N}])" + AGENCY + "(?![\\p{L}\\p{N}])");
    /** A word in small letters ending a sentence: a credit has none, a caption does. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\p{Ll}{2}[.!?] ");
    /** Credits that end no sentence of a caption, so may follow a plain space or comma. */
    private static final Pattern NEVER_CAPTION = Pattern.compile("(?:Getty Images|AP Photo|AFP PHOTO|AFP Photo)$", ANY_CASE);
    /** A note that the picture is an old one, which belongs to neither the caption nor the credit. */
    private static final Pattern FILE_NOTE = Pattern.compile("(?:\\s*[/,]\\s*|\\s+[-–]\\s*|\\s*-\\s*)(?:File(?: Photo)?|FILE(?: PHOTO)?"
            + "|Archives?|أرشيف|ארכיון|Αρχείο)$", ANY_CASE);

    /**
     * Words that say a credit follows. A trusted label says so of whatever follows; the others only of what
     * looks like a name or an agency ("Photo: Hadi Mizban", not "Photo: the convoy at dawn"), and the French
     * "Photo" without a colon only of an agency ("(Photo AFP)", not "(photo taken in 2019)").
     */
    private record Label(Pattern pattern, Trust trust) {

        Label(String label, Trust trust) {
            this(Pattern.compile("(?<label>" + label + ")\\s*(?<rest>\\S.*)", ANY_CASE), trust);
        }
    }

    private enum Trust { ANYTHING, NAME, AGENCY }

    private static final List<Label> LABELS = List.of(
            new Label("Image source\\s*,", Trust.ANYTHING),
            new Label("Photo credits?\\s*:", Trust.ANYTHING),
            new Label("Cr[eé]dits?\\s*:", Trust.ANYTHING),
            new Label("קרדיט\\s*:", Trust.ANYTHING),
            new Label("©", Trust.ANYTHING),
            new Label("Photo(?:graph)?\\s*:", Trust.NAME),
            new Label("Photo by", Trust.NAME),
            new Label("Pictures?\\s*:", Trust.NAME),
            new Label("Pic\\s*:", Trust.NAME),
            new Label("Fotos?\\s*:", Trust.NAME),
            new Label("Fotograf[ií]a\\s*:", Trust.NAME),
            new Label("Bild\\s*:", Trust.NAME),
            new Label("Φωτογραφ(?:ία|ια|ίες|ιες)\\s*:", Trust.NAME),
            new Label("Φωτ[οό]\\s*:", Trust.NAME),
            new Label("צילום\\s*:", Trust.NAME),
            new Label("תצלום\\s*:", Trust.NAME),
            new Label("تصوير\\s*:", Trust.NAME),
            new Label("المصدر\\s*:", Trust.NAME),
            new Label("الصورة\\s*:", Trust.NAME),
            new Label("Photo", Trust.AGENCY));

    /** Lower-case words a name or a credit may hold. */
    private static final Set<String> PARTICLES = Set.of("al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
            "bin", "ibn", "abu", "dos", "das", "del", "ben", "ter", "zu", "y", "for", "via", "and", "of", "the", "und", "et", "pour",
            "por", "für");

    /** Spaces of every kind, and control characters (which would be taken for the marks {@link #split} sets), as one space. */
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s\\p{Cc}]+");
    /** Labels for screen readers and buttons, which part a caption from its credit on BBC, NPR and other pages. */
    private static final Pattern READER_LABELS = Pattern.compile("(?<!\\S)(?:image caption\\s*[,:]|caption\\s*:|hide caption"
            + "|enlarge this image)(?!\\S)|(?-i:^Expand(?!\\S)|(?<!\\S)Expand$)", ANY_CASE);
    /** NPR's "toggle caption" stands right before the credit. */
    private static final Pattern TOGGLE = Pattern.compile("(?<!\\S)toggle caption(?!\\S)", ANY_CASE);
    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?<!\\S)(?=image source\\s*,)", ANY_CASE);
    private static final char PART = '\u0000';
    private static final char CREDIT_NEXT = '\u0001';

    private static final Pattern LEADING_BRACKET = Pattern.compile("[(\\[](?<inner>[^()\\[\\]]{1,120})[)\\]]\\s*(?<rest>.+)");
    private static final Pattern LEADING_DELIMITED = Pattern.compile("(?<head>[^|—–•·]{1,120}?)\\s+[|—–•·-]\\s+(?<rest>.+)");
    /** What may precede a credit whose start is a guess: the end of a sentence, a closing quote or bracket, a dash, a bar. */
    private static final String HARD_BEFORE = ".!?…\"”’»)]|—–-•·;:؟";
    /** What a cut may leave dangling at the start of what remains, and at its end. */
    private static final String LOOSE_START = " ,;:—–-|/•·)]،؛";
    private static final String LOOSE_END = " ,;:—–-|/•·([،؛";
    private static final Pattern DANGLING_LABEL = Pattern.compile("\\s*(?<!\\S)(?:photo credits?|credits?|photo(?:graph)?|image source|צילום|تصوير)\\s*[:,]$", ANY_CASE);

    private CaptionCredit() {
    }

    /** A credit found: as written, the shape it had for the editor, and whether it may follow a plain space. */
    private record Match(String credit, String shape, boolean strong) {
    }

    /** The caption parted from its credit; a caption without one comes back with its labels dropped and spaces collapsed. */
    public static Split split(String caption) {
        if (caption == null) {
            return new Split(null, null, null);
        }
        String text = SPACES.matcher(caption).replaceAll(" ").strip();
        String marked = READER_LABELS.matcher(text).replaceAll(String.valueOf(PART));
        marked = TOGGLE.matcher(marked).replaceAll(PART + "" + CREDIT_NEXT);
        marked = IMAGE_SOURCE.matcher(marked).replaceAll(String.valueOf(PART));
        List<String> parts = new ArrayList<>();
        List<Boolean> creditNext = new ArrayList<>();
        for (String part : marked.split(String.valueOf(PART))) {
            boolean afterToggle = part.startsWith(String.valueOf(CREDIT_NEXT));
            String tidied = tidy(afterToggle ? part.substring(1) : part);
            if (!tidied.isEmpty()) {
                parts.add(tidied);
                creditNext.add(afterToggle);
            }
        }
        Match credit = null;
        if (parts.size() > 1) {
            // Labels parted the caption: a part that is all credit is the credit.
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Match found = credit != null ? null : whole(parts.get(i));
                if (found == null && credit == null && creditNext.get(i) && looksLikeCredit(parts.get(i), true)) {
                    found = new Match(parts.get(i), "toggle caption …", true);
                }
                if (found != null) {
                    credit = found;
                } else {
                    kept.add(parts.get(i));
                }
            }
            parts = kept;
        }
        String rest = String.join(" ", parts);
        if (credit == null) {
            Split cut = cutEnd(rest);
            if (cut == null) {
                cut = cutStart(rest);
            }
            if (cut != null) {
                return cut;
            }
        }
        return new Split(captionOrNull(rest), credit == null ? null : credit.credit(), where(credit));
    }

    /** A credit ending the caption: in brackets, or after a space, a sentence's end, a dash or a bar. */
    private static Split cutEnd(String text) {
        // The last bracketed part, when nothing but a full stop follows it (found by index: pages send long captions too).
        boolean fullStop = text.endsWith(".");
        String body = fullStop ? text.substring(0, text.length() - 1).stripTrailing() : text;
        int close = body.length() - 1;
        int open = Math.max(body.lastIndexOf('('), body.lastIndexOf('['));
        if (close > 0 && (body.charAt(close) == ')' || body.charAt(close) == ']') && open >= 0 && close - open <= 121) {
            String inner = body.substring(open + 1, close);
            Match found = inner.matches("[^()\\[\\]]+") ? whole(inner.strip()) : null;
            if (found != null) {
                String before = tidy(body.substring(0, open));
                boolean stop = fullStop && !before.isEmpty() && ".!?…".indexOf(before.charAt(before.length() - 1)) < 0;
                return parted(before + (stop ? "." : ""), bracketed(found, body.charAt(open), body.charAt(close)));
            }
        }
        for (int at = 0; at < text.length(); at++) {
            if ((at > 0 && text.charAt(at - 1) != ' ') || text.length() - at > 160) {
                continue;
            }
            Match found = whole(text.substring(at));
            if (found != null && (found.strong() || hardBoundary(text, at))) {
                return parted(text.substring(0, at), found);
            }
        }
        return null;
    }

    /** A credit opening the caption: in brackets, or before a dash or a bar. */
    private static Split cutStart(String text) {
        Matcher bracket = LEADING_BRACKET.matcher(text);
        if (bracket.matches()) {
            Match found = whole(bracket.group("inner").strip());
            if (found != null) {
                return parted(bracket.group("rest"), bracketed(found, text.charAt(0), text.charAt(bracket.end("inner"))));
            }
        }
        Matcher delimited = LEADING_DELIMITED.matcher(text);
        if (delimited.matches()) {
            Match found = whole(delimited.group("head"));
            if (found != null) {
                return parted(delimited.group("rest"), found);
            }
        }
        return null;
    }

    private static Split parted(String caption, Match credit) {
        return new Split(captionOrNull(tidy(caption)), credit.credit(), where(credit));
    }

    private static Match bracketed(Match found, char open, char close) {
        return new Match(found.credit(), open + found.shape() + close, true);
    }

    private static String where(Match credit) {
        return credit == null ? null : Provenance.caption(credit.shape());
    }

    private static boolean hardBoundary(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || HARD_BEFORE.indexOf(text.charAt(i)) >= 0;
    }

    /** The text as a credit, when all of it is one; else null. */
    private static Match whole(String text) {
        String credit = tidyCredit(FILE_NOTE.matcher(text.strip()).replaceFirst(""));
        if (credit.isEmpty()) {
            return null;
        }
        for (Label label : LABELS) {
            Matcher m = label.pattern().matcher(credit);
            if (m.matches()) {
                String rest = tidyCredit(FILE_NOTE.matcher(m.group("rest")).replaceFirst(""));
                boolean taken = switch (label.trust()) {
                    case ANYTHING -> looksLikeCredit(rest, true);
                    case NAME -> looksLikeCredit(rest, false);
                    case AGENCY -> agencyForm(rest) != null;
                };
                String written = m.group("label").strip();
                // A label in small letters ("a photo: ...") may be the caption's own words, unless a sentence ended before it.
                return taken ? new Match(rest, written + " …", !Character.isLowerCase(written.codePointAt(0))) : null;
            }
        }
        return agencyForm(credit);
    }

    /** An agency alone, an agency and a photographer ("REUTERS/Haider Mawlood"), or the other way round. */
    private static Match agencyForm(String text) {
        Matcher m = AGENCY_ONLY.matcher(text);
        if (m.matches()) {
            // "Getty Images" ends no sentence of a caption; "Reuters" may ("... told Reuters").
            return new Match(text, text, NEVER_CAPTION.matcher(text).find());
        }
        m = AGENCY_NAME.matcher(text);
        if (m.matches()) {
            return new Match(text, m.group("agency") + "/…", true);
        }
        m = NAME_AGENCY.matcher(text);
        if (m.matches()) {
            return new Match(text, "…/" + m.group("agency"), false);
        }
        m = NAME_FOR.matcher(text);
        if (m.matches()) {
            return new Match(text, "… for " + m.group("outlet"), false);
        }
        return null;
    }

    /**
     * Whether what follows a label reads as a credit: short, one sentence at most, and besides the agencies it
     * names, made of names (words in capitals or in a script without case, and the particles names carry).
     * After a trusted label, any short text.
     */
    private static boolean looksLikeCredit(String text, boolean trusted) {
        if (text.isEmpty() || text.length() > 100 || !Character.isLetterOrDigit(text.codePointAt(0))
                || SENTENCE_END.matcher(text).find()) {
            return false;
        }
        if (trusted) {
            return text.split("\\s+").length <= 12;
        }
        String[] words = HAS_AGENCY.matcher(text).replaceAll(" ").strip().split("[\\s/,]+");
        if (words.length > 8) {
            return false;
        }
        for (String word : words) {
            boolean lower = !word.isEmpty() && Character.isLowerCase(word.codePointAt(0));
            if (lower && !PARTICLES.contains(word.toLowerCase(Locale.ROOT)) && !word.matches("(?:al|el|ad|ar|as|an|at|ash)-\\p{L}.*")) {
                return false;
            }
        }
        return true;
    }

    private static String tidyCredit(String credit) {
        String tidied = credit.strip();
        // A full stop after a credit belongs to no one; an initial's ("Jae C.") stays.
        if (tidied.endsWith(".") && !tidied.matches("(?s).*(?<![\\p{L}])\\p{Lu}\\.$")) {
            tidied = tidied.substring(0, tidied.length() - 1);
        }
        return stripEnd(tidied);
    }

    /** The text without the dashes, commas, bars or brackets a cut left dangling at either end. */
    private static String tidy(String text) {
        int start = 0;
        while (start < text.length() && LOOSE_START.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return stripEnd(DANGLING_LABEL.matcher(text.substring(start).strip()).replaceFirst(""));
    }

    private static String stripEnd(String text) {
        int end = text.length();
        while (end > 0 && LOOSE_END.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String captionOrNull(String caption) {
        String tidied = tidy(caption);
        return tidied.isEmpty() ? null : tidied;
    }
}
