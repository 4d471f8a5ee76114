package org.newsdesk.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.newsdesk.account.User;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;
import org.newsdesk.platform.Words;

/**
 * The desk's words ({@code #{d['...']}}), in the language the signed-in member of staff chose (their account
 * page); before signing in, or without a choice, in the site's language where the desk speaks it, else English.
 */
@Named("d")
@RequestScoped
public class DeskWords extends Words {

    @Inject
    private DeskSession desk;

    @Inject
    private SiteLanguage site;

    @Override
    protected Texts load() {
        return Texts.of(Texts.Family.DESK, language(desk.getUser(), site.locale()));
    }

    /** The desk's language for a person: their choice, else the site's where the desk speaks it, else English. */
    static Locale language(User user, Locale siteLocale) {
        if (user != null && user.getDeskLanguage() != null) {
            return Locale.forLanguageTag(user.getDeskLanguage());
        }
        return Texts.Family.DESK.languages().contains(siteLocale.getLanguage()) ? siteLocale : Locale.ENGLISH;
    }

    /** A desk word, or a reader's (a report's reason a moderator reads) in the desk's language. */
    @Override
    public String get(Object key) {
        String name = String.valueOf(key);
        return texts().has(name) ? texts().text(name) : Texts.of(Texts.Family.SITE, locale()).text(name);
    }

    /** A phrase of the desk's words, or of the site's (a reader's message a moderator sees), in the desk's language. */
    @Override
    public String say(Phrase phrase) {
        if (phrase == null) {
            return null;
        }
        return texts().has(phrase.key()) ? texts().say(phrase) : Texts.of(Texts.Family.SITE, locale()).say(phrase);
    }
}
