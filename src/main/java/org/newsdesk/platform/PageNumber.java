package org.newsdesk.platform;

/**
 * The {@code ?page=} of a paged list, as every list page reads it.
 *
 * <pre>
 * PageNumber.parse(null)   // 1: no parameter is the first page
 * PageNumber.parse("3")    // 3
 * PageNumber.parse("0")    // 0: not a page (a public list answers 404)
 * PageNumber.parse("abc")  // 0
 * PageNumber.orFirst("abc") // 1: desk lists just show the first page
 * </pre>
 */
public final class PageNumber {

    private PageNumber() {
    }

    public static int parse(String parameter) {
        if (parameter == null) {
            return 1;
        }
        return parameter.matches("\\d{1,6}") ? Integer.parseInt(parameter) : 0;
    }

    public static int orFirst(String parameter) {
        return Math.max(1, parse(parameter));
    }
}
