package org.newsdesk.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.source.OutletMatch;
import org.newsdesk.source.SourceFetcher;
import org.newsdesk.source.SourcePage;
import org.newsdesk.source.SourceReader;
import org.newsdesk.source.SourceRefusedException;

/**
 * The feeds the inbox follows: added by address (a feed, or a page whose feeds are discovered from its
 * {@code <link rel="alternate">}), imported and exported as OPML, paused and removed. Editors keep them; writers
 * see them.
 */
@Stateless
@RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
public class Feeds {

    /** The largest OPML file taken, and the most feeds in it. */
    public static final int MAX_OPML_BYTES = 2 * 1024 * 1024;
    public static final int MAX_OPML_FEEDS = 2_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SourceReader reader;

    @EJB
    private OutletService outlets;

    @Inject
    private AuditLog audit;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    /** A feed added, and the other feeds its page offered (to be added by their address, if wanted). */
    public record Added(Feed feed, List<String> alsoOffered) {
    }

    /** What an OPML import did: feeds added, and those left with why. */
    public record OpmlImport(int added, List<Phrase> skipped) {
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<Feed> list() {
        return em.createQuery("select f from Feed f join fetch f.outlet o order by o.name, f.title, f.id", Feed.class).getResultList();
    }

    /**
     * Follows the feed at {@code typed}, or the first feed the page there names; of the outlet chosen, else the
     * registered outlet of its host, else a new outlet named as the feed names its site.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Added add(String typed, Long outletId, String section) {
        if (typed == null || typed.isBlank()) {
            throw new FeedRefusedException("address", Phrase.of("feeds.refused.none"));
        }
        URI address;
        try {
            address = SourceFetcher.address(typed);
        } catch (SourceRefusedException e) {
            throw new FeedRefusedException("address", e.phrase());
        }
        // Read outside any transaction, so that a slow outlet holds no database connection; then kept in one.
        Found found = find(address);
        return context.getBusinessObject(Feeds.class).follow(found, outletId, section);
    }

    /** Keeps a feed that was found: refused when it is followed already; of the outlet chosen or found. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Added follow(Found found, Long outletId, String section) {
        String url = found.page().address().toString();
        if (url.length() > 2000) {
            throw new FeedRefusedException("address", Phrase.of("feeds.refused.tooLong", 2000));
        }
        String hash = ArticleAddress.hash(url);
        List<Feed> same = em.createQuery("select f from Feed f where f.urlHash = :hash", Feed.class).setParameter("hash", hash).getResultList();
        if (!same.isEmpty()) {
            throw new FeedRefusedException("address", Phrase.of("feeds.refused.already", same.get(0).getOutlet().getName()));
        }
        Outlet outlet = outletFor(outletId, found.page().address().getHost(), found.document().title());
        Instant now = Instant.now();
        Feed feed = new Feed(outlet, url, hash, blankToNull(TextLimit.shorten(section, 100)), now);
        feed.title = found.document().title() == null ? null : TextLimit.shorten(found.document().title(), 500);
        feed.format = found.document().format();
        feed.language = found.document().language();
        feed.hubUrl = found.document().hubUrl();
        em.persist(feed);
        audit.record("feed.added", "feed", feed.getId(), outlet.getName() + ": " + url);
        return new Added(feed, found.others());
    }

    /** A feed read at an address, or found from the page there, and the other feeds that page named. */
    public record Found(SourcePage page, FeedDocument document, List<String> others) {
    }

    /** The feed at the address, or discovered from the page there; refused in words when there is none. */
    private Found find(URI address) {
        SourcePage page = fetch(address);
        try {
            return new Found(page, FeedFormats.read(page.body(), page.contentType(), page.address()), List.of());
        } catch (FeedUnreadableException notAFeed) {
            List<String> offered = discover(page);
            if (offered.isEmpty()) {
                throw new FeedRefusedException("address", Phrase.of("feeds.refused.noFeed", notAFeed.phrase()));
            }
            SourcePage feedPage = fetch(URI.create(offered.get(0)));
            try {
                return new Found(feedPage, FeedFormats.read(feedPage.body(), feedPage.contentType(), feedPage.address()),
                        offered.subList(1, Math.min(offered.size(), 6)));
            } catch (FeedUnreadableException e) {
                throw new FeedRefusedException("address", Phrase.of("feeds.refused.named", TextLimit.shorten(offered.get(0), 100), e.phrase()));
            }
        }
    }

