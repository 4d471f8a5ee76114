package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.site.FrontPage;
import org.newsdesk.site.PublicPages;
import org.newsdesk.site.SiteService;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;

/** Serves {@code section.xhtml} ({@code /section/{slug}}) and {@code tag.xhtml} ({@code /tag/{slug}}). */
@Named("listing")
@RequestScoped
public class ListingBacking {

    @Inject
    private SiteService site;

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    @Param(pathIndex = 1)
    private String extraPath;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    @Inject
    private PublicPages publicPages;

    private SiteService.Listing listing;

    public void onload() throws IOException {
        int number = PageNumber.of(pageParameter);
        Optional<SiteService.Listing> found = slug == null || extraPath != null || number < 1 ? Optional.empty()
                : Faces.getViewId().startsWith("/tag") ? site.tagPage(slug, number) : site.sectionPage(slug, number);
        // A tag or section with no published post is not shown at all: its name alone could tell readers
        // what the newsroom is preparing.
        if (found.isEmpty() || found.get().page().posts().isEmpty()) {
            Faces.responseSendError(404, "No such page");
            return;
        }
        listing = found.get();
        publicPages.listing(PublicPages.listing(listing.place()), listing.page().posts());
    }

    public String getTitle() {
        return listing.title();
    }

    public FrontPage getPage() {
        return listing.page();
    }

    public String getDescription() {
        return listing.description();
    }

    /** {@code section} or {@code tag}. */
    public String getKind() {
        return Faces.getViewId().startsWith("/tag") ? "tag" : "section";
    }

    public String getSlug() {
        return slug;
    }
}
