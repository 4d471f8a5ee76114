package org.newsdesk.outlet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.newsdesk.account.Role;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.platform.Phrase;

/**
 * The outlet registry: editors keep each outlet's name, domain, credit style, word limit, policies (share of an
 * article, photos, photo credit format, paywall) and notes.
 */
@Stateless
@RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
public class OutletService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<OutletChanged> changes;

    @Inject
    private AuditLog audit;

    /** A change to an outlet that cannot be made, with a message for the field. */
    @ApplicationException(rollback = true)
    public static class OutletRefused extends RuntimeException {

        private final String field;

        private final Phrase phrase;

        public OutletRefused(String field, Phrase phrase) {
            super(phrase.english());
            this.field = field;
            this.phrase = phrase;
        }

        /** What to tell the editor, in the desk's language. */
        public Phrase phrase() {
            return phrase;
        }

        public String field() {
            return field;
        }
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public List<Outlet> all() {
        return em.createNamedQuery("Outlet.findAll", Outlet.class).getResultList();
    }

    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Outlet find(long id) {
        return em.find(Outlet.class, id);
    }

    /**
     * The outlet a writer names on the compose page: the registered one with that domain, or a new one added
     * with the same checks as the registry's form (a writer may add an outlet, not change one).
     */
    @RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Outlet findOrAdd(String name, String domain) {
        checkDomain(domain);
        String normalized = Outlet.normalizeDomain(domain);
        Optional<Outlet> known = em.createNamedQuery("Outlet.findByDomain", Outlet.class).setParameter("domain", normalized)
                .getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        checkName(name, null);
        Outlet outlet = new Outlet(name.strip(), normalized);
        em.persist(outlet);
        audit.record("outlet.created", "outlet", outlet.getId(), outlet.getName() + " (" + normalized + ")");
        return outlet;
    }

    /** Whether {@code domain} is one an outlet may have: a host name with a top-level domain, not an address. */
    public static boolean acceptsDomain(String domain) {
        return domain != null && !domain.isBlank() && Outlet.normalizeDomain(domain).matches("[a-z0-9.-]+\\.[a-z]{2,}");
    }

    private void checkDomain(String domain) {
        if (!acceptsDomain(domain)) {
            throw new OutletRefused("domain", Phrase.of("outlets.refused.domain"));
        }
    }

    private void checkName(String name, Long id) {
        if (name == null || name.isBlank()) {
            throw new OutletRefused("name", Phrase.of("outlets.refused.name"));
        }
        for (Outlet other : all()) {
            if (!other.getId().equals(id) && other.getName().equalsIgnoreCase(name.strip())) {
                throw new OutletRefused("name", Phrase.of("outlets.refused.nameTaken", other.getName(), other.getDomain()));
            }
        }
    }

    public Outlet save(Long id, String name, String domain, String creditStyle, Integer maxExcerptWords, OutletPolicies policies,
                       String notes) {
        checkName(name, id);
        checkDomain(domain);
        if (creditStyle != null && !creditStyle.isBlank() && !creditStyle.contains("{credit}")) {
            throw new OutletRefused("creditStyle", Phrase.of("outlets.refused.creditStyle"));
        }
        if (maxExcerptWords != null && maxExcerptWords < 1) {
            throw new OutletRefused("maxExcerptWords", Phrase.of("outlets.refused.wordLimit"));
        }
        if (policies.maxQuotePercent() != null && (policies.maxQuotePercent() < 1 || policies.maxQuotePercent() > 100)) {
            throw new OutletRefused("maxQuotePercent", Phrase.of("outlets.refused.share"));
        }
        String creditFormat = blank(policies.photoCreditFormat()) ? null : policies.photoCreditFormat().strip();
        if (creditFormat != null && creditFormat.replace(Outlet.NAME, "").matches(".*[{}].*")) {
            throw new OutletRefused("photoCreditFormat", Phrase.of("outlets.refused.creditFormat"));
        }
        if (creditFormat != null && creditFormat.length() > 200) {
            throw new OutletRefused("photoCreditFormat", Phrase.of("outlets.refused.creditFormatLong", 200));
        }
        String normalized = Outlet.normalizeDomain(domain);
        for (Outlet other : all()) {
            if (!other.getId().equals(id) && other.getDomain().equals(normalized)) {
                throw new OutletRefused("domain", Phrase.of("outlets.refused.domainTaken", other.getName()));
            }
        }
        Outlet outlet = id == null ? new Outlet(name.strip(), normalized) : em.find(Outlet.class, id);
        outlet.setName(name.strip());
        outlet.setDomain(normalized);
        outlet.setCreditStyle(creditStyle == null || creditStyle.isBlank() ? null : creditStyle.strip());
        outlet.setMaxExcerptWords(maxExcerptWords);
        outlet.setMaxQuotePercent(policies.maxQuotePercent());
        outlet.setPhotoPolicy(policies.photoPolicy());
        outlet.setPhotoCreditFormat(creditFormat);
        outlet.setPaywalled(policies.paywalled());
        outlet.setNotes(notes == null || notes.isBlank() ? null : notes.strip());
        if (id == null) {
            em.persist(outlet);
        } else {
            changes.fire(new OutletChanged(outlet.getId()));
        }
        audit.record(id == null ? "outlet.created" : "outlet.updated", "outlet", outlet.getId(),
                outlet.getName() + " (" + outlet.getDomain() + "), limit " + maxExcerptWords + ", share "
                        + (outlet.getMaxQuotePercent() == null ? "any" : outlet.getMaxQuotePercent() + "%") + ", photos "
                        + outlet.getPhotoPolicy().name().toLowerCase(java.util.Locale.ROOT)
                        + (creditFormat == null ? "" : ", credited " + creditFormat) + (outlet.isPaywalled() ? ", paywalled" : ""));
        return outlet;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