    private SourcePage fetch(URI address) {
        try {
            SourcePage page = reader.fetch(address, SourceFetcher.Expect.FEED, null, null);
            if (!page.ok()) {
                throw new FeedRefusedException("address", Phrase.of("feeds.refused.status", address.getHost(), String.valueOf(page.status())));
            }
            return page;
        } catch (SourceRefusedException e) {
            throw new FeedRefusedException("address", e.phrase());
        }
    }

    /** The feeds a web page names in its head ({@code <link rel="alternate">} of a feed type), absolute, in order. */
    static List<String> discover(SourcePage page) {
        if (page.body() == null) {
            return List.of();
        }
        Document html = Jsoup.parse(FeedFormats.decode(page.body()), page.address().toString());
        Set<String> feeds = new LinkedHashSet<>();
        for (Element link : html.select("link[rel~=(?i)alternate][href][type]")) {
            String type = link.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("feed+json") || type.equals("application/json")) {
                String href = FeedFormats.resolve(page.address(), link.attr("href"));
                if (href != null) {
                    feeds.add(href);
                }
            }
        }
        return List.copyOf(feeds);
    }

    private Outlet outletFor(Long outletId, String host, String siteName) {
        if (outletId != null) {
            Outlet outlet = outlets.find(outletId);
            if (outlet == null) {
                throw new FeedRefusedException("outlet", Phrase.of("feeds.refused.outletGone"));
            }
            return outlet;
        }
        OutletMatch match = OutletMatch.of(outlets.all(), Outlet.normalizeDomain(host), siteName);
        if (match.outlet() != null) {
            return match.outlet();
        }
        try {
            return outlets.findOrAdd(match.proposedName(), host);
        } catch (OutletService.OutletRefused e) {
            throw new FeedRefusedException("outlet", Phrase.of("feeds.refused.noOutlet", host));
        }
    }

