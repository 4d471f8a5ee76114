package org.newsdesk.newsletter.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.newsdesk.newsletter.NewsletterRefusedException;
import org.newsdesk.newsletter.NewsletterService;
import org.newsdesk.newsletter.Subscriber;
import org.newsdesk.newsletter.SubscriberStatus;
import org.newsdesk.platform.Phrase;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * A subscriber's own pages, reached from the links in their mail: confirming ({@code /newsletter/confirm?t=}),
 * and choosing sections, leaving and coming back ({@code /newsletter/manage?t=}). The link's signed token is the
 * only key: no account, no session.
 */
@Named("subscription")
@RequestScoped
public class SubscriptionBacking {

    @Inject
    private NewsletterService newsletter;

    private String token;
    private Subscriber subscriber;
    private Phrase problem;
    private boolean allSections = true;
    private List<String> sectionIds = new ArrayList<>();

    /** The confirmation link: confirms, or says why it cannot. */
    public void confirm() {
        try {
            subscriber = newsletter.confirm(token);
            token = newsletter.manageToken(subscriber);
            choices();
        } catch (NewsletterRefusedException e) {
            problem = e.phrase();
        }
    }

    /**
     * The subscriber's page: their subscription as it stands. Also read when a form of the page is sent, before
     * Faces decides whether the form is shown (and so may be sent): the page keeps no state between requests.
     */
    public void open() {
        if (subscriber != null || problem != null) {
            return;
        }
        if (token == null) {
            token = Faces.getRequestParameter("t");
        }
        try {
            subscriber = newsletter.subscription(token);
            choices();
        } catch (NewsletterRefusedException e) {
            problem = e.phrase();
        }
    }

    public void save() throws IOException {
        sectionIds = new ArrayList<>(sent());
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        sectionIds.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).forEach(chosen::add);
        act(() -> newsletter.choose(token, allSections || chosen.isEmpty(), chosen), "saved");
    }

    public void leave() throws IOException {
        act(() -> newsletter.leave(token), "left");
    }

    public void rejoin() throws IOException {
        act(() -> newsletter.rejoin(token), "back");
    }

    private void act(java.util.function.Supplier<Subscriber> step, String done) throws IOException {
        try {
            step.get();
            Faces.redirect(Faces.getRequestContextPath() + "/newsletter/manage?t=" + token + "&done=" + done);
        } catch (NewsletterRefusedException e) {
            problem = e.phrase();
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
        }
    }

    private void choices() {
        allSections = subscriber.isAllSections();
        sectionIds = new ArrayList<>(subscriber.getSectionIds().stream().map(String::valueOf).toList());
    }

    /** What was just done ("saved", "left", "back"), said at the top of the page. */
    public String getDone() {
        String done = Faces.getRequestParameter("done");
        return done != null && done.matches("saved|left|back") ? done : null;
    }

    public boolean isSubscribed() {
        open();
        return subscriber != null && (subscriber.getStatus() == SubscriberStatus.CONFIRMED || subscriber.getStatus() == SubscriberStatus.PENDING);
    }

    public boolean isLeft() {
        open();
        return subscriber != null && subscriber.getStatus() == SubscriberStatus.UNSUBSCRIBED;
    }

    public Subscriber getSubscriber() {
        open();
        return subscriber;
    }

    public Phrase getProblem() {
        return problem;
    }

    public List<NewsletterService.SectionChoice> getSections() {
        return newsletter.sections();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
