package org.newsdesk.drift.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.newsdesk.account.web.DeskArea;
import org.newsdesk.drift.SourceDrifts;

/**
 * The desk's front page's "Source changes": how many changes at quoted sources wait for an editor. Shown to those
 * who reach the Source changes page ({@link DeskArea#SOURCES}); {@link SourceDrifts} refuses anyone else.
 */
@Named("sourceChangesWaiting")
@RequestScoped
public class SourceChangesWaiting {

    @Inject
    private SourceDrifts drifts;

    @Inject
    private SecurityContext security;

    private Long count;

    public boolean isShown() {
        return DeskArea.SOURCES.getRoles().stream().anyMatch(role -> security.isCallerInRole(role.name()));
    }

    /** The Source changes page's address from the site's root, as {@link DeskArea} declares it. */
    public String getPath() {
        return DeskArea.SOURCES.getPath();
    }

    public long getCount() {
        if (count == null) {
            count = drifts.count(true);
        }
        return count;
    }
}
