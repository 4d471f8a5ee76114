package org.newsdesk.drift.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.drift.DriftKind;
import org.newsdesk.drift.DriftMonitor;
import org.newsdesk.drift.SourceDrifts;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;
import org.newsdesk.post.WorkflowException;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/sources/index.xhtml}: the changes the drift monitor found at our sources, newest first,
 * each with the posts that quote the source; an editor marks a change handled, opens the post, or adds a
 * correction readers see (its text proposed from the change).
 */
@Named("sourceChanges")
@RequestScoped
public class SourceChangesBacking {

    @Inject
    private SiteLanguage siteLanguage;

    @Inject
    private SourceDrifts drifts;

    @Inject
    private DriftMonitor monitor;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    /** The correction typed for each change, by change id. */
    private final Map<Long, String> notes = new HashMap<>();

    private List<SourceDrifts.Row> rows;
    /** Read once per request: the page shows each in several places. */
    private Long openCount;
    private Long handledCount;
    private SourceDrifts.Watch watch;
    private DriftMonitor.RunReport lastRun;

    public boolean isHandledView() {
        return "handled".equals(Faces.getRequestParameter("show"));
    }

    public int getPage() {
        return PageNumber.orFirst(pageParameter);
    }

    public List<SourceDrifts.Row> getRows() {
        if (rows == null) {
            rows = drifts.list(!isHandledView(), getPage());
        }
        return rows;
    }

    public long getOpenCount() {
        if (openCount == null) {
            openCount = drifts.count(true);
        }
        return openCount;
    }

    public long getHandledCount() {
        if (handledCount == null) {
            handledCount = drifts.count(false);
        }
        return handledCount;
    }

    public long getPageCount() {
        long count = isHandledView() ? getHandledCount() : getOpenCount();
        return Math.max(1, (count + SourceDrifts.PAGE_SIZE - 1) / SourceDrifts.PAGE_SIZE);
    }

    public SourceDrifts.Watch getWatch() {
        if (watch == null) {
            watch = drifts.watch();
        }
        return watch;
    }

    public DriftMonitor.RunReport getLastRun() {
        if (lastRun == null) {
            lastRun = monitor.last();
        }
        return lastRun;
    }

    public boolean isRunning() {
        return monitor.isRunning();
    }

    public void checkNow() throws IOException {
        monitor.startNow();
        Notices.info("sources.checkingNow");
        Faces.redirect("admin/sources/");
    }

    public void markHandled(long driftId) throws IOException {
        try {
            drifts.markHandled(driftId);
            Notices.info("sources.handledDone");
        } catch (WorkflowException e) {
            Notices.warn(e.phrase().key(), e.phrase().arguments().toArray());
        }
        Faces.redirect("admin/sources/");
    }

    public void correct(int index, long driftId, long postId, String headline) throws IOException {
        try {
            drifts.correct(driftId, postId, notes.get(driftId));
            Notices.info("sources.correctionAdded", headline);
            Faces.redirect("admin/sources/");
        } catch (WorkflowException e) {
            Messages.addError("changes:rows:" + index + ":note", e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    /** The correction proposed for a change, until the editor types their own. */
    public String suggestion(SourceDrifts.Row row) {
        // Readers read it under the post: in the site's language.
        Texts words = Texts.of(Texts.Family.SITE, siteLanguage.locale());
        String outlet = row.quoting().isEmpty() || row.quoting().get(0).outletName() == null ? words.text("correction.theSource")
                : row.quoting().get(0).outletName();
        DriftKind kind = row.drift().getKind();
        return words.format("correction.suggest." + kind.name(), outlet, row.drift().getAfter() == null ? "" : row.drift().getAfter());
    }

    public Map<Long, String> getNotes() {
        if (notes.isEmpty() && rows != null) {
            rows.forEach(row -> notes.putIfAbsent(row.drift().getId(), suggestion(row)));
        }
        return notes;
    }
}
