package org.newsdesk.inbox.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.inbox.Feed;
import org.newsdesk.inbox.FeedReader;
import org.newsdesk.inbox.FeedRefusedException;
import org.newsdesk.inbox.Feeds;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.TextLimit;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/inbox/feeds.xhtml}: the feeds the inbox follows, each with its last read (when, what it
 * answered, how many articles, its last error in words); editors add a feed by address, import or export OPML,
 * pause, resume, remove, and read a feed or all of them now. Writers see the list.
 */
@Named("feedsPage")
@RequestScoped
public class FeedsBacking {

    private static final Logger LOG = Logger.getLogger(FeedsBacking.class.getName());

    @Inject
    private Feeds feeds;

    @Inject
    private FeedReader reader;

    @Inject
    private OutletService outlets;

    private String address;
    private Long outletId;
    private String section;
    private Part opml;

    private List<Feed> list;
    private List<Outlet> outletChoices;

    public List<Feed> getFeeds() {
        if (list == null) {
            list = feeds.list();
        }
        return list;
    }

    public List<Outlet> getOutlets() {
        if (outletChoices == null) {
            outletChoices = outlets.all();
        }
        return outletChoices;
    }

    public boolean isEditor() {
        return Faces.isUserInRole(Role.EDITOR_NAME) || Faces.isUserInRole(Role.ADMIN_NAME);
    }

    public FeedReader.RunReport getLastRun() {
        return reader.last();
    }

    public boolean isRunning() {
        return reader.isRunning();
    }

    public void add() throws IOException {
        try {
            Feeds.Added added = feeds.add(address, outletId, section);
            FeedReader.FeedRead read = reader.readOne(added.feed().getId());
            if (read.error() != null) {
                Notices.warn("feeds.added.failed", added.feed().getName(), added.feed().getOutlet().getName(), read.error());
            } else {
                Notices.info("feeds.added", added.feed().getName(), added.feed().getOutlet().getName(), read.items(), read.newItems());
            }
            if (!added.alsoOffered().isEmpty()) {
                Notices.info("feeds.alsoOffered", String.join(", ", added.alsoOffered()));
            }
            Faces.redirect("admin/inbox/feeds");
        } catch (FeedRefusedException e) {
            Messages.addError("add:" + ("outlet".equals(e.field()) ? "outlet" : "address"), e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public void importOpml() throws IOException {
        try {
            if (opml == null || opml.getSubmittedFileName() == null || opml.getSubmittedFileName().isBlank()) {
                Messages.addError("opml:file", "feeds.refused.opmlNone");
                return;
            }
            if (opml.getSize() > Feeds.MAX_OPML_BYTES) {
                Messages.addError("opml:file", "feeds.refused.opmlLarge", Feeds.MAX_OPML_BYTES / 1024 / 1024);
                return;
            }
            byte[] bytes;
            try (InputStream in = opml.getInputStream()) {
                bytes = in.readNBytes(Feeds.MAX_OPML_BYTES + 1);
            }
            Feeds.OpmlImport done = feeds.importOpml(bytes);
            Notices.info("feeds.imported", done.added());
            if (!done.skipped().isEmpty()) {
                Notices.info("feeds.importedLeft", List.copyOf(done.skipped().subList(0, Math.min(done.skipped().size(), 12))));
            }
            Faces.redirect("admin/inbox/feeds");
        } catch (FeedRefusedException e) {
            Messages.addError("opml:file", e.phrase().key(), e.phrase().arguments().toArray());
        } finally {
            if (opml != null) {
                try {
                    opml.delete();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "Could not remove an upload's temporary file", e);
                }
            }
        }
    }

    public void exportOpml() throws IOException {
        Faces.sendFile(feeds.exportOpml().getBytes(StandardCharsets.UTF_8), "newsdesk-feeds.opml", true);
    }

    public void readNow(long feedId) throws IOException {
        FeedReader.FeedRead read = reader.readOne(feedId);
        if (read.error() != null) {
            Notices.warn("feeds.readFailed", read.error());
        } else {
            if (read.status() == 304) {
                Notices.info("feeds.read.unchanged");
            } else {
                Notices.info("feeds.read", read.items(), read.newItems());
            }
        }
        Faces.redirect("admin/inbox/feeds");
    }

    public void readAll() throws IOException {
        reader.startNow();
        Notices.info("feeds.readingAll");
        Faces.redirect("admin/inbox/feeds");
    }

    public void setActive(long feedId, boolean active) throws IOException {
        feeds.setActive(feedId, active);
        Notices.info(active ? "feeds.resumed" : "feeds.pausedDone");
        Faces.redirect("admin/inbox/feeds");
    }

    public void remove(long feedId) throws IOException {
        feeds.remove(feedId);
        Notices.info("feeds.removed");
        Faces.redirect("admin/inbox/feeds");
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Long getOutletId() {
        return outletId;
    }

    public void setOutletId(Long outletId) {
        this.outletId = outletId;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public Part getOpml() {
        return opml;
    }

    public void setOpml(Part opml) {
        this.opml = opml;
    }
}
