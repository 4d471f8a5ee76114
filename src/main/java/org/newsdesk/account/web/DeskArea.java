package org.newsdesk.account.web;

import java.util.List;
import org.newsdesk.account.Role;

/**
 * The desk's areas and the roles that reach each: the one declaration. The desk's menu and its front page
 * list the areas open to the signed-in member of staff from here; {@code web.xml}'s security constraints,
 * which the container enforces before any page runs, are checked against it by {@code DeskAreaTest}.
 */
public enum DeskArea {

    INBOX("/admin/inbox/", "Inbox", "New articles from the outlets we follow, by story; quote them in one click", Role.WRITER, Role.EDITOR, Role.ADMIN),
    POSTS("/admin/posts/", "Posts", "Compose, review, schedule and publish", Role.WRITER, Role.EDITOR, Role.ADMIN),
    MEDIA("/admin/media/", "Media", "Photos, captions and credits", Role.WRITER, Role.EDITOR, Role.ADMIN),
    OUTLETS("/admin/outlets/", "Outlets", "Who we quote, and how much", Role.EDITOR, Role.ADMIN),
    SOURCES("/admin/sources/", "Source changes", "Articles we quote that changed since: gone, moved, corrected", Role.EDITOR, Role.ADMIN),
    SECTIONS("/admin/sections/", "Sections & tags", "The site's menu, and what each section and tag covers", Role.EDITOR, Role.ADMIN),
    COMMENTS("/admin/comments/", "Comments", "The moderation queue", Role.MODERATOR, Role.ADMIN),
    USERS("/admin/users/", "Users", "Accounts and roles", Role.ADMIN),
    SITE("/admin/site/", "Site", "Name, tagline, language and logo", Role.ADMIN);

    private final String path;
    private final String label;
    private final String description;
    private final List<Role> roles;

    DeskArea(String path, String label, String description, Role... roles) {
        this.path = path;
        this.label = label;
        this.description = description;
        this.roles = List.of(roles);
    }

    /** The area's address from the site's root, ending in a slash; everything under it belongs to the area. */
    public String getPath() {
        return path;
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }

    public List<Role> getRoles() {
        return roles;
    }
}
