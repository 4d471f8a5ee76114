package org.newsdesk.post;

import java.io.Serializable;
import org.newsdesk.platform.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A three-way merge of the compose page after an edit conflict: what the post was when this editor
 * opened it (the base), what someone else saved since (theirs), and what this editor typed (mine).
 * A field only one of them changed takes that change; a field both changed to different values is a
 * conflict that a person must decide. Nothing either of them wrote is dropped without that choice.
 *
 * <pre>
 * PostMerge merge = PostMerge.of(opened, PostDraft.of(saved), typed);
 * merge.merged();                       // theirs, with my changes on top; for conflicts, what I typed
 * merge.resolve(draft, Map.of("headline", PostMerge.Choice.THEIRS));
 * </pre>
 *
 * Excerpts are matched by position while all three have the same number of them; when their number
 * differs, the excerpts as a whole are one field (added, removed or reordered by one side is taken,
 * by both sides is a conflict).
 */
public final class PostMerge implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Who changed a field since the base. */
    public enum Outcome { THEIRS, MINE, BOTH_SAME, CONFLICT }

    /** Which side a person chose for a conflict. */
    public enum Choice { THEIRS, MINE }

    /** One field someone changed since the base, with the three values as people read them. */
    public record Field(String key, Phrase label, String base, String theirs, String mine, Outcome outcome) implements Serializable {

        public boolean isConflict() {
            return outcome == Outcome.CONFLICT;
        }
    }

    private final PostDraft merged;
    private final List<Field> fields;
    private final PostDraft theirs;

    private PostMerge(PostDraft merged, List<Field> fields, PostDraft theirs) {
        this.merged = merged;
        this.fields = fields;
        this.theirs = theirs;
    }

    /**
     * Merges. {@code theirs} is used as the start of the merged draft (pass a fresh copy); {@code base}
     * and {@code mine} are read only. {@code outletName} turns an outlet id into its name for people.
     */
    public static PostMerge of(PostDraft base, PostDraft theirs, PostDraft mine, Function<Long, String> outletName) {
        PostDraft merged = PostDraft.copyOf(theirs);
        List<Field> fields = new ArrayList<>();
        for (Accessor accessor : accessors(base, theirs, mine, outletName)) {
            Object b = accessor.get.apply(base);
            Object t = accessor.get.apply(theirs);
            Object m = accessor.get.apply(mine);
            Outcome outcome;
            if (same(t, m)) {
                if (same(b, t)) {
                    continue;
                }
                outcome = Outcome.BOTH_SAME;
            } else if (same(b, m)) {
                outcome = Outcome.THEIRS;
            } else if (same(b, t)) {
                outcome = Outcome.MINE;
            } else {
                outcome = Outcome.CONFLICT;
            }
            if (outcome == Outcome.MINE || outcome == Outcome.CONFLICT) {
                // For a conflict the form keeps what this editor typed until they choose.
                accessor.set.accept(merged, accessor.copy(m));
            }
            fields.add(new Field(accessor.key, accessor.label, accessor.show(b), accessor.show(t), accessor.show(m), outcome));
        }
        return new PostMerge(merged, List.copyOf(fields), PostDraft.copyOf(theirs));
    }

    /** The other side's version with this editor's changes on top; for conflicts, what this editor typed. */
    public PostDraft merged() {
        return merged;
    }

    /** Every field someone changed since the base, in the order of the page. */
    public List<Field> fields() {
        return fields;
    }

    public List<Field> conflicts() {
        return fields.stream().filter(Field::isConflict).toList();
    }

    /** The conflicts no choice was made for yet. */
    public List<Field> undecided(Map<String, Choice> choices) {
        return conflicts().stream().filter(f -> choices.get(f.key()) == null).toList();
    }

    /**
     * Applies the choices to the draft on the page: a conflict decided for theirs takes their value back,
     * one decided for mine keeps what the form holds (which the editor may have changed again since).
     */
    public void resolve(PostDraft draft, Map<String, Choice> choices) {
        for (Accessor accessor : accessors(theirs, theirs, draft, id -> "")) {
            if (choices.get(accessor.key) == Choice.THEIRS && conflicts().stream().anyMatch(f -> f.key().equals(accessor.key))) {
                accessor.set.accept(draft, accessor.copy(accessor.get.apply(theirs)));
            }
        }
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(normal(a), normal(b));
    }

    /** Empty and blank text are the same as nothing: an empty field is submitted as null. */
    private static Object normal(Object value) {
        if (value instanceof String text) {
            String stripped = text.strip().replace("\r\n", "\n");
            return stripped.isEmpty() ? null : stripped;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PostMerge::normal).toList();
        }
        if (value instanceof RelatedLinkDraft link) {
            return link.isBlank() ? null : List.of(String.valueOf(normal(link.getTitle())), String.valueOf(normal(link.getUrl())));
        }
        if (value instanceof ExcerptDraft excerpt) {
            return excerptAccessors(0, id -> "").stream().map(a -> normal(a.get.apply(draftOf(excerpt)))).toList();
        }
        return value;
    }

    private static PostDraft draftOf(ExcerptDraft excerpt) {
        PostDraft draft = new PostDraft();
        draft.getExcerpts().add(excerpt);
        return draft;
    }

    private static List<Accessor> accessors(PostDraft base, PostDraft theirs, PostDraft mine, Function<Long, String> outletName) {
        List<Accessor> accessors = new ArrayList<>(List.of(
                new Accessor("headline", Phrase.of("merge.field.headline"), PostDraft::getHeadline, (d, v) -> d.setHeadline((String) v)),
                new Accessor("slug", Phrase.of("merge.field.slug"), PostDraft::getSlug, (d, v) -> d.setSlug((String) v)),
                new Accessor("section", Phrase.of("merge.field.section"), PostDraft::getSection, (d, v) -> d.setSection((String) v)),
                new Accessor("tags", Phrase.of("merge.field.tags"), PostDraft::getTags, (d, v) -> d.setTags((String) v)),
                new Accessor("commentsOpen", Phrase.of("merge.field.commentsOpen"), PostDraft::isCommentsOpen,
                        (d, v) -> d.setCommentsOpen((Boolean) v)),
                new Accessor("commentsCloseAfterDays", Phrase.of("merge.field.commentsCloseAfterDays"), PostDraft::getCommentsCloseAfterDays,
                        (d, v) -> d.setCommentsCloseAfterDays((Integer) v))));
        int size = base.getExcerpts().size();
        if (theirs.getExcerpts().size() == size && mine.getExcerpts().size() == size) {
            for (int i = 0; i < size; i++) {
                accessors.addAll(excerptAccessors(i, outletName));
            }
        } else {
            accessors.add(new Accessor("excerpts", Phrase.of("merge.field.excerpts"), PostDraft::getExcerpts, (d, v) -> {
                d.getExcerpts().clear();
                @SuppressWarnings("unchecked")
                List<ExcerptDraft> excerpts = (List<ExcerptDraft>) v;
                d.getExcerpts().addAll(excerpts);
            }) {
                @Override
                String show(Object value) {
                    List<?> excerpts = (List<?>) value;
                    return excerpts.size() + ": " + excerpts.stream()
                            .map(e -> outletName.apply(((ExcerptDraft) e).getOutletId()))
                            .map(name -> name == null || name.isEmpty() ? "—" : name)
                            .collect(Collectors.joining(", "));
                }

                @Override
                Object copy(Object value) {
                    return ((List<?>) value).stream().map(e -> ExcerptDraft.copyOf((ExcerptDraft) e)).toList();
                }
            });
        }
        return accessors;
    }

    private static List<Accessor> excerptAccessors(int i, Function<Long, String> outletName) {
        String k = "excerpts." + i + ".";
        Function<PostDraft, ExcerptDraft> e = d -> d.getExcerpts().get(i);
        return List.of(
                new Accessor(k + "outlet", Phrase.of("merge.field.excerpt.outlet", i + 1), d -> e.apply(d).getOutletId(), (d, v) -> e.apply(d).setOutletId((Long) v)) {
                    @Override
                    String show(Object value) {
                        return value == null ? "" : outletName.apply((Long) value);
                    }
                },
                new Accessor(k + "newOutletName", Phrase.of("merge.field.excerpt.newOutletName", i + 1), d -> e.apply(d).getNewOutletName(),
                        (d, v) -> e.apply(d).setNewOutletName((String) v)),
                new Accessor(k + "newOutletDomain", Phrase.of("merge.field.excerpt.newOutletDomain", i + 1), d -> e.apply(d).getNewOutletDomain(),
                        (d, v) -> e.apply(d).setNewOutletDomain((String) v)),
                new Accessor(k + "articleUrl", Phrase.of("merge.field.excerpt.articleUrl", i + 1), d -> e.apply(d).getArticleUrl(),
                        (d, v) -> e.apply(d).setArticleUrl((String) v)),
                new Accessor(k + "originalPublishedOn", Phrase.of("merge.field.excerpt.originalPublishedOn", i + 1), d -> e.apply(d).getOriginalPublishedOn(),
                        (d, v) -> e.apply(d).setOriginalPublishedOn((java.time.LocalDate) v)),
                new Accessor(k + "sourceAuthors", Phrase.of("merge.field.excerpt.sourceAuthors", i + 1), d -> e.apply(d).getSourceAuthors(),
                        (d, v) -> e.apply(d).setSourceAuthors((String) v)),
                new Accessor(k + "dek", Phrase.of("merge.field.excerpt.dek", i + 1), d -> e.apply(d).getDek(), (d, v) -> e.apply(d).setDek((String) v)),
                new Accessor(k + "bodyText", Phrase.of("merge.field.excerpt.bodyText", i + 1), d -> e.apply(d).getBodyText(),
                        (d, v) -> e.apply(d).setBodyText((String) v)),
                new Accessor(k + "photo", Phrase.of("merge.field.excerpt.photo", i + 1), d -> e.apply(d).getPhotoId(), (d, v) -> e.apply(d).setPhotoId((Long) v)) {
                    @Override
                    String show(Object value) {
                        return value == null ? "—" : "#" + value;
                    }
                },
                new Accessor(k + "caption", Phrase.of("merge.field.excerpt.caption", i + 1), d -> e.apply(d).getCaption(), (d, v) -> e.apply(d).setCaption((String) v)),
                new Accessor(k + "creditLine", Phrase.of("merge.field.excerpt.creditLine", i + 1), d -> e.apply(d).getCreditLine(),
                        (d, v) -> e.apply(d).setCreditLine((String) v)),
                new Accessor(k + "photoAlt", Phrase.of("merge.field.excerpt.photoAlt", i + 1), d -> e.apply(d).getPhotoAlt(), (d, v) -> e.apply(d).setPhotoAlt((String) v)),
                new Accessor(k + "photoLicence", Phrase.of("merge.field.excerpt.photoLicence", i + 1), d -> e.apply(d).getPhotoLicence(),
                        (d, v) -> e.apply(d).setPhotoLicence((String) v)),
                new Accessor(k + "sourceWordCount", Phrase.of("merge.field.excerpt.sourceWordCount", i + 1), d -> e.apply(d).getSourceWordCount(),
                        (d, v) -> e.apply(d).setSourceWordCount((Integer) v)),
                new Accessor(k + "lengthOverrideReason", Phrase.of("merge.field.excerpt.lengthOverrideReason", i + 1),
                        d -> e.apply(d).getLengthOverrideReason(), (d, v) -> e.apply(d).setLengthOverrideReason((String) v)),
                new Accessor(k + "related", Phrase.of("merge.field.excerpt.related", i + 1), d -> e.apply(d).getRelated(), (d, v) -> {
                    e.apply(d).getRelated().clear();
                    @SuppressWarnings("unchecked")
                    List<RelatedLinkDraft> links = (List<RelatedLinkDraft>) v;
                    e.apply(d).getRelated().addAll(links);
                }) {
                    @Override
                    String show(Object value) {
                        return ((List<?>) value).stream().map(l -> (RelatedLinkDraft) l).filter(l -> !l.isBlank())
                                .map(l -> l.getTitle() + " (" + l.getUrl() + ")").collect(Collectors.joining("; "));
                    }

                    @Override
                    Object copy(Object value) {
                        return ((List<?>) value).stream().map(l -> (RelatedLinkDraft) l)
                                .map(l -> new RelatedLinkDraft(l.getTitle(), l.getUrl())).toList();
                    }
                });
    }

    /** Reads and writes one field of a draft. */
    private static class Accessor {
        final String key;
        final Phrase label;
        final Function<PostDraft, Object> get;
        final BiConsumer<PostDraft, Object> set;

        @SuppressWarnings("unchecked")
        Accessor(String key, Phrase label, Function<PostDraft, ?> get, BiConsumer<PostDraft, Object> set) {
            this.key = key;
            this.label = label;
            this.get = (Function<PostDraft, Object>) get;
            this.set = set;
        }

        String show(Object value) {
            return value == null ? "" : value instanceof Boolean yes ? (yes ? "✓" : "✗") : value.toString();
        }

        Object copy(Object value) {
            return value;
        }
    }
}