    public void setActive(long feedId, boolean active) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed != null) {
            feed.active = active;
            if (active) {
                feed.failures = 0;
                feed.nextReadAt = Instant.now();
            }
            audit.record(active ? "feed.resumed" : "feed.paused", "feed", feedId, feed.url);
        }
    }

    /** Stops following the feed; the articles it brought stay until they are pruned. */
    public void remove(long feedId) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed != null) {
            audit.record("feed.removed", "feed", feedId, feed.url);
            em.remove(feed);
        }
    }

    /** The feeds as OPML 2.0, grouped by outlet, for a feed reader or another Newsdesk. */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public String exportOpml() {
        Map<Outlet, List<Feed>> byOutlet = new LinkedHashMap<>();
        list().forEach(feed -> byOutlet.computeIfAbsent(feed.getOutlet(), o -> new ArrayList<>()).add(feed));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters("Newsdesk feeds");
            xml.writeEndElement();
            xml.writeStartElement("dateCreated");
            xml.writeCharacters(DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (Map.Entry<Outlet, List<Feed>> outlet : byOutlet.entrySet()) {
                xml.writeStartElement("outline");
                xml.writeAttribute("text", outlet.getKey().getName());
                xml.writeAttribute("title", outlet.getKey().getName());
                for (Feed feed : outlet.getValue()) {
                    xml.writeEmptyElement("outline");
                    xml.writeAttribute("type", "rss");
                    xml.writeAttribute("text", feed.getName());
                    xml.writeAttribute("title", feed.getName());
                    xml.writeAttribute("xmlUrl", feed.getUrl());
                    xml.writeAttribute("htmlUrl", "https://" + outlet.getKey().getDomain() + "/");
                    if (feed.getSection() != null) {
                        xml.writeAttribute("category", feed.getSection());
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Follows the feeds an OPML file lists ({@code outline} elements with an {@code xmlUrl}), each of the outlet its
     * own host or its {@code htmlUrl} names in the registry, else of a new outlet named as the feed's title proposes;
     * a category (or the folder's name, when it is not the outlet's) becomes the feed's section.
     * Feeds already followed are left; nothing is fetched now: the reader reads them on its next run.
     */
    public OpmlImport importOpml(byte[] file) {
        if (file == null || file.length == 0) {
            throw new FeedRefusedException("opml", Phrase.of("feeds.refused.opmlNone"));
        }
        if (file.length > MAX_OPML_BYTES) {
            throw new FeedRefusedException("opml", Phrase.of("feeds.refused.opmlLarge", MAX_OPML_BYTES / 1024 / 1024));
        }
        Document opml = Jsoup.parse(new String(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
        List<Element> outlines = opml.select("outline[xmlUrl]");
        if (opml.selectFirst("opml") == null || outlines.isEmpty()) {
            throw new FeedRefusedException("opml", Phrase.of("feeds.refused.opmlEmpty"));
        }
        if (outlines.size() > MAX_OPML_FEEDS) {
            throw new FeedRefusedException("opml", Phrase.of("feeds.refused.opmlMany", outlines.size(), MAX_OPML_FEEDS));
        }
        List<Outlet> registry = outlets.all();
        int added = 0;
        List<Phrase> skipped = new ArrayList<>();
        Instant now = Instant.now();
        for (Element outline : outlines) {
            String url = FeedFormats.resolve(null, outline.attr("xmlUrl"));
            if (url == null) {
                skipped.add(Phrase.of("feeds.skip.notAddress", TextLimit.shorten(outline.attr("xmlUrl"), 100)));
                continue;
            }
            try {
                URI checked = SourceFetcher.address(url);
                // An address given by number is checked now (no lookup needed); a name is checked at each read.
                if (checked.getHost().matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
                    java.util.Optional<Phrase> why = reader.unreadable(url);
                    if (why.isPresent()) {
                        skipped.add(Phrase.of("feeds.skip.refused", TextLimit.shorten(url, 100), Phrase.of("feeds.skip.host", checked.getHost(), why.get())));
                        continue;
                    }
                }
            } catch (SourceRefusedException e) {
                skipped.add(Phrase.of("feeds.skip.refused", TextLimit.shorten(url, 100), e.phrase()));
                continue;
            }
            String hash = ArticleAddress.hash(url);
            if (!em.createQuery("select f.id from Feed f where f.urlHash = :hash", Long.class).setParameter("hash", hash).getResultList().isEmpty()) {
                skipped.add(Phrase.of("feeds.skip.already", TextLimit.shorten(url, 100)));
                continue;
            }
            Element parent = outline.parent() != null && "outline".equals(outline.parent().tagName()) ? outline.parent() : null;
            String title = blankToNull(outline.hasAttr("title") ? outline.attr("title") : outline.attr("text"));
            String parentName = parent == null ? null : blankToNull(parent.hasAttr("title") ? parent.attr("title") : parent.attr("text"));
            String htmlHost = FeedFormats.resolve(null, outline.attr("htmlUrl")) == null ? null : URI.create(FeedFormats.resolve(null, outline.attr("htmlUrl"))).getHost();
            String host = htmlHost != null ? htmlHost : URI.create(url).getHost();
            // A folder named as a registered outlet is that outlet; any other folder is a section (feed readers' folders
            // are topics more often than outlets).
            OutletMatch match = OutletMatch.of(registry, Outlet.normalizeDomain(host), title);
            Outlet outlet = match.outlet();
            if (outlet == null) {
                // Checked here, not left to the registry to refuse: its refusal would roll the whole import back.
                if (!OutletService.acceptsDomain(host)) {
                    skipped.add(Phrase.of("feeds.skip.noOutlet", TextLimit.shorten(url, 100), host));
                    continue;
                }
                String name = TextLimit.shorten(match.proposedName(), 120);
                String wanted = name;
                if (registry.stream().anyMatch(o -> o.getName().equalsIgnoreCase(wanted))) {
                    name = TextLimit.shorten(name, 80) + " (" + Outlet.normalizeDomain(host) + ")";
                }
                outlet = outlets.findOrAdd(name, host);
                registry = outlets.all();
            }
            String section = blankToNull(outline.attr("category"));
            if (section == null && parentName != null && !parentName.equalsIgnoreCase(outlet.getName())) {
                section = parentName;
            }
            Feed feed = new Feed(outlet, url, hash, section == null ? null : TextLimit.shorten(section.replaceFirst("^/", ""), 100), now);
            feed.title = title == null ? null : TextLimit.shorten(title, 500);
            em.persist(feed);
            em.flush();
            added++;
        }
        audit.record("feed.imported", "feed", null, added + " feeds from OPML, " + skipped.size() + " left");
        return new OpmlImport(added, skipped);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
