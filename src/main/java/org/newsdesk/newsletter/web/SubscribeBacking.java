package org.newsdesk.newsletter.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.newsdesk.newsletter.NewsletterRefusedException;
import org.newsdesk.newsletter.NewsletterService;
import org.newsdesk.platform.ClientAddress;
import org.newsdesk.platform.Phrase;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The subscription form ({@code /newsletter/}): an address and the sections wanted (all by default). The page keeps
 * no session, so the form is guarded as stateless forms are: a request another site's page sent (its
 * {@code Sec-Fetch-Site} or {@code Origin}) is refused, a hidden field catches programs that fill every field, and
 * the service limits how often one network address asks. Every address gets the same answer.
 */
@Named("subscribe")
@RequestScoped
public class SubscribeBacking {

    /** The hidden field people never see (a bot's favourite: "url"). */
    public static final String HONEYPOT = "url";

    @Inject
    private NewsletterService newsletter;

    @Inject
    private HttpServletRequest request;

    private String email;
    private boolean allSections = true;
    private List<String> sectionIds = new ArrayList<>();
    private List<NewsletterService.SectionChoice> sections;

    public void send() throws IOException {
        if (crossSite()) {
            Messages.addGlobalError("newsletter.refused.elsewhere");
            return;
        }
        sectionIds = new ArrayList<>(sent());
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        for (String id : sectionIds) {
            if (id.matches("\\d{1,18}")) {
                chosen.add(Long.valueOf(id));
            }
        }
        try {
            newsletter.subscribe(email, allSections || chosen.isEmpty(), chosen, Faces.getRequestParameter(HONEYPOT), ClientAddress.of(request));
            Faces.redirect(request.getContextPath() + "/newsletter/?asked=1");
        } catch (NewsletterRefusedException e) {
            Phrase said = e.phrase();
            Messages.addError("subscribe:" + (e.field() == null ? "email" : e.field()), said.key(), said.arguments().toArray());
        }
    }

    /** A form sent from another site's page: the browser says so ({@code Sec-Fetch-Site}), or its origin is another host. */
    private boolean crossSite() {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            return !request.getServerName().equalsIgnoreCase(URI.create(origin).getHost());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Whether the form was just sent: the page then says to look for the confirmation mail. */
    public boolean isAsked() {
        return "1".equals(Faces.getRequestParameter("asked"));
    }

    public List<NewsletterService.SectionChoice> getSections() {
        if (sections == null) {
            sections = newsletter.sections();
        }
        return sections;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAllSections() {
        return allSections;
    }

    public void setAllSections(boolean allSections) {
        this.allSections = allSections;
    }

    /** Whether the section's box is ticked: as sent, or as the subscription has it. */
    public boolean chosen(NewsletterService.SectionChoice section) {
        return sectionIds.contains(section.key());
    }

    /** The sections ticked in the form sent (plain checkboxes, so that each name keeps its own direction). */
    private List<String> sent() {
        String[] values = Faces.getRequestParameterValues("section");
        return values == null ? List.of() : List.of(values);
    }
}
