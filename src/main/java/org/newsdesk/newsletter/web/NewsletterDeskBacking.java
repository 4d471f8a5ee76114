package org.newsdesk.newsletter.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.account.Role;
import org.newsdesk.newsletter.DigestScheduler;
import org.newsdesk.newsletter.Digests;
import org.newsdesk.newsletter.MailOutbox;
import org.newsdesk.newsletter.NewsletterConfig;
import org.newsdesk.newsletter.NewsletterSend;
import org.newsdesk.newsletter.NewsletterService;
import org.newsdesk.newsletter.OutboxMail;
import org.newsdesk.newsletter.Subscriber;
import org.newsdesk.newsletter.SubscriberStatus;
import org.newsdesk.platform.Notices;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The desk's Daily digest page: how many read it, each send's progress, the digest sent now, a post sent as breaking
 * news (after saying to how many), and for administrators one reader's data, exported or deleted.
 */
@Named("newsletterDesk")
@RequestScoped
public class NewsletterDeskBacking {

    @Inject
    private NewsletterService newsletter;

    @Inject
    private Digests digests;

    @Inject
    private DigestScheduler scheduler;

    @Inject
    private MailOutbox outbox;

    @Inject
    private NewsletterConfig config;

    private Long breakingPostId;
    private boolean breakingConfirmed;
    private boolean forgetConfirmed;
    private String email;
    private Subscriber found;
    private Map<String, Long> counts;

    /** A send as the desk lists it, with its mails' progress by status name. */
    public record SendRow(NewsletterSend send, String headline, Map<String, Long> progress) {

        /** Where the send is: being prepared, sending (mails still waiting), sent, or not sent for want of news. */
        public String state() {
            if (send.getStatus() != NewsletterSend.Status.QUEUED) {
                return send.getStatus().name();
            }
            return progress.get(OutboxMail.Status.QUEUED.name()) + progress.get(OutboxMail.Status.SENDING.name()) > 0 ? "SENDING" : "SENT";
        }
    }

    /** Subscribers by status name: the page looks them up as {@code counts['CONFIRMED']}, and EL keys are strings. */
    public Map<String, Long> getCounts() {
        if (counts == null) {
            counts = byName(newsletter.counts());
        }
        return counts;
    }

    public Map<String, Long> getOutbox() {
        return byName(outbox.counts());
    }

    public List<SendRow> getSends() {
        return digests.recent(20).stream()
                .map(s -> new SendRow(s, digests.headline(s.getPostId()), byName(outbox.counts(s.getId())))).toList();
    }

    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> named = new HashMap<>();
        counts.forEach((status, count) -> named.put(status.name(), count));
        return named;
    }

    /** The newest mails given up on (administrators only: the addresses are readers' data). */
    public List<MailOutbox.Failure> getFailures() {
        return isAdmin() ? outbox.recentFailures(20) : List.of();
    }

    public List<Digests.PostChoice> getPosts() {
        return digests.recentPosts(30);
    }

    public int getHour() {
        return config.digestHour();
    }

    public void sendDigest() throws IOException {
        scheduler.sendDigestNow();
        scheduler.buildSoon();
        Notices.info("newsletterDesk.digestStarted", confirmed());
        Faces.redirect("admin/newsletter/");
    }

    public void sendBreaking() throws IOException {
        if (breakingPostId == null) {
            Messages.addError("breaking:post", "newsletterDesk.breaking.choose");
            return;
        }
        if (!breakingConfirmed) {
            Messages.addError("breaking:confirm", "newsletterDesk.breaking.confirmFirst", confirmed());
            return;
        }
        if (!scheduler.sendBreaking(breakingPostId)) {
            Messages.addError("breaking:post", "newsletterDesk.breaking.already");
            return;
        }
        scheduler.buildSoon();
        Notices.info("newsletterDesk.breakingStarted", confirmed());
        Faces.redirect("admin/newsletter/");
    }

    private long confirmed() {
        return getCounts().get(SubscriberStatus.CONFIRMED.name());
    }

    public void lookUp() {
        Optional<Subscriber> subscriber = newsletter.lookUp(email);
        if (subscriber.isEmpty()) {
            Messages.addError("reader:email", "newsletterDesk.reader.none");
            return;
        }
        found = subscriber.get();
    }

    /** One reader's data, as a JSON file: what is kept of them and every mail sent to them. */
    public void export() throws IOException {
        Optional<Subscriber> subscriber = newsletter.lookUp(email);
        if (subscriber.isEmpty()) {
            Messages.addError("reader:email", "newsletterDesk.reader.none");
            return;
        }
        Subscriber s = subscriber.get();
        JsonArrayBuilder sections = Json.createArrayBuilder();
        s.getSectionIds().forEach(sections::add);
        String json = Json.createObjectBuilder()
                .add("email", s.getEmail()).add("status", s.getStatus().name()).add("language", s.getLanguage() == null ? "" : s.getLanguage())
                .add("allSections", s.isAllSections()).add("sectionIds", sections)
                .add("subscribedAt", String.valueOf(s.getCreatedAt())).add("confirmedAt", String.valueOf(s.getConfirmedAt()))
                .add("leftAt", String.valueOf(s.getLeftAt()))
                .build().toString();
        Faces.sendFile(json.getBytes(StandardCharsets.UTF_8), "newsletter-subscriber-" + s.getId() + ".json", true);
    }

    public void forget() throws IOException {
        if (!forgetConfirmed) {
            Messages.addError("reader:sure", "newsletterDesk.reader.sureFirst");
            return;
        }
        if (newsletter.forget(email)) {
            Notices.info("newsletterDesk.reader.forgotten");
            Faces.redirect("admin/newsletter/");
        } else {
            Messages.addError("reader:email", "newsletterDesk.reader.none");
        }
    }

    public boolean isAdmin() {
        return Faces.isUserInRole(Role.ADMIN_NAME);
    }

    public Subscriber getFound() {
        return found;
    }

    public Long getBreakingPostId() {
        return breakingPostId;
    }

    public void setBreakingPostId(Long breakingPostId) {
        this.breakingPostId = breakingPostId;
    }

    public boolean isBreakingConfirmed() {
        return breakingConfirmed;
    }

    public void setBreakingConfirmed(boolean breakingConfirmed) {
        this.breakingConfirmed = breakingConfirmed;
    }

    public boolean isForgetConfirmed() {
        return forgetConfirmed;
    }

    public void setForgetConfirmed(boolean forgetConfirmed) {
        this.forgetConfirmed = forgetConfirmed;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
