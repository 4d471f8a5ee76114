package org.newsdesk.inbox.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.Role;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.inbox.FeedRefusedException;
import org.newsdesk.inbox.Inbox;
import org.newsdesk.inbox.InboxQuotes;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.post.EditConflictException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Serves {@code admin/inbox/index.xhtml}: the feeds' articles grouped by story, newest story first, with the
 * filters (outlet, section, language, words, a watch, unread, starred, dismissed) as view parameters kept across
 * every action; read, star, dismiss, nominate, quote an article or a story (into a new post, a draft of one's own,
 * or the post that covers the story), keyword watches, and the editors' nominations to decide.
 */
@Named("inboxPage")
@RequestScoped
public class InboxBacking {

    /** Where every action returns: this page, its filters kept. */
    private static final String BACK = "/admin/inbox/index?faces-redirect=true&includeViewParams=true";

    @Inject
    private DeskWords words;

    @Inject
    private Inbox inbox;

    @Inject
    private InboxQuotes quotes;

    private Long outlet;
    private String section;
    private String lang;
    private String q;
    private Long watch;
    private boolean unread;
    private boolean starred;
    private boolean dismissed;
    private String before;
    /** Where "Quote" puts articles: null for a new post, else a draft's id. */
    private Long into;
    private String watchWords;
    /** The note typed with a nomination or a decision, by article or nomination id. */
    private final Map<Long, String> notes = new HashMap<>();

    private Inbox.Page page;
    private Inbox.Choices choices;
    private List<Inbox.Watch> watches;
    private List<Inbox.OpenNomination> nominations;
    private List<Inbox.Draft> drafts;

    public Inbox.Page getPage() {
        if (page == null) {
            Instant after = null;
            Long afterId = null;
            if (before != null && before.matches("[0-9T:.Z-]{1,40}_[0-9]{1,18}")) {
                try {
                    after = Instant.parse(before.substring(0, before.indexOf('_')));
                    afterId = Long.parseLong(before.substring(before.indexOf('_') + 1));
                } catch (DateTimeParseException e) {
                    after = null; // a hand-made address: the first page
                }
            }
            page = inbox.page(new Inbox.Filter(outlet, blankToNull(section), blankToNull(lang), blankToNull(TextLimit.shorten(q, 200)), watch,
                    unread, starred, dismissed, after, after == null ? null : afterId));
            if (watch != null) {
                inbox.watchSeen(watch);
            }
        }
        return page;
    }

    public Inbox.Choices getChoices() {
        if (choices == null) {
            choices = inbox.choices();
        }
        return choices;
    }

    public List<Inbox.Watch> getWatches() {
        if (watches == null) {
            watches = inbox.watches();
        }
        return watches;
    }

    public boolean isEditor() {
        return Faces.isUserInRole(Role.EDITOR_NAME) || Faces.isUserInRole(Role.ADMIN_NAME);
    }

    public List<Inbox.OpenNomination> getNominations() {
        if (nominations == null) {
            nominations = isEditor() ? inbox.openNominations() : List.of();
        }
        return nominations;
    }

    public List<Inbox.Draft> getDrafts() {
        if (drafts == null) {
            drafts = inbox.myDrafts();
        }
        return drafts;
    }

