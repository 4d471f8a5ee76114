package org.newsdesk.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Messages;

/**
 * The desk's "Saved." and its kind: a message for the page the browser is sent to after an action, kept
 * in the session until that page renders, then shown with the page's other global messages.
 *
 * <pre>
 * Notices.info("Saved the details of {0}.", photo.getOriginalFilename());
 * return "/admin/media/edit?faces-redirect=true&amp;id=" + id;
 * </pre>
 *
 * Written here instead of using the Faces flash ({@code Messages.addFlashGlobalInfo}), which this
 * container's Mojarra keeps in the memory of the server that set it, under a cookie only that server can
 * read: with two instances, the page after a save on the other one failed with a 500 (a NullPointerException
 * in {@code ELFlash}), and so did the first action after a restart. Mojarra fixed that only in releases
 * after the one Payara bundles. The session is what every instance shares (and a restart of one keeps).
 * Registered in {@code faces-config.xml} as the phase listener that shows them.
 */
public final class Notices implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String KEY = "newsdesk.notices";

    /** One message waiting for its page. */
    private record Notice(int severity, String text) implements Serializable {
    }

    public Notices() {
        // Faces creates the listener.
    }

    public static void info(String message, Object... parameters) {
        keep(Messages.createInfo(message, parameters));
    }

    public static void warn(String message, Object... parameters) {
        keep(Messages.createWarn(message, parameters));
    }

    public static void error(String message, Object... parameters) {
        keep(Messages.createError(message, parameters));
    }

    private static void keep(FacesMessage message) {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        @SuppressWarnings("unchecked")
        List<Notice> waiting = (List<Notice>) session.get(KEY);
        List<Notice> notices = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        notices.add(new Notice(message.getSeverity().getOrdinal(), message.getSummary()));
        // Set again, not changed in place: a session kept in Hazelcast is written back when an attribute is set.
        session.put(KEY, notices);
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (context.getExternalContext().getSession(false) == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Notice> notices = (List<Notice>) context.getExternalContext().getSessionMap().remove(KEY);
        if (notices != null) {
            for (Notice notice : notices) {
                FacesMessage.Severity severity = (FacesMessage.Severity) FacesMessage.VALUES.get(notice.severity());
                Messages.add(severity, null, notice.text());
            }
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // Nothing after rendering.
    }
}
