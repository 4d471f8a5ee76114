package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.site.FrontPage;
import org.newsdesk.site.PublicPages;
import org.newsdesk.site.SiteService;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;

/** Serves {@code index.xhtml}: the newest published posts, a page at a time ({@code /?page=2}). */
@Named("frontPage")
@RequestScoped
public class FrontPageBacking {

    @Inject
    private SiteService site;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    @Inject
    private PublicPages publicPages;

    private FrontPage page;

    public void onload() throws IOException {
        int number = PageNumber.of(pageParameter);
        if (number < 1) {
            Faces.responseSendError(404, "No such page");
            return;
        }
        page = site.frontPage(number);
        if (number > 1 && page.posts().isEmpty()) {
            Faces.responseSendError(404, "No such page");
            return;
        }
        publicPages.listing(PublicPages.FRONT, page.posts());
    }

    public FrontPage getPage() {
        return page;
    }
}
