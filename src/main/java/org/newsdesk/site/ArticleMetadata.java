package org.newsdesk.site;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.media.Photo;
import org.newsdesk.media.VariantSize;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.Post;

/**
 * What a post page tells share cards and search engines, with whole addresses built on the site's configured
 * address: Open Graph and Twitter card tags, and JSON-LD that names the post a {@code NewsArticle} based on each
 * source article it quotes ({@code isBasedOn}: the source's address, outlet and original date), with a
 * breadcrumb from the front page through the section.
 */
public final class ArticleMetadata {

    /** One {@code <meta>}: Open Graph's are {@code property=}, Twitter's {@code name=}. */
    public record Tag(String key, String value) {

        public boolean isProperty() {
            return key.startsWith("og:") || key.startsWith("article:");
        }
    }

    private ArticleMetadata() {
    }

    /** The share card's tags, in the order crawlers read them; empty values are left out. */
    public static List<Tag> shareTags(Post post, SiteIdentity site, String siteUrl, String canonicalUrl) {
        List<Tag> tags = new ArrayList<>();
        String description = description(post);
        add(tags, "og:type", "article");
        add(tags, "og:site_name", site.name());
        add(tags, "og:locale", ogLocale(site.language()));
        add(tags, "og:title", post.getHeadline());
        add(tags, "og:description", description);
        add(tags, "og:url", canonicalUrl);
        Excerpt pictured = pictured(post);
        Photo photo = pictured == null ? null : pictured.getPhoto();
        if (photo != null) {
            int[] size = photo.sizeAt(VariantSize.LARGE);
            add(tags, "og:image", imageUrl(siteUrl, photo));
            add(tags, "og:image:width", String.valueOf(size[0]));
            add(tags, "og:image:height", String.valueOf(size[1]));
            add(tags, "og:image:alt", pictured.getAltText());
        }
        add(tags, "article:published_time", iso(post.getPublishedAt()));
        add(tags, "article:modified_time", iso(post.getUpdatedAt()));
        add(tags, "article:section", post.getSection() == null ? null : post.getSection().getName());
        post.getTags().stream().map(tag -> tag.getName()).sorted().forEach(name -> add(tags, "article:tag", name));
        add(tags, "twitter:card", photo == null ? "summary" : "summary_large_image");
        add(tags, "twitter:title", post.getHeadline());
        add(tags, "twitter:description", description);
        if (photo != null) {
            add(tags, "twitter:image", imageUrl(siteUrl, photo));
            add(tags, "twitter:image:alt", pictured.getAltText());
        }
        return tags;
    }

    /**
     * The JSON-LD graph, safe inside a {@code <script>} element: every {@code <} is written {@code \u003c}, so no
     * text (a headline holding {@code </script>}) can end the element.
     */
    public static String jsonLd(Post post, SiteIdentity site, String siteUrl, String canonicalUrl) {
        return jsonLd(post, List.of(), site, siteUrl, canonicalUrl);
    }

