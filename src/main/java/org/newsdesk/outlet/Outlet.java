package org.newsdesk.outlet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A news organisation whose articles Newsdesk excerpts, such as TIMES OF ISRAEL or REUTERS. */
@Entity
@Table(name = "outlet")
@NamedQuery(name = "Outlet.findByDomain", query = "select o from Outlet o where o.domain = :domain")
@NamedQuery(name = "Outlet.findAll", query = "select o from Outlet o order by o.name")
public class Outlet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 120)
    private String name;

    /** The outlet's home domain without {@code www.}, e.g. {@code timesofisrael.com}. */
    @NotBlank
    @Size(max = 253)
    private String domain;

    @Size(max = 200)
    @Column(name = "credit_style")
    private String creditStyle;

    /** The most words one excerpt may quote, or null for no limit. */
    @Positive
    @Column(name = "max_excerpt_words")
    private Integer maxExcerptWords;

    private String notes;

    @Version
    private long version;

    protected Outlet() {
    }

    public Outlet(String name, String domain) {
        this.name = name;
        this.domain = normalizeDomain(domain);
    }

    /** {@code https://WWW.Reuters.com/} and {@code www.reuters.com} both become {@code reuters.com}. */
    public static String normalizeDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        return d.startsWith("www.") ? d.substring(4) : d;
    }

    /** Whether a host ({@link #normalizeDomain normalized}) is this outlet's domain or under it: {@code uk.reuters.com}. */
    public boolean isHomeOf(String host) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = normalizeDomain(domain);
    }

    public String getCreditStyle() {
        return creditStyle;
    }

    public void setCreditStyle(String creditStyle) {
        this.creditStyle = creditStyle;
    }

    public Integer getMaxExcerptWords() {
        return maxExcerptWords;
    }

    public void setMaxExcerptWords(Integer maxExcerptWords) {
        this.maxExcerptWords = maxExcerptWords;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
