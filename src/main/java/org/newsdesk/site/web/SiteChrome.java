package org.newsdesk.site.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.site.ArticleMetadata;
import org.newsdesk.site.FrontPage;
import org.newsdesk.site.SiteIdentity;
import org.newsdesk.site.SiteSettings;

/**
 * What every public page around its content shows and says: the site's name, tagline, logo, language and
 * direction, the section menu, and for listings their whole address, their neighbours and their share card.
 */
@Named("site")
@RequestScoped
public class SiteChrome {

    @Inject
    private SiteSettings settings;

    @Inject
    private PlatformConfig platform;

    private SiteIdentity identity;

    public SiteIdentity getIdentity() {
        if (identity == null) {
            identity = settings.identity();
        }
        return identity;
    }

    public List<SiteSettings.MenuSection> getMenu() {
        return settings.menu();
    }

    /** The configured address, whole, without a trailing slash. */
    public String getUrl() {
        return platform.siteUrl();
    }

    /** The logo's address as the page links it: on this site with the context path, or whole. */
    public String getLogoSrc() {
        String logo = getIdentity().logo();
        return logo == null ? null : logo.startsWith("/") ? jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getRequestContextPath() + logo : logo;
    }

    /** A listing page's whole address: {@code path} ("/", "/section/world") at page {@code number}. */
    public String pageUrl(String path, int number) {
        return platform.siteUrl() + path + (number > 1 ? "?page=" + number : "");
    }

    public String previousUrl(String path, FrontPage page) {
        return page.hasPrevious() ? pageUrl(path, page.page() - 1) : null;
    }

    public String nextUrl(String path, FrontPage page) {
        return page.hasNext() ? pageUrl(path, page.page() + 1) : null;
    }

    /** The site's own share card for a listing. */
    public List<ArticleMetadata.Tag> card(String title, String description, String url) {
        return ArticleMetadata.siteTags(getIdentity(), platform.siteUrl(), title, description, url);
    }

    public String getJsonLd() {
        return ArticleMetadata.siteJsonLd(getIdentity(), platform.siteUrl());
    }
}
