package org.newsdesk.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.newsdesk.account.AccountService;
import org.newsdesk.platform.PageNumber;
import org.newsdesk.post.ComposeAssist;
import org.newsdesk.post.DeskFilter;
import org.newsdesk.post.DeskPage;
import org.newsdesk.post.Post;
import org.newsdesk.post.PostStatus;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.SameStory;
import org.newsdesk.post.Section;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.param.ParamValue;

/**
 * Serves {@code admin/posts/index.xhtml}: the desk's list of posts, newest change first, narrowed by
 * status, author, section and headline through GET parameters, so a filtered list can be bookmarked.
 * {@code ?status=SENT_BACK} lists the drafts editors sent back to their writers; {@code ?group=story} groups the
 * page's posts by story ({@link SameStory}), each group under its earliest post.
 */
@Named("posts")
@RequestScoped
public class PostsBacking {

    /** The status parameter's value for the drafts sent back to their writers, beside the statuses' own names. */
    public static final String SENT_BACK = "SENT_BACK";

    /** The group parameter's value that groups the list by story. */
    public static final String STORY = "story";

    @Inject
    private PublishingService publishing;

    @Inject
    private AccountService accounts;

    @Inject
    @Param(name = "status")
    private String status;

    @Inject
    @Param(name = "author")
    private Long author;

    @Inject
    @Param(name = "section")
    private Long section;

    @Inject
    @Param(name = "q")
    private String query;

    @Inject
    @Param(name = "page")
    private ParamValue<Integer> page;

    @Inject
    @Param(name = "group")
    private String group;

    @Inject
    private ComposeAssist assist;

    @Inject
    private SameStory sameStory;

    /** Posts listed together: one story's when grouping by story (headed by the earliest), else the whole page. */
    public record Rows(List<Post> posts, boolean story) {

        public Post first() {
            return posts.get(0);
        }
    }

    private List<Rows> rows;

    private DeskPage desk;

    private Map<Long, List<String>> openBy;

    /** Who has each listed post open on the compose page now (one query for the page). */
    public String openBy(long postId) {
        if (openBy == null) {
            openBy = assist.openBy(getDesk().posts().stream().map(Post::getId).toList());
        }
        return String.join(", ", openBy.getOrDefault(postId, List.of()));
    }

    public DeskPage getDesk() {
        if (desk == null) {
            desk = publishing.desk(new DeskFilter(statusFilter(), SENT_BACK.equals(status), author, section, query,
                    PageNumber.orFirst(page)));
        }
        return desk;
    }

    /** The page's posts as the table shows them: in groups of one story each when grouping by story. */
    public List<Rows> getRows() {
        if (rows == null) {
            List<Post> posts = getDesk().posts();
            if (!isGroupedByStory() || posts.isEmpty()) {
                rows = List.of(new Rows(posts, false));
            } else {
                Map<Long, Post> byId = posts.stream().collect(java.util.stream.Collectors.toMap(Post::getId, post -> post));
                rows = sameStory.groups(posts.stream().map(Post::getId).toList()).stream()
                        .map(story -> new Rows(story.postIds().stream().map(byId::get).toList(), story.postIds().size() > 1))
                        .toList();
            }
        }
        return rows;
    }

    public boolean isGroupedByStory() {
        return STORY.equals(group);
    }

    public String getStory() {
        return STORY;
    }

    /** The same list with one parameter changed, for the status tabs and the pager. */
    public String link(String name, Object value) {
        StringBuilder url = new StringBuilder("?");
        append(url, "status", "status".equals(name) ? value : status);
        append(url, "author", "author".equals(name) ? value : author);
        append(url, "section", "section".equals(name) ? value : section);
        append(url, "q", "q".equals(name) ? value : query);
        append(url, "group", "group".equals(name) ? value : group);
        if ("page".equals(name)) {
            append(url, "page", value);
        }
        return url.length() == 1 ? "?" : url.substring(0, url.length() - 1);
    }

    private static void append(StringBuilder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.append(name).append('=').append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }

    private PostStatus statusFilter() {
        try {
            return status == null || status.isBlank() ? null : PostStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getSentBack() {
        return SENT_BACK;
    }

    public PostStatus[] getStatuses() {
        return PostStatus.values();
    }

    public List<Section> getSections() {
        return publishing.sections();
    }

    public long getMyId() {
        return accounts.currentUser().getId();
    }

    public String getStatus() {
        return status;
    }

    public Long getAuthor() {
        return author;
    }

    public Long getSection() {
        return section;
    }

    public String getQuery() {
        return query;
    }
}
