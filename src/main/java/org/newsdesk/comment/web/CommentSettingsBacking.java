package org.newsdesk.comment.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.comment.CommentBan;
import org.newsdesk.comment.ModerationException;
import org.newsdesk.comment.ModerationService;
import org.newsdesk.comment.rules.ModerationSettings;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/comments/settings.xhtml}: the moderation switches and word lists, changed without
 * a restart, and the list of banned authors.
 */
@Named("commentSettings")
@ViewScoped
public class CommentSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private boolean loaded;
    private boolean holdEverything;
    private boolean honeypot;
    private int minimumSeconds;
    private int rateLimitCount;
    private int rateLimitSeconds;
    private boolean refuseDuplicates;
    private int maxLinks;
    private String disallowedWords;
    private String suspectWords;
    private boolean holdFirstComment;
    private int reportThreshold;
    private int closeAfterDays;
    private boolean notifyModerators;
    private int commentsPerPage;
    private boolean newestFirst;
    private transient List<CommentBan> bans;

    public void onload() {
        if (loaded) {
            return;
        }
        loaded = true;
        ModerationSettings s = moderation.settings();
        holdEverything = s.holdEverything();
        honeypot = s.honeypot();
        minimumSeconds = s.minimumSeconds();
        rateLimitCount = s.rateLimitCount();
        rateLimitSeconds = s.rateLimitSeconds();
        refuseDuplicates = s.refuseDuplicates();
        maxLinks = s.maxLinks();
        disallowedWords = String.join("\n", s.disallowedWords());
        suspectWords = String.join("\n", s.suspectWords());
        holdFirstComment = s.holdFirstComment();
        reportThreshold = s.reportThreshold();
        closeAfterDays = s.closeAfterDays();
        notifyModerators = s.notifyModerators();
        commentsPerPage = s.commentsPerPage();
        newestFirst = s.newestFirst();
    }

    public void save() throws IOException {
        try {
            moderation.saveSettings(new ModerationSettings(holdEverything, honeypot, minimumSeconds, rateLimitCount,
                    rateLimitSeconds, refuseDuplicates, maxLinks, ModerationSettings.words(disallowedWords),
                    ModerationSettings.words(suspectWords), holdFirstComment, reportThreshold, closeAfterDays,
                    notifyModerators, commentsPerPage, newestFirst));
            Notices.info("moderation.settings.saved");
            reload();
        } catch (ModerationException e) {
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    public void liftBan(long banId) throws IOException {
        moderation.liftBan(banId);
        Notices.info("moderation.bans.lifted");
        reload();
    }

    private void reload() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/comments/settings");
    }

    public List<CommentBan> getBans() {
        if (bans == null) {
            bans = moderation.bans();
        }
        return bans;
    }

    public boolean isHoldEverything() { return holdEverything; }
    public void setHoldEverything(boolean v) { holdEverything = v; }
    public boolean isHoneypot() { return honeypot; }
    public void setHoneypot(boolean v) { honeypot = v; }
    public int getMinimumSeconds() { return minimumSeconds; }
    public void setMinimumSeconds(int v) { minimumSeconds = v; }
    public int getRateLimitCount() { return rateLimitCount; }
    public void setRateLimitCount(int v) { rateLimitCount = v; }
    public int getRateLimitSeconds() { return rateLimitSeconds; }
    public void setRateLimitSeconds(int v) { rateLimitSeconds = v; }
    public boolean isRefuseDuplicates() { return refuseDuplicates; }
    public void setRefuseDuplicates(boolean v) { refuseDuplicates = v; }
    public int getMaxLinks() { return maxLinks; }
    public void setMaxLinks(int v) { maxLinks = v; }
    public String getDisallowedWords() { return disallowedWords; }
    public void setDisallowedWords(String v) { disallowedWords = v; }
    public String getSuspectWords() { return suspectWords; }
    public void setSuspectWords(String v) { suspectWords = v; }
    public boolean isHoldFirstComment() { return holdFirstComment; }
    public void setHoldFirstComment(boolean v) { holdFirstComment = v; }
    public int getReportThreshold() { return reportThreshold; }
    public void setReportThreshold(int v) { reportThreshold = v; }
    public int getCloseAfterDays() { return closeAfterDays; }
    public void setCloseAfterDays(int v) { closeAfterDays = v; }
    public boolean isNotifyModerators() { return notifyModerators; }
    public int getCommentsPerPage() { return commentsPerPage; }
    public void setCommentsPerPage(int v) { commentsPerPage = v; }
    public boolean isNewestFirst() { return newestFirst; }
    public void setNewestFirst(boolean v) { newestFirst = v; }
    public void setNotifyModerators(boolean v) { notifyModerators = v; }
}
