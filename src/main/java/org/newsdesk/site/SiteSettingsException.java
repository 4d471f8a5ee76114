package org.newsdesk.site;

import jakarta.ejb.ApplicationException;

/** A value the desk's Site or Sections page cannot take, with the field it belongs to, so the page says so there. */
@ApplicationException(rollback = true)
public class SiteSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Each refused field's id ({@code name}, {@code tagline}, {@code language}, {@code logo}...) and why. */
    private final java.util.Map<String, String> problems;

    public SiteSettingsException(String field, String message) {
        this(java.util.Map.of(field, message));
    }

    public SiteSettingsException(java.util.Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = java.util.Map.copyOf(problems);
    }

    /** The first field refused, for a form with one field in question. */
    public String field() {
        return problems.keySet().iterator().next();
    }

    public java.util.Map<String, String> problems() {
        return problems;
    }
}
