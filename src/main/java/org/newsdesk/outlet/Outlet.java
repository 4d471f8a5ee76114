package org.newsdesk.outlet;

import jakarta.persistence.Column;
import org.newsdesk.platform.BidiControls;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.regex.Pattern;

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

    /** The largest share of the source article, in per cent, that one excerpt may quote; null for no limit. */
    @Min(1)
    @Max(100)
    @Column(name = "max_quote_percent")
    private Integer maxQuotePercent;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "photo_policy")
    private PhotoPolicy photoPolicy = PhotoPolicy.ALWAYS;

    /**
     * The form an excerpt's photo credit line must take, {@value #NAME} standing for the photographer's (or
     * agency's) name, e.g. {@code AP Photo/{name}}; null for any credit. See {@link #creditMatchesFormat}.
     */
    @Size(max = 200)
    @Column(name = "photo_credit_format")
    private String photoCreditFormat;

    /** Whether readers need a subscription to read the outlet's articles: the post page says so by the link. */
    private boolean paywalled;

    /** What editors should know about quoting this outlet; the compose page shows it by each excerpt of it. */
    private String notes;

    @Version
    private long version;

    protected Outlet() {
    }

    public Outlet(String name, String domain) {
        this.name = BidiControls.neutralise(name);
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

    /** The placeholder of a {@link #getPhotoCreditFormat() photo credit format}: the photographer's name. */
    public static final String NAME = "{name}";

    /**
     * Whether a credit line has the form a photo credit format asks for: the format's text as written (spaces
     * at either end ignored), each {@value #NAME} standing for a name of at least one character that is not a
     * space. {@code AP Photo/{name}} accepts "AP Photo/Hadi Mizban" and refuses "Hadi Mizban/AP" and "AP Photo/".
     * A format without {@value #NAME} asks for exactly its text ("Reuters"); a null or blank format accepts any.
     * <pre>
     * Outlet.creditMatchesFormat("AP Photo/Hadi Mizban", "AP Photo/{name}") // true
     * </pre>
     */
    public static boolean creditMatchesFormat(String creditLine, String format) {
        if (format == null || format.isBlank()) {
            return true;
        }
        if (creditLine == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        String[] literals = format.strip().split(Pattern.quote(NAME), -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("\\s*\\S.*?");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(creditLine.strip()).matches();
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

    public Integer getMaxQuotePercent() {
        return maxQuotePercent;
    }

    public void setMaxQuotePercent(Integer maxQuotePercent) {
        this.maxQuotePercent = maxQuotePercent;
    }

    public PhotoPolicy getPhotoPolicy() {
        return photoPolicy;
    }

    public void setPhotoPolicy(PhotoPolicy photoPolicy) {
        this.photoPolicy = photoPolicy == null ? PhotoPolicy.ALWAYS : photoPolicy;
    }

    public String getPhotoCreditFormat() {
        return photoCreditFormat;
    }

    public void setPhotoCreditFormat(String photoCreditFormat) {
        this.photoCreditFormat = photoCreditFormat;
    }

    public boolean isPaywalled() {
        return paywalled;
    }

    public void setPaywalled(boolean paywalled) {
        this.paywalled = paywalled;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
