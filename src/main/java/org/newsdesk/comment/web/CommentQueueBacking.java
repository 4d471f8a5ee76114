package org.newsdesk.comment.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.comment.CommentQueue;
import org.newsdesk.comment.ModerationAction;
import org.newsdesk.comment.ModerationException;
import org.newsdesk.comment.ModerationService;
import org.newsdesk.comment.QueueItem;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.PageNumber;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;

/**
 * Serves {@code admin/comments/index.xhtml}: one moderation queue with its counts, actions on each
 * comment and on the selected ones. View-scoped so that the rows a moderator acts on are the rows they
 * were shown, even if new comments arrived in between.
 */
@Named("commentQueue")
@ViewScoped
public class CommentQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    @Inject
    @Param(name = "queue")
    private String queueParameter;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> pageParameter;

    private CommentQueue queue;
    private int page;
    // Entities are not kept in a replicated session: after a fail-over the page reads its queue again.
    private transient List<QueueItem> items;
    private transient Map<CommentQueue, Long> counts;
    private final Map<Long, Boolean> selected = new HashMap<>();

    public void onload() {
        if (queue != null) {
            return;
        }
        queue = CommentQueue.fromSlug(queueParameter).orElse(CommentQueue.PENDING);
        page = PageNumber.orFirst(pageParameter);
    }

    /** Approve, spam, trash or restore one comment. */
    public void act(long commentId, String action) throws IOException {
        ModerationAction what = ModerationAction.valueOf(action);
        try {
            moderation.apply(what, List.of(commentId));
            Notices.info("moderation.done.one." + what.name(), authorOf(commentId));
        } catch (ModerationException e) {
            Notices.error(e.phrase().key(), e.phrase().arguments().toArray());
        }
        reload();
    }

    /** The same to every selected comment. */
    public void bulk(String action) throws IOException {
        List<Long> ids = selected.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            Notices.warn("moderation.selectFirst");
        } else {
            ModerationAction what = ModerationAction.valueOf(action);
            int done = moderation.apply(what, ids);
            Notices.info("moderation.done.many." + what.name(), done);
        }
        reload();
    }

    private String authorOf(long commentId) {
        return getItems().stream().filter(i -> i.getId() == commentId).map(QueueItem::getAuthorName).findFirst().orElse("a reader");
    }

    /** Post/Redirect/Get back to the same queue and page. */
    private void reload() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/comments/?queue=" + queue.getSlug()
                + (page > 1 ? "&page=" + page : ""));
    }

    public CommentQueue getQueue() {
        return queue;
    }

    public CommentQueue[] getQueues() {
        return CommentQueue.values();
    }

    public List<QueueItem> getItems() {
        if (items == null) {
            items = moderation.queue(queue, page);
        }
        return items;
    }

    public long count(CommentQueue of) {
        if (counts == null) {
            counts = moderation.queueCounts();
        }
        return counts.getOrDefault(of, 0L);
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return getItems().size() == ModerationService.PAGE_SIZE;
    }

    public boolean isReported() {
        return queue == CommentQueue.REPORTED;
    }
}
