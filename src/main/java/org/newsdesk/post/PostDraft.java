package org.newsdesk.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the compose page holds while an editor works: everything about a post as typed, before it is
 * saved. Incomplete drafts are fine to save; what publishing needs is {@link PublicationCheck}'s business.
 */
public class PostDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{draft.headline.required}")
    @Size(max = 300, message = "{draft.headline.tooLong}")
    private String headline;

    @Size(max = Slugs.MAX_LENGTH, message = "{draft.slug.tooLong}")
    private String slug;

    @Size(max = 100, message = "{draft.section.tooLong}")
    private String section;

    @Size(max = 500, message = "{draft.tags.tooLong}")
    private String tags;

    private boolean commentsOpen = true;

    /** Days after publication that comments stay open; null for the site's setting. */
    @jakarta.validation.constraints.Min(value = 0, message = "{draft.closeAfterDays.min}")
    @jakarta.validation.constraints.Max(value = 36_500, message = "{draft.closeAfterDays.max}")
    private Integer commentsCloseAfterDays;

    @Valid
    private List<ExcerptDraft> excerpts = new ArrayList<>();

    public static PostDraft of(Post post) {
        PostDraft draft = new PostDraft();
        draft.headline = post.getHeadline();
        draft.slug = post.getSlug();
        draft.section = post.getSection() == null ? null : post.getSection().getName();
        draft.tags = String.join(", ", post.getTags().stream().map(Tag::getName).toList());
        draft.commentsOpen = post.isCommentsOpen();
        draft.commentsCloseAfterDays = post.getCommentsCloseAfterDays();
        post.getExcerpts().forEach(e -> draft.excerpts.add(ExcerptDraft.of(e)));
        return draft;
    }

    /** A copy that shares nothing with the original, down to the related links. */
    public static PostDraft copyOf(PostDraft source) {
        PostDraft draft = new PostDraft();
        draft.headline = source.headline;
        draft.slug = source.slug;
        draft.section = source.section;
        draft.tags = source.tags;
        draft.commentsOpen = source.commentsOpen;
        draft.commentsCloseAfterDays = source.commentsCloseAfterDays;
        source.excerpts.forEach(e -> draft.excerpts.add(ExcerptDraft.copyOf(e)));
        return draft;
    }

    public List<String> tagNames() {
        List<String> names = new ArrayList<>();
        if (tags != null) {
            for (String tag : tags.split(",")) {
                String name = tag.strip();
                if (!name.isEmpty() && names.stream().noneMatch(name::equalsIgnoreCase)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    public ExcerptDraft addExcerpt() {
        ExcerptDraft excerpt = new ExcerptDraft();
        excerpts.add(excerpt);
        return excerpt;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    public Integer getCommentsCloseAfterDays() {
        return commentsCloseAfterDays;
    }

    public void setCommentsCloseAfterDays(Integer commentsCloseAfterDays) {
        this.commentsCloseAfterDays = commentsCloseAfterDays;
    }

    /** For JSON-B, which reads an autosave back (ComposeAssist). */
    public void setExcerpts(List<ExcerptDraft> excerpts) {
        this.excerpts = new ArrayList<>(excerpts);
    }

    public List<ExcerptDraft> getExcerpts() {
        return excerpts;
    }
}
