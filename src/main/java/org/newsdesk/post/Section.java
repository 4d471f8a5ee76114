package org.newsdesk.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A section of the site (World, Middle East, ...); every post belongs to at most one. */
@Entity
@Table(name = "section")
@NamedQuery(name = "Section.findBySlug", query = "select s from Section s where s.slug = :slug")
@NamedQuery(name = "Section.inOrder", query = "select s from Section s order by s.position, s.name")
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String name;

    /** What the section covers, shown under its name on its page and in its feed; null for none. */
    private String description;
    private int position;

    /** Whether the site's menu links it. */
    @Column(name = "in_menu")
    private boolean inMenu;

    protected Section() {
    }

    public Section(String name) {
        this.name = name;
        this.slug = Slugs.of(name);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void describe(String name, String description) {
        this.name = name;
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    public int getPosition() {
        return position;
    }

    /** Its place in the site's menu and the desk's list: lower comes first. */
    public void placeAt(int position) {
        this.position = position;
    }

    public boolean isInMenu() {
        return inMenu;
    }

    public void setInMenu(boolean inMenu) {
        this.inMenu = inMenu;
    }
}
