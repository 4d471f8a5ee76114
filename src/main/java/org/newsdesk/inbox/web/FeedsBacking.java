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
            String also = added.alsoOffered().isEmpty() ? "" : " The page also offers " + String.join(", ", added.alsoOffered())
                    + ": add those by their address if wanted.";
            if (read.error() != null) {
                Notices.warn("Following " + added.feed().getName() + " of " + added.feed().getOutlet().getName() + ", but its first read failed: "
                        + read.error() + also);
            } else {
                Notices.info("Following " + added.feed().getName() + " of " + added.feed().getOutlet().getName() + ": " + read.items()
                        + (read.items() == 1 ? " article" : " articles") + " in it, " + read.newItems() + " new to the inbox." + also);
            }
            Faces.redirect("admin/inbox/feeds");
        } catch (FeedRefusedException e) {
            Messages.addError("add:" + ("outlet".equals(e.field()) ? "outlet" : "address"), e.getMessage());
        }
    }

    public void importOpml() throws IOException {
        try {
            if (opml == null || opml.getSubmittedFileName() == null || opml.getSubmittedFileName().isBlank()) {
                Messages.addError("opml:file", "Choose an OPML file (exported by a feed reader).");
                return;
            }
            if (opml.getSize() > Feeds.MAX_OPML_BYTES) {
                Messages.addError("opml:file", "That file is larger than " + Feeds.MAX_OPML_BYTES / 1024 / 1024 + " MB; OPML files of feeds are far smaller.");
                return;
            }
            byte[] bytes;
            try (InputStream in = opml.getInputStream()) {
                bytes = in.readNBytes(Feeds.MAX_OPML_BYTES + 1);
            }
            Feeds.OpmlImport done = feeds.importOpml(bytes);
            String skipped = done.skipped().isEmpty() ? "" : " Left: " + TextLimit.shorten(String.join("; ", done.skipped()), 600);
            Notices.info("Following " + done.added() + (done.added() == 1 ? " feed" : " feeds") + " from the file; they are read in the next minutes." + skipped);
            Faces.redirect("admin/inbox/feeds");
        } catch (FeedRefusedException e) {
            Messages.addError("opml:file", e.getMessage());
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
            Notices.warn("The feed could not be read: " + read.error());
        } else {
            Notices.info(read.status() == 304 ? "Read: unchanged since the last read."
                    : "Read: " + read.items() + (read.items() == 1 ? " article" : " articles") + ", " + read.newItems() + " new.");
        }
        Faces.redirect("admin/inbox/feeds");
    }

    public void readAll() throws IOException {
        reader.startNow();
        Notices.info("Reading every feed that is due now; new articles appear in the inbox as they come.");
        Faces.redirect("admin/inbox/feeds");
    }

    public void setActive(long feedId, boolean active) throws IOException {
        feeds.setActive(feedId, active);
        Notices.info(active ? "Resumed: it is read again from now." : "Paused: it is not read until resumed.");
        Faces.redirect("admin/inbox/feeds");
    }

    public void remove(long feedId) throws IOException {
        feeds.remove(feedId);
        Notices.info("No longer followed. The articles it brought stay in the inbox until they are old.");
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
