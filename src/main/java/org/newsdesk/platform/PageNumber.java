package org.newsdesk.platform;

import org.omnifaces.cdi.param.ParamValue;

/**
 * The {@code ?page=} of a paged list, as every list page reads it: injected by OmniFaces as
 * {@code @Param(name = "page") ParamValue<Integer>}, which converts the number and keeps what was sent.
 *
 * <pre>
 * ?page absent    of: 1    (no parameter is the first page)
 * ?page=3         of: 3
 * ?page=0, =abc   of: 0    (not a page: a public list answers 404); orFirst: 1 (desk lists show the first page)
 * </pre>
 */
public final class PageNumber {

    private PageNumber() {
    }

    public static int of(ParamValue<Integer> parameter) {
        if (parameter == null || parameter.getSubmittedValue() == null) {
            return 1;
        }
        Integer page = parameter.getValue();
        return page == null || page < 1 ? 0 : page;
    }

    public static int orFirst(ParamValue<Integer> parameter) {
        return Math.max(1, of(parameter));
    }
}
