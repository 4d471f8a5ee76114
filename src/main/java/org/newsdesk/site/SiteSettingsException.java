package org.newsdesk.site;

import jakarta.ejb.ApplicationException;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsdesk.platform.Phrase;

/** A value the desk's Site or Sections page cannot take, with the field it belongs to, so the page says so there. */
@ApplicationException(rollback = true)
public class SiteSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Each refused field's id ({@code name}, {@code tagline}, {@code language}, {@code logo}...) and what to say. */
    private final transient Map<String, Phrase> problems;

    public SiteSettingsException(String field, Phrase phrase) {
        this(Map.of(field, phrase));
    }

    public SiteSettingsException(Map<String, Phrase> problems) {
        super(problems.values().stream().map(Phrase::english).collect(Collectors.joining(" ")));
        this.problems = Map.copyOf(problems);
    }

    /** The first field refused, for a form with one field in question. */
    public String field() {
        return problems.keySet().iterator().next();
    }

    /** The first refusal, for a form with one field in question. */
    public Phrase phrase() {
        return problems.values().iterator().next();
    }

    public Map<String, Phrase> problems() {
        return problems;
    }
}
