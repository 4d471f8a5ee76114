package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Notices;
import org.newsdesk.platform.RelativeTimes;
import org.newsdesk.post.ComposeAssist;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.Workflow;
import org.omnifaces.cdi.ViewScoped;

/**
 * The compose page's autosave and presence: the draft as typed is kept for this editor a few seconds after each
 * change, an autosave holding more than the post as saved is offered back, and the page says who else has the
 * post open (until they leave: {@link PresenceServlet}). Part of the compose page with {@link EditPostBacking}.
 */
@Named("composeAutosave")
@ViewScoped
public class ComposeAutosave implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditPostBacking editor;

    @Inject
    private ComposeMerge merge;

    @Inject
    private ComposeChecks checks;

    @Inject
    private ComposeAssist assist;

    @Inject
    private DeskWords words;

    @Inject
    private Dates dates;

    /** The draft as last autosaved (its JSON), so that an unchanged draft is not written again. */
    private String autosaved;
    /** When this editor's autosave last went out, and whether the last try failed for want of the database. */
    private Instant autosavedAt;
    private boolean autosaveFailed;
    /** An autosave of this editor's that holds more than the post as saved: offered for restoring. */
    private ComposeAssist.Autosave restorable;
    /** The others who have this post open now. */
    private List<String> others = List.of();

    /**
     * The page opened: this editor's autosave is offered when it holds something the post as saved does not, and
     * they count as present on it. Only someone who may change the post counts as editing it.
     */
    void opened() {
        Workflow workflow = editor.getWorkflow();
        if (!workflow.may(Workflow.Step.SAVE)) {
            return;
        }
        long key = key();
        autosaved = ComposeAssist.json(editor.getDraft());
        assist.autosaved(key).ifPresent(found -> {
            if (ComposeAssist.json(found.draft()).equals(autosaved)) {
                assist.dropAutosave(key);
            } else {
                restorable = found;
            }
        });
        if (editor.getId() != null) {
            others = assist.present(editor.getId());
        }
    }

    /** Puts the offered autosave into the form; saving then writes it. */
    public void restore() {
        if (restorable == null) {
            return;
        }
        PostDraft mine = restorable.draft();
        if (mine.getExcerpts().isEmpty()) {
            mine.addExcerpt();
        }
        if (editor.getId() == null || restorable.baseVersion() == editor.getVersion()) {
            editor.setDraft(mine);
            Notices.info("compose.autosave.restored");
        } else {
            editor.setDraft(merge.withAutosave(editor.getDraft(), mine));
        }
        restorable = null;
        checks.changed();
    }

    public void discard() {
        if (restorable != null) {
            assist.dropAutosave(key());
            restorable = null;
            Notices.info("compose.autosave.discarded");
        }
    }

    /**
     * Called by the page a few seconds after each change, and every little while as long as it is open: saves
     * the draft as typed to this editor's autosave if it changed, and reports that the post is open here.
     */
    public void keepAlive() {
        checks.changed();
        Workflow workflow = editor.getWorkflow();
        if (workflow == null || !workflow.may(Workflow.Step.SAVE)) {
            return;
        }
        try {
            String now = ComposeAssist.json(editor.getDraft());
            if (!now.equals(autosaved)) {
                assist.autosave(key(), editor.getVersion(), editor.getDraft());
                autosaved = now;
                autosavedAt = Instant.now();
                autosaveFailed = false;
            }
            if (editor.getId() != null) {
                others = assist.present(editor.getId());
            }
        } catch (EJBException e) {
            if (!Faults.databaseUnreachable(e)) {
                throw e;
            }
            autosaveFailed = true;
        }
    }

    /** Saved for real: the autosave has nothing more to offer. Failing to forget it costs nothing but an offer. */
    void forget(boolean created) {
        try {
            assist.dropAutosave(created ? ComposeAssist.NEW_POST : editor.getId());
            autosaved = ComposeAssist.json(editor.getDraft());
            restorable = null;
        } catch (EJBException e) {
            Logger.getLogger(ComposeAutosave.class.getName()).warning("The autosave of post " + editor.getId() + " was not forgotten: " + e);
        }
    }

    private long key() {
        return editor.getId() == null ? ComposeAssist.NEW_POST : editor.getId();
    }

    public ComposeAssist.Autosave getRestorable() {
        return restorable;
    }

    /** "3 seconds ago", "14 minutes ago": how old the offered autosave is, in the desk's language (CLDR's wording). */
    public String getRestorableAge() {
        return restorable == null ? "" : RelativeTimes.ago(restorable.age(), words.locale());
    }

    /** "Autosaved 5 seconds ago (14:05:31)", true at the moment the page is drawn; empty before the first autosave. */
    public String getAutosaveStatus() {
        if (autosaveFailed) {
            return words.get("compose.autosave.unreachable");
        }
        return autosavedAt == null ? "" : words.f("compose.autosave.at", RelativeTimes.ago(Duration.between(autosavedAt, Instant.now()), words.locale()), dates.timeWithSeconds(autosavedAt));
    }

    public List<String> getOthers() {
        return others;
    }

    public String getOthersText() {
        return words.join(others);
    }
}
