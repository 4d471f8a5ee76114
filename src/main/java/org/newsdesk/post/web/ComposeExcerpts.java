package org.newsdesk.post.web;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.newsdesk.post.ExcerptDraft;
import org.omnifaces.cdi.ViewScoped;

/**
 * The compose page's list of excerpts and each one's related links: added, removed and moved in place (Faces
 * Ajax), what was typed kept. Part of the compose page with {@link EditPostBacking}, whose draft it changes.
 */
@Named("composeExcerpts")
@ViewScoped
public class ComposeExcerpts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditPostBacking editor;

    @Inject
    private ComposePhotos photos;

    @Inject
    private ComposeChecks checks;

    public void add() {
        photos.takeUploads();
        checks.changed();
        editor.getDraft().addExcerpt();
    }

    public void remove(int index) {
        photos.takeUploads();
        checks.changed();
        editor.getDraft().getExcerpts().remove(index);
    }

    public void move(int index, int offset) {
        photos.takeUploads();
        checks.changed();
        List<ExcerptDraft> excerpts = editor.getDraft().getExcerpts();
        int to = index + offset;
        if (to >= 0 && to < excerpts.size()) {
            excerpts.add(to, excerpts.remove(index));
        }
    }

    public void addRelated(int index) {
        photos.takeUploads();
        checks.changed();
        editor.getDraft().getExcerpts().get(index).addRelated();
    }

    public void removeRelated(int index, int link) {
        photos.takeUploads();
        checks.changed();
        editor.getDraft().getExcerpts().get(index).getRelated().remove(link);
    }

    public void moveRelated(int index, int link, int offset) {
        photos.takeUploads();
        checks.changed();
        List<org.newsdesk.post.RelatedLinkDraft> related = editor.getDraft().getExcerpts().get(index).getRelated();
        int to = link + offset;
        if (to >= 0 && to < related.size()) {
            related.add(to, related.remove(link));
        }
    }
}
