package org.newsdesk.post.web;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.outlet.OutletService;
import org.newsdesk.platform.Dates;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.EditConflictException;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostDraft;
import org.newsdesk.post.PostMerge;
import org.newsdesk.post.PublishingService;
import org.omnifaces.cdi.ViewScoped;

/**
 * Two people's changes to one post, on the compose page: when someone saved the post while this editor worked,
 * their changes go into the form with this editor's on top; where they changed other fields the save goes on at
 * once, and only where both changed one field does the page ask whose to keep. Part of the compose page with
 * {@link EditPostBacking}.
 */
@Named("composeMerge")
@ViewScoped
public class ComposeMerge implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditPostBacking editor;

    @Inject
    private PublishingService publishing;

    @Inject
    private OutletService outletRegistry;

    @Inject
    private DeskWords words;

    @Inject
    private Dates dates;

    /** After an edit conflict: what the other side changed next to what this editor typed, until saved. */
    private PostMerge merge;
    private String mergedWith;
    /** The choice per conflicting field, "THEIRS" or "MINE", as the page's radio buttons submit it. */
    private final Map<String, String> mergeChoices = new HashMap<>();

    /**
     * Before a save: the choices made for the fields both changed, applied to the draft; false, with a message
     * at the table, while one is undecided.
     */
    boolean resolve(PostDraft draft) {
        if (merge == null) {
            return true;
        }
        Map<String, PostMerge.Choice> choices = mergeChoices.entrySet().stream().filter(c -> c.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, c -> PostMerge.Choice.valueOf(c.getValue())));
        List<PostMerge.Field> undecided = merge.undecided(choices);
        if (!undecided.isEmpty()) {
            DeskMessages.error("merge", Phrase.of("compose.merge.choose",
                    words.join(undecided.stream().map(field -> words.say(field.label())).toList())));
            return false;
        }
        merge.resolve(draft, choices);
        return true;
    }

    /** Saved: nothing is left to merge. */
    void clear() {
        merge = null;
        mergeChoices.clear();
    }

    /**
     * Someone saved the post while this editor worked: their changes go into the form, this editor's changes stay
     * on top of them. True when they changed other fields only, so that the merged draft can be saved at once;
     * otherwise the page asks, with a message, which to keep where both changed one field.
     */
    boolean withSaved(EditConflictException conflict, PostDraft opened, PostDraft mine) {
        Post saved = publishing.find(editor.getId()).map(found -> publishing.post(found.getId())).orElse(null);
        if (saved == null) {
            DeskMessages.error(null, Phrase.of("compose.deletedMeanwhile", conflict.savedBy()));
            return false;
        }
        PostDraft theirs = PostDraft.of(saved);
        merge = PostMerge.of(opened, theirs, mine, outletNames());
        mergeChoices.clear();
        editor.adoptSaved(saved, merge.merged(), theirs);
        mergedWith = words.f("compose.merge.savedBy", conflict.savedBy(), dates.timeWithSeconds(conflict.savedAt()));
        int clashes = merge.conflicts().size();
        if (clashes == 0) {
            return true;
        }
        DeskMessages.error("merge", Phrase.of("compose.merge.conflicts", mergedWith, clashes));
        return false;
    }

    /** The notice for a save that kept the other person's changes: who, and to which fields. */
    String keptTheirs() {
        return words.f("compose.merge.keptTheirs", mergedWith, words.join(merge.fields().stream()
                .filter(field -> field.outcome() != PostMerge.Outcome.MINE).map(field -> words.say(field.label())).toList()));
    }

    /** An autosave restored over a post saved since: where the two differ, the page asks which to keep. */
    PostDraft withAutosave(PostDraft saved, PostDraft mine) {
        merge = PostMerge.of(new PostDraft(), PostDraft.copyOf(saved), mine, outletNames());
        mergedWith = words.get("compose.merge.savedNow");
        mergeChoices.clear();
        DeskMessages.error("merge", Phrase.of("compose.merge.afterAutosave"));
        return merge.merged();
    }

    /**
     * Outlet names for a merge's table, read from the registry now: the other side may have added an outlet this
     * page has not seen.
     */
    private Function<Long, String> outletNames() {
        Map<Long, String> names = outletRegistry.all().stream().collect(Collectors.toMap(Outlet::getId, Outlet::getName));
        return outletId -> names.getOrDefault(outletId, "");
    }

    public PostMerge getMerge() {
        return merge;
    }

    public String getMergedWith() {
        return mergedWith;
    }

    public Map<String, String> getMergeChoices() {
        return mergeChoices;
    }
}
