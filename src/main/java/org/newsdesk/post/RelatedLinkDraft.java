package org.newsdesk.post;

import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A RELATED link on the compose page, as typed. */
public class RelatedLinkDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 300, message = "{draft.relatedTitle.tooLong}")
    private String title;

    @Size(max = 2048, message = "{draft.address.tooLong}")
    private String url;

    public RelatedLinkDraft() {
    }

    public RelatedLinkDraft(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public boolean isBlank() {
        return (title == null || title.isBlank()) && (url == null || url.isBlank());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