    /** The same, with the post's corrections as schema.org {@code correction}s ({@code CorrectionComment}, dated). */
    public static String jsonLd(Post post, List<org.newsdesk.post.Correction> corrections, SiteIdentity site, String siteUrl,
                                String canonicalUrl) {
        JsonObjectBuilder article = Json.createObjectBuilder()
                .add("@type", "NewsArticle")
                .add("headline", post.getHeadline())
                .add("mainEntityOfPage", canonicalUrl)
                .add("url", canonicalUrl)
                .add("inLanguage", site.language())
                .add("publisher", publisher(site, siteUrl));
        addIfPresent(article, "description", description(post));
        addIfPresent(article, "datePublished", iso(post.getPublishedAt()));
        addIfPresent(article, "dateModified", iso(post.getUpdatedAt()));
        if (post.getSection() != null) {
            article.add("articleSection", post.getSection().getName());
        }
        if (post.getAuthor() != null) {
            article.add("author", Json.createObjectBuilder().add("@type", "Person").add("name", post.getAuthor().getDisplayName()));
        }
        JsonArrayBuilder images = Json.createArrayBuilder();
        JsonArrayBuilder sources = Json.createArrayBuilder();
        for (Excerpt excerpt : post.getExcerpts()) {
            if (excerpt.getPhoto() != null) {
                images.add(imageUrl(siteUrl, excerpt.getPhoto()));
            }
            JsonObjectBuilder source = Json.createObjectBuilder().add("@type", "NewsArticle");
            addIfPresent(source, "url", excerpt.getArticleUrl());
            addIfPresent(source, "description", excerpt.getDek());
            addIfPresent(source, "datePublished", excerpt.getOriginalPublishedOn() == null ? null : excerpt.getOriginalPublishedOn().toString());
            if (excerpt.getSourceAuthors() != null && !excerpt.getSourceAuthors().isBlank()) {
                JsonArrayBuilder authors = Json.createArrayBuilder();
                for (String name : excerpt.getSourceAuthors().split("\\s*,\\s*")) {
                    if (!name.isBlank()) {
                        authors.add(Json.createObjectBuilder().add("@type", "Person").add("name", name));
                    }
                }
                source.add("author", authors);
            }
            if (excerpt.getOutlet() != null) {
                source.add("publisher", Json.createObjectBuilder().add("@type", "Organization")
                        .add("name", excerpt.getOutlet().getName()).add("url", "https://" + excerpt.getOutlet().getDomain() + "/"));
            }
            sources.add(source);
        }
        article.add("image", images).add("isBasedOn", sources);
        if (!corrections.isEmpty()) {
            JsonArrayBuilder notes = Json.createArrayBuilder();
            corrections.forEach(c -> notes.add(Json.createObjectBuilder().add("@type", "CorrectionComment")
                    .add("text", c.getNote()).add("datePublished", iso(c.getCreatedAt()))));
            article.add("correction", notes);
        }

        JsonArrayBuilder crumbs = Json.createArrayBuilder().add(crumb(1, "Home", siteUrl + "/"));
        int position = 2;
        if (post.getSection() != null) {
            crumbs.add(crumb(position++, post.getSection().getName(), siteUrl + "/section/" + post.getSection().getSlug()));
        }
        crumbs.add(crumb(position, post.getHeadline(), canonicalUrl));
        String json = Json.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@graph", Json.createArrayBuilder()
                        .add(article)
                        .add(Json.createObjectBuilder().add("@type", "BreadcrumbList").add("itemListElement", crumbs)))
                .build().toString();
        return scriptSafe(json);
    }

    /**
     * The share card of a page that is not a post (the front page, a section, a tag): the site's own, with the
     * page's title and description and the logo as its image.
     */
    public static List<Tag> siteTags(SiteIdentity site, String siteUrl, String title, String description, String url) {
        List<Tag> tags = new ArrayList<>();
        add(tags, "og:type", "website");
        add(tags, "og:site_name", site.name());
        add(tags, "og:locale", ogLocale(site.language()));
        add(tags, "og:title", title);
        add(tags, "og:description", description);
        add(tags, "og:url", url);
        add(tags, "og:image", site.logoUrl(siteUrl));
        add(tags, "twitter:card", "summary");
        add(tags, "twitter:title", title);
        add(tags, "twitter:description", description);
        add(tags, "twitter:image", site.logoUrl(siteUrl));
        return tags;
    }

    /**
     * The front page's JSON-LD: the {@code WebSite} with its search (so a search engine may offer a search
     * box for it) and the {@code Organization} behind it with its logo.
     */
    public static String siteJsonLd(SiteIdentity site, String siteUrl) {
        JsonObjectBuilder website = Json.createObjectBuilder()
                .add("@type", "WebSite")
                .add("name", site.name())
                .add("url", siteUrl + "/")
                .add("inLanguage", site.language())
                .add("publisher", publisher(site, siteUrl))
                .add("potentialAction", Json.createObjectBuilder()
                        .add("@type", "SearchAction")
                        .add("target", siteUrl + "/search?q={search_term_string}")
                        .add("query-input", "required name=search_term_string"));
        addIfPresent(website, "description", site.tagline());
        return scriptSafe(Json.createObjectBuilder().add("@context", "https://schema.org").add("@graph",
                Json.createArrayBuilder().add(website)).build().toString());
    }

    private static JsonObjectBuilder publisher(SiteIdentity site, String siteUrl) {
        JsonObjectBuilder publisher = Json.createObjectBuilder().add("@type", "Organization").add("name", site.name()).add("url", siteUrl + "/");
        String logo = site.logoUrl(siteUrl);
        if (logo != null) {
            publisher.add("logo", Json.createObjectBuilder().add("@type", "ImageObject").add("url", logo));
        }
        return publisher;
    }

    /**
     * Open Graph's locale, language and territory ({@code pt_BR}); null for a tag without a territory, which
     * Open Graph has no form for (it then takes {@code en_US}, as it does for a page that says nothing).
     */
    static String ogLocale(String languageTag) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(languageTag);
        return locale.getCountry().isEmpty() ? null : locale.getLanguage() + "_" + locale.getCountry();
    }

    /** JSON that can stand inside a script element: {@code <} (and the line separators JavaScript breaks on) escaped. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static JsonObjectBuilder crumb(int position, String name, String url) {
        return Json.createObjectBuilder().add("@type", "ListItem").add("position", position).add("name", name).add("item", url);
    }

    private static String description(Post post) {
        return post.getExcerpts().stream().map(Excerpt::getDek).filter(dek -> dek != null && !dek.isBlank())
                .findFirst().orElse(null);
    }

    /** The first excerpt with a photo: its photo is the card's. */
    private static Excerpt pictured(Post post) {
        return post.getExcerpts().stream().filter(excerpt -> excerpt.getPhoto() != null).findFirst().orElse(null);
    }

    private static String imageUrl(String siteUrl, Photo photo) {
        return siteUrl + "/media/" + photo.getPublicKey() + "/" + VariantSize.LARGE.variantName();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static void add(List<Tag> tags, String key, String value) {
        if (value != null && !value.isBlank()) {
            tags.add(new Tag(key, value));
        }
    }

    private static void addIfPresent(JsonObjectBuilder object, String key, String value) {
        if (value != null && !value.isBlank()) {
            object.add(key, value);
        }
    }
}
