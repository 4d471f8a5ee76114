package org.newsdesk.post;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A further article on the same story, shown as "RELATED: title" under an excerpt. */
@Embeddable
public class RelatedLink {

    @NotBlank
    @Size(max = 300)
    private String title;

    @NotBlank
    @Size(max = 2048)
    private String url;

    protected RelatedLink() {
    }

    public RelatedLink(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }
}
