package org.newsdesk.post;

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
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String name;
    private int position;

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

    public int getPosition() {
        return position;
    }
}
