package org.newsdesk.inbox.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.newsdesk.account.Role;
import org.newsdesk.account.web.DeskArea;
import org.newsdesk.inbox.Inbox;

/**
 * The desk's front page's "Inbox": what the signed-in person's keyword watches found since they last looked, and
 * for editors the writers' nominations waiting. Shown to those who reach the inbox ({@link DeskArea#INBOX}).
 */
@Named("inboxWaiting")
@RequestScoped
public class InboxWaiting {

    @Inject
    private Inbox inbox;

    @Inject
    private SecurityContext security;

    private List<Inbox.Watch> watches;
    private Long nominations;

    public boolean isShown() {
        return DeskArea.INBOX.getRoles().stream().anyMatch(role -> security.isCallerInRole(role.name()));
    }

    public String getPath() {
        return DeskArea.INBOX.getPath();
    }

    /** The watches that found something new, with their counts. */
    public List<Inbox.Watch> getWatches() {
        if (watches == null) {
            watches = inbox.watches().stream().filter(w -> w.newHits() > 0).toList();
        }
        return watches;
    }

    public long getNominations() {
        if (nominations == null) {
            nominations = security.isCallerInRole(Role.EDITOR_NAME) || security.isCallerInRole(Role.ADMIN_NAME) ? inbox.openNominationCount() : 0;
        }
        return nominations;
    }
}
