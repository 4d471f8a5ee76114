package org.newsdesk.post;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A free-form topic label shared by posts (Iraq, Hezbollah, ...). */
@Entity
@Table(name = "tag")
@NamedQuery(name = "Tag.findBySlug", query = "select t from Tag t where t.slug = :slug")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String name;

    /** What the tag covers, shown under its name on its page and in its feed; null for none. */
    private String description;

    protected Tag() {
    }

    public Tag(String name) {
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
}
