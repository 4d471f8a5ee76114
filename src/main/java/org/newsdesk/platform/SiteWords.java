package org.newsdesk.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public pages' words ({@code #{t[...]}}), in the site's language. */
@Named("t")
@RequestScoped
public class SiteWords extends Words {

    @Inject
    private SiteLanguage language;

    @Override
    protected Texts load() {
        return Texts.of(Texts.Family.SITE, language.locale());
    }
}
