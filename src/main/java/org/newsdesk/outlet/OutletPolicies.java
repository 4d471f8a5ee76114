package org.newsdesk.outlet;

/**
 * What an outlet allows beyond its word limit, as the registry's form gives it to {@link OutletService#save}:
 * the share of an article one excerpt may quote (per cent, or null), whether its photos may be used, the form
 * of their credit ({@value Outlet#NAME} for the name, or null), and whether its articles are paywalled.
 */
public record OutletPolicies(Integer maxQuotePercent, PhotoPolicy photoPolicy, String photoCreditFormat, boolean paywalled) {

    /** An outlet that allows everything: no share limit, any photo with any credit, free to read. */
    public static final OutletPolicies NONE = new OutletPolicies(null, PhotoPolicy.ALWAYS, null, false);

    public static OutletPolicies of(Outlet outlet) {
        return new OutletPolicies(outlet.getMaxQuotePercent(), outlet.getPhotoPolicy(), outlet.getPhotoCreditFormat(), outlet.isPaywalled());
    }
}
