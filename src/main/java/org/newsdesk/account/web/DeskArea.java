package org.newsdesk.account.web;

import java.util.List;
import org.newsdesk.account.Role;

/**
 * The desk's areas and the roles that reach each: the one declaration (their names and descriptions are the
 * desk's words {@code area.INBOX.label} and {@code area.INBOX.description}). The desk's menu and its front page
 * list the areas open to the signed-in member of staff from here; {@code web.xml}'s security constraints,
 * which the container enforces before any page runs, are checked against it by {@code DeskAreaTest}.
 */
public enum DeskArea {

    INBOX("/admin/inbox/", Role.WRITER, Role.EDITOR, Role.ADMIN),
    POSTS("/admin/posts/", Role.WRITER, Role.EDITOR, Role.ADMIN),
    MEDIA("/admin/media/", Role.WRITER, Role.EDITOR, Role.ADMIN),
    OUTLETS("/admin/outlets/", Role.EDITOR, Role.ADMIN),
    SOURCES("/admin/sources/", Role.EDITOR, Role.ADMIN),
    SECTIONS("/admin/sections/", Role.EDITOR, Role.ADMIN),
    NEWSLETTER("/admin/newsletter/", Role.EDITOR, Role.ADMIN),
    COMMENTS("/admin/comments/", Role.MODERATOR, Role.ADMIN),
    USERS("/admin/users/", Role.ADMIN),
    SITE("/admin/site/", Role.ADMIN);

    private final String path;
    private final List<Role> roles;

    DeskArea(String path, Role... roles) {
        this.path = path;
        this.roles = List.of(roles);
    }

    /** The area's address from the site's root, ending in a slash; everything under it belongs to the area. */
    public String getPath() {
        return path;
    }

    public List<Role> getRoles() {
        return roles;
    }
}
