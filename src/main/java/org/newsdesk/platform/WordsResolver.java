package org.newsdesk.platform;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import org.omnifaces.util.Messages;

/**
 * Faces messages in the page's language: OmniFaces' hook for message bundles. A message given as a key of
 * the page's words ({@code Messages.addGlobalError("comment.confirm")}, {@code Notices.info("section.saved",
 * name)}) is worded from the bundle, the desk's on desk pages and the site's elsewhere; any other text is
 * taken as already worded, and its arguments filled in as ICU formats them.
 */
@WebListener
public class WordsResolver implements Messages.Resolver, ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            Messages.setResolver(this);
        } catch (IllegalStateException alreadySet) {
            // Set by an earlier deployment of this application in the same server: the same resolver.
        }
    }

    @Override
    public String getMessage(String message, Object... parameters) {
        Texts words = pageWords(FacesContext.getCurrentInstance());
        if (words.has(message)) {
            return words.format(message, parameters);
        }
        if (words.family() == Texts.Family.DESK) {
            Texts site = Texts.of(Texts.Family.SITE, words.locale());
            if (site.has(message)) {
                return site.format(message, parameters);
            }
        }
        return parameters == null || parameters.length == 0 ? message
                : new MessageFormat(message, ULocale.forLocale(words.wordsLocale())).format(parameters);
    }

    /** The words of the page being answered: the desk's on the desk and its sign-in, the site's elsewhere. */
    static Texts pageWords(FacesContext faces) {
        Locale locale = faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
        String view = faces == null || faces.getViewRoot() == null ? "" : String.valueOf(faces.getViewRoot().getViewId());
        boolean desk = view.startsWith("/admin/") || view.equals("/login.xhtml");
        return Texts.of(desk ? Texts.Family.DESK : Texts.Family.SITE, locale);
    }
}
