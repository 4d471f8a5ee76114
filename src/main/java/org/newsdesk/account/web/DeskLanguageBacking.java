package org.newsdesk.account.web;

import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.newsdesk.account.AccountException;
import org.newsdesk.account.AccountService;
import org.newsdesk.account.User;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.SiteLanguage;
import org.newsdesk.platform.Texts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Serves the language form of {@code admin/account/password.xhtml}: each member of staff chooses their desk's language. */
@Named("deskLanguage")
@RequestScoped
public class DeskLanguageBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private DeskSession desk;

    @Inject
    private SiteLanguage site;

    private String choice;

    /** The languages the desk speaks, each named in itself ("English", "العربية"). */
    public List<String> getLanguages() {
        return Texts.Family.DESK.languages();
    }

    public String nameOf(String language) {
        ULocale locale = ULocale.forLanguageTag(language);
        String name = locale.getDisplayName(locale);
        return name.substring(0, 1).toUpperCase(locale.toLocale()) + name.substring(1);
    }

    /** "The site's language (English)": following the site, in the language that gives the desk now. */
    public String getSiteChoiceLabel() {
        Locale following = DeskWords.language(null, site.locale());
        return Texts.of(Texts.Family.DESK, DeskWords.language(desk.getUser(), site.locale()))
                .format("account.language.site", nameOf(following.getLanguage()));
    }

    public void save() throws IOException {
        String chosen = choice == null || choice.isBlank() ? null : choice;
        try {
            accounts.chooseDeskLanguage(chosen);
        } catch (AccountException e) {
            Messages.addError("language:choice", e.phrase().key(), e.phrase().arguments().toArray());
            return;
        }
        // Said in the language just chosen, which the next page is in.
        Locale now = chosen == null ? DeskWords.language(null, site.locale()) : Locale.forLanguageTag(chosen);
        Notices.info(Texts.of(Texts.Family.DESK, now).text("account.language.saved"));
        Faces.redirect("admin/account/password");
    }

    public String getChoice() {
        if (choice == null) {
            User user = desk.getUser();
            choice = user == null || user.getDeskLanguage() == null ? "" : user.getDeskLanguage();
        }
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }
}
