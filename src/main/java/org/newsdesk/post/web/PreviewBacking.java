package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.newsdesk.post.Post;
import org.newsdesk.post.PublishingService;
import org.omnifaces.util.Faces;
import org.omnifaces.cdi.Param;

/** Serves {@code admin/posts/preview.xhtml}: a post of any status, rendered as readers will see it. */
@Named("preview")
@RequestScoped
public class PreviewBacking {

    @Inject
    private PublishingService publishing;

    @Inject
    @Param(name = "id")
    private String id;

    private Post post;

    public void onload() throws IOException {
        if (id == null || !id.matches("\\d{1,18}")) {
            Faces.responseSendError(404, "No such post");
            return;
        }
        post = publishing.post(Long.parseLong(id));
    }

    public Post getPost() {
        return post;
    }
}
