package org.newsdesk.platform;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Unicode's directional formatting characters in what people type, made harmless as the "Trojan Source" advice
 * (CVE-2021-42574) and Unicode's UTS #55 recommend: an override (LRO, RLO), which shows characters in another
 * order than they are stored, is removed with its closing PDF; an embedding (LRE, RLE) or an isolate (LRI,
 * RLI, FSI) is kept only when it is closed on its own line, and a closer without an opener is removed. What
 * is left cannot reach past the text it came in, which pages also isolate ({@code <bdi>}, {@code dir="auto"}).
 * The marks LRM, RLM and ALM, which right-to-left typists use, stay.
 * <pre>
 * BidiControls.neutralise("abc\u202Edef")   // "abcdef"
 * </pre>
 */
public final class BidiControls {

    private static final char LRE = '\u202A';
    private static final char RLE = '\u202B';
    private static final char PDF = '\u202C';
    private static final char LRO = '\u202D';
    private static final char RLO = '\u202E';
    private static final char LRI = '\u2066';
    private static final char RLI = '\u2067';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private BidiControls() {
    }

    public static String neutralise(String text) {
        if (text == null || text.chars().noneMatch(BidiControls::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("(?<=\n)", -1)) {
            out.append(line(line));
        }
        return out.toString();
    }

    /** Whether a character is one of the nine formatting characters this removes when unbalanced. */
    public static boolean isControl(int c) {
        return c >= LRE && c <= RLO || c >= LRI && c <= PDI;
    }

    private static String line(String line) {
        boolean[] keep = new boolean[line.length()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!isControl(c)) {
                keep[i] = true;
            } else if (c == LRE || c == RLE || c == LRO || c == RLO || c == LRI || c == RLI || c == FSI) {
                open.push(i);
            } else {
                // PDF closes the last embedding or override; PDI the last isolate (and what was left open in it).
                boolean isolate = c == PDI;
                while (!open.isEmpty()) {
                    int opener = open.pop();
                    char o = line.charAt(opener);
                    boolean openerIsolate = o == LRI || o == RLI || o == FSI;
                    if (openerIsolate == isolate) {
                        boolean override = o == LRO || o == RLO;
                        keep[opener] = !override;
                        keep[i] = !override;
                        break;
                    }
                    if (!isolate) {
                        break; // a PDF never closes past an isolate
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            if (keep[i]) {
                out.append(line.charAt(i));
            }
        }
        return out.toString();
    }
}
