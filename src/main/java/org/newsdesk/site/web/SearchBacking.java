package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.site.FrontPage;
import org.newsdesk.site.SiteService;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;

/** Serves {@code search.xhtml} at {@code /search?q=}: published posts holding every word typed. */
@Named("search")
@RequestScoped
public class SearchBacking {

    @Inject
    private SiteService site;

    @Inject
    @Param(name = "q")
    private String query;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    private FrontPage results;

    public FrontPage getResults() {
        if (results == null) {
            int page = PageNumber.orFirst(pageParameter);
            results = site.search(query, page);
        }
        return results;
    }

    public String getQuery() {
        return query == null ? "" : query.strip();
    }

    /** The address of this search, for the newer/older links. */
    public String getPageBase() {
        return "/search?q=" + URLEncoder.encode(getQuery(), StandardCharsets.UTF_8) + "&";
    }
}
