package org.newsdesk.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.newsdesk.account.Role;
import org.newsdesk.media.Upload;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.ExcerptImport;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PublishingService;
import org.newsdesk.source.ArticleImport;
import org.newsdesk.source.SourceImports;
import org.newsdesk.source.SourceRefusedException;

/**
 * "Quote this" and "Quote the story": each article imported as the compose page's import card imports it (text,
 * outlet, date, authors, dek, the lead paragraphs the outlet's rules allow, the photo with its caption and
 * credit), one excerpt per article, into a new draft or a draft chosen; the articles are then noted as quoted.
 * Fetches happen outside any transaction, so a slow outlet holds no database connection.
 */
@Stateless
@RolesAllowed({Role.WRITER_NAME, Role.EDITOR_NAME, Role.ADMIN_NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboxQuotes {

    private static final Logger LOG = Logger.getLogger(InboxQuotes.class.getName());
    /** The most articles quoted at once: each may take the fetch timeout. */
    public static final int MAX_AT_ONCE = 6;

    @EJB
    private Inbox inbox;

    @EJB
    private SourceImports imports;

    @EJB
    private PublishingService publishing;

    /** The post the articles went into, and the articles that could not be read, with why. */
    public record Quoted(long postId, List<Phrase> refused) {
    }

    /**
     * Quotes the articles, in order, into the post {@code intoPostId} (saved over its version as read now) or a new
     * draft when it is null. Refused, with the reasons, when no article could be read.
     */
    public Quoted quote(List<Long> itemIds, Long intoPostId) {
        List<InboxItem> items = inbox.items(itemIds);
        if (items.isEmpty()) {
            throw new FeedRefusedException("quote", Phrase.of("inbox.refused.quoteGone"));
        }
        if (items.size() > MAX_AT_ONCE) {
            throw new FeedRefusedException("quote", Phrase.of("inbox.refused.quoteMany", MAX_AT_ONCE, items.size()));
        }
        Post into = intoPostId == null ? null : publishing.post(intoPostId);
        PostDraft draft;
        if (into == null) {
            draft = new PostDraft();
            draft.addExcerpt();
        } else {
            draft = PostDraft.of(into);
        }
        List<Phrase> refused = new ArrayList<>();
        List<Long> quoted = new ArrayList<>();
        for (InboxItem item : items) {
            ArticleImport result;
            try {
                result = imports.read(item.getUrl());
            } catch (SourceRefusedException e) {
                refused.add(Phrase.of("inbox.unreadArticle", item.getOutlet().getName(), e.phrase()));
                continue;
            }
            ExcerptDraft excerpt = ExcerptImport.target(draft);
            // The inbox knows the outlet for sure: its feed is the outlet's.
            excerpt.setOutletId(item.getOutlet().getId());
            ExcerptImport.fill(draft, excerpt, result);
            photo(excerpt, result);
            quoted.add(item.getId());
        }
        if (quoted.isEmpty()) {
            throw new FeedRefusedException("quote", Phrase.of("inbox.refused.unread", List.copyOf(refused)));
        }
        if (draft.getHeadline() == null || draft.getHeadline().isBlank()) {
            draft.setHeadline(items.get(0).getTitle());
        }
        Post post = into == null ? publishing.create(draft) : publishing.save(into.getId(), into.getVersion(), draft);
        inbox.quoted(quoted, post.getId());
        LOG.info(() -> "Quoted " + quoted.size() + " inbox articles in post " + post.getId());
        return new Quoted(post.getId(), refused);
    }

    /** Accepts a writer's nomination: the article quoted in a new draft, the nomination noted as accepted with it. */
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    public Quoted accept(long nominationId, String note) {
        long itemId = inbox.openNominationItem(nominationId);
        Quoted quoted = quote(List.of(itemId), null);
        inbox.decide(nominationId, true, note, quoted.postId());
        return quoted;
    }

    /** The article's lead picture into the library and onto the excerpt, described as the page describes it. */
    private void photo(ExcerptDraft excerpt, ArticleImport result) {
        if (result.article().image() == null || excerpt.getPhotoId() != null) {
            return;
        }
        try {
            Upload upload = imports.importImage(result.article().image());
            ExcerptImport.usePhoto(excerpt, upload.photo());
            ExcerptImport.describePhoto(excerpt, result.article().image());
        } catch (SourceRefusedException | RuntimeException e) {
            // The text is quoted all the same; the photo can be chosen on the compose page.
            LOG.info(() -> "Quote: the picture of " + result.article().address() + " was not imported: " + e.getMessage());
        }
    }
}