    /** The next page's address: its {@code before}, and the filters as they are, encoded. */
    public String getNextPageQuery() {
        String token = getPage().getNextToken();
        if (token == null) {
            return null;
        }
        StringBuilder query = new StringBuilder("?before=").append(encode(token));
        append(query, "outlet", outlet == null ? null : outlet.toString());
        append(query, "section", blankToNull(section));
        append(query, "lang", blankToNull(lang));
        append(query, "q", blankToNull(q));
        append(query, "watch", watch == null ? null : watch.toString());
        append(query, "unread", unread ? "true" : null);
        append(query, "starred", starred ? "true" : null);
        append(query, "dismissed", dismissed ? "true" : null);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isFiltered() {
        return outlet != null || blankToNull(section) != null || blankToNull(lang) != null || blankToNull(q) != null || watch != null
                || unread || starred || dismissed;
    }

    // Actions: each returns to the page as it was filtered.

    public String markRead(long itemId, boolean read) {
        inbox.markRead(List.of(itemId), read);
        return BACK;
    }

    public String markStoryRead(Inbox.Story story) {
        inbox.markRead(story.articles().stream().map(a -> a.item().getId()).toList(), true);
        return BACK;
    }

    public String markPageRead() {
        inbox.markRead(getPage().stories().stream().flatMap(s -> s.articles().stream()).map(a -> a.item().getId()).toList(), true);
        Notices.info("inbox.pageMarkedRead");
        return BACK;
    }

    public String star(long itemId) {
        inbox.toggleStar(itemId);
        return BACK;
    }

    public String dismiss(long storyId, boolean dismiss) {
        inbox.dismiss(storyId, dismiss);
        Notices.info(dismiss ? "inbox.dismissedDone" : "inbox.backDone");
        return BACK;
    }

    public void quote(long itemId) throws IOException {
        quoteItems(List.of(itemId), into);
    }

    public void quoteStory(long storyId) throws IOException {
        quoteItems(inbox.onePerOutlet(storyId), into);
    }

    /** Adds the story's articles to the post that covers it. */
    public void quoteIntoCovering(long storyId, long postId) throws IOException {
        quoteItems(inbox.onePerOutlet(storyId), postId);
    }

    private void quoteItems(List<Long> itemIds, Long postId) throws IOException {
        try {
            InboxQuotes.Quoted quoted = quotes.quote(itemIds.size() > InboxQuotes.MAX_AT_ONCE ? itemIds.subList(0, InboxQuotes.MAX_AT_ONCE) : itemIds, postId);
            if (quoted.refused().isEmpty()) {
                Notices.info(itemIds.size() == 1 ? "inbox.quotedOne" : "inbox.quotedMany");
            } else {
                Notices.warn("inbox.quotedPartly", List.copyOf(quoted.refused()));
            }
            Faces.redirect("admin/posts/edit?id=" + quoted.postId());
        } catch (FeedRefusedException e) {
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
        } catch (EJBException e) {
            Messages.addGlobalError(problem(e));
        }
    }

    public String nominate(long itemId) {
        try {
            inbox.nominate(itemId, notes.get(itemId));
            Notices.info("inbox.nominatedDone");
            return BACK;
        } catch (FeedRefusedException e) {
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
            return null;
        }
    }

    public void accept(long nominationId) throws IOException {
        try {
            InboxQuotes.Quoted quoted = quotes.accept(nominationId, notes.get(-nominationId));
            Notices.info("inbox.acceptedDone");
            Faces.redirect("admin/posts/edit?id=" + quoted.postId());
        } catch (FeedRefusedException e) {
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
        } catch (EJBException e) {
            Messages.addGlobalError(problem(e));
        }
    }

    public String decline(long nominationId) {
        try {
            inbox.decide(nominationId, false, notes.get(-nominationId), null);
            Notices.info("inbox.declinedDone");
            return BACK;
        } catch (FeedRefusedException e) {
            Messages.addGlobalError(e.phrase().key(), e.phrase().arguments().toArray());
            return null;
        }
    }

    public String addWatch() {
        try {
            inbox.addWatch(watchWords);
            Notices.info("inbox.watching", watchWords.strip());
            return BACK;
        } catch (FeedRefusedException e) {
            Messages.addError("watches:watchWords", e.phrase().key(), e.phrase().arguments().toArray());
            return null;
        }
    }

    public String removeWatch(long watchId) {
        inbox.removeWatch(watchId);
        if (watchId == (watch == null ? -1 : watch)) {
            watch = null;
        }
        return BACK;
    }

    private String problem(EJBException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof EditConflictException conflict) {
                return words.f("inbox.quote.conflict", conflict.savedBy());
            }
            if (cause instanceof ConstraintViolationException invalid) {
                return words.f("inbox.quote.invalid", words.say(Phrase.of(invalid.getConstraintViolations().iterator().next())));
            }
            cause = cause.getCause();
        }
        throw e;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Long getWatch() {
        return watch;
    }

    public void setWatch(Long watch) {
        this.watch = watch;
    }

    public boolean isUnread() {
        return unread;
    }

    public void setUnread(boolean unread) {
        this.unread = unread;
    }

    public boolean isStarred() {
        return starred;
    }

    public void setStarred(boolean starred) {
        this.starred = starred;
    }

    public boolean isDismissed() {
        return dismissed;
    }

    public void setDismissed(boolean dismissed) {
        this.dismissed = dismissed;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public Long getInto() {
        return into;
    }

    public void setInto(Long into) {
        this.into = into;
    }

    public String getWatchWords() {
        return watchWords;
    }

    public void setWatchWords(String watchWords) {
        this.watchWords = watchWords;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }
}
