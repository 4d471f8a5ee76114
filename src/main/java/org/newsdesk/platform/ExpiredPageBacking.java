package org.newsdesk.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * Serves the "page has expired" page: a form sent after its view state was lost (the session ended, the
 * server restarted, or the state was tampered with) is the client's stale copy, so the answer is a 400,
 * not a server error. Whatever text the form carried is offered back, so that nothing typed is lost.
 */
@Named("expiredPage")
@RequestScoped
public class ExpiredPageBacking {

    /** Faces' own fields, buttons and secrets are not text a person typed. */
    private static final String NOT_TYPED = "(?i).*(ViewState|ClientWindow|password|token|jakarta\\.faces|:(save|submit|publish|schedule|"
            + "reject|unpublish|discard|go|send|approve|spam|trash|restore)[^:]*$).*";

    @Inject
    private HttpServletRequest request;

    @Inject
    private SiteWords words;

    /** Sets the status of the answer; called as the page renders. */
    public String getStatus() {
        Faces.getResponse().setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "";
    }

    /** The text fields the expired form carried, as sent, for the person to copy. */
    public List<Map.Entry<String, String>> getTyped() {
        List<Map.Entry<String, String>> typed = new ArrayList<>();
        if (!"POST".equals(request.getMethod())) {
            return typed;
        }
        Map<String, String[]> sent;
        try {
            sent = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A body the container cannot read (a broken multipart one): there is nothing to give back.
            return typed;
        }
        sent.forEach((name, values) -> {
            if (!name.matches(NOT_TYPED)) {
                for (String value : values) {
                    // A form's own marker (a hidden field named and valued after the form, "edit=edit") is not typed either.
                    if (value != null && !value.isBlank() && !value.matches("\\d{1,19}|true|false|on") && !value.equals(name)) {
                        typed.add(Map.entry(label(name, words.texts()), value));
                    }
                }
            }
        });
        return typed;
    }

    /**
     * A reader's field by its label ({@code comment-form:body} is "Comment"); otherwise {@code edit:excerpts:0:dek}
     * becomes "excerpts 1 dek": the form's id dropped, positions counted from 1.
     */
    static String label(String name, Texts texts) {
        String last = name.substring(name.lastIndexOf(':') + 1);
        if (texts.has("field." + last)) {
            return texts.text("field." + last);
        }
        List<String> words = new ArrayList<>(List.of(name.split(":")));
        if (words.size() > 1) {
            words.remove(0);
        }
        return String.join(" ", words.stream().map(w -> w.matches("\\d{1,9}") ? String.valueOf(Integer.parseInt(w) + 1) : w).toList());
    }
}
