package org.newsdesk.post;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.platform.Texts;

/**
 * A post's content frozen for its history: JSON for storing and restoring, and a readable text form
 * for showing what changed between two revisions.
 */
public final class PostSnapshot {

    private PostSnapshot() {
    }

    public static String toJson(Post post) {
        JsonArrayBuilder excerpts = Json.createArrayBuilder();
        for (Excerpt e : post.getExcerpts()) {
            JsonArrayBuilder related = Json.createArrayBuilder();
            e.getRelatedLinks().forEach(l -> related.add(Json.createObjectBuilder().add("title", l.getTitle()).add("url", l.getUrl())));
            JsonObjectBuilder excerpt = Json.createObjectBuilder();
            put(excerpt, "outletId", e.getOutlet() == null ? null : e.getOutlet().getId());
            put(excerpt, "outlet", e.getOutlet() == null ? null : e.getOutlet().getName());
            put(excerpt, "articleUrl", e.getArticleUrl());
            put(excerpt, "originalPublishedOn", e.getOriginalPublishedOn() == null ? null : e.getOriginalPublishedOn().toString());
            put(excerpt, "sourceAuthors", e.getSourceAuthors());
            put(excerpt, "dek", e.getDek());
            put(excerpt, "body", e.getBody());
            put(excerpt, "photoId", e.getPhoto() == null ? null : e.getPhoto().getId());
            put(excerpt, "caption", e.getCaption());
            put(excerpt, "creditLine", e.getCreditLine());
            put(excerpt, "photoAlt", e.getPhotoAlt());
            put(excerpt, "photoLicence", e.getPhotoLicence());
            put(excerpt, "sourceWordCount", e.getSourceWordCount() == null ? null : e.getSourceWordCount().longValue());
            put(excerpt, "lengthOverrideReason", e.getLengthOverrideReason());
            excerpts.add(excerpt.add("related", related));
        }
        JsonObjectBuilder root = Json.createObjectBuilder();
        put(root, "headline", post.getHeadline());
        put(root, "section", post.getSection() == null ? null : post.getSection().getName());
        // By name, as the post shows them, whatever order they were typed in: equal posts, equal snapshots.
        put(root, "tags", String.join(", ", post.getTags().stream().map(Tag::getName).sorted().toList()));
        return root.add("commentsOpen", post.isCommentsOpen()).add("excerpts", excerpts).build().toString();
    }

    /** The snapshot as a compose-page draft, so restoring a revision is an ordinary save. */
    public static PostDraft toDraft(String json, String slug) {
        JsonObject root = Json.createReader(new StringReader(json)).readObject();
        PostDraft draft = new PostDraft();
        draft.setHeadline(text(root, "headline"));
        draft.setSlug(slug);
        draft.setSection(text(root, "section"));
        draft.setTags(text(root, "tags"));
        draft.setCommentsOpen(root.getBoolean("commentsOpen", true));
        for (JsonObject e : root.getJsonArray("excerpts").getValuesAs(JsonObject.class)) {
            ExcerptDraft excerpt = draft.addExcerpt();
            excerpt.setOutletId(e.isNull("outletId") ? null : e.getJsonNumber("outletId").longValue());
            excerpt.setArticleUrl(text(e, "articleUrl"));
            excerpt.setOriginalPublishedOn(e.isNull("originalPublishedOn") ? null : LocalDate.parse(e.getString("originalPublishedOn")));
            excerpt.setSourceAuthors(text(e, "sourceAuthors")); // absent from revisions kept before authors were read
            excerpt.setDek(text(e, "dek"));
            excerpt.setBodyText(ExcerptMarkup.toEditorText(text(e, "body")));
            excerpt.setPhotoId(e.isNull("photoId") ? null : e.getJsonNumber("photoId").longValue());
            excerpt.setCaption(text(e, "caption"));
            excerpt.setCreditLine(text(e, "creditLine"));
            excerpt.setPhotoAlt(text(e, "photoAlt")); // absent from revisions kept before alt text was the excerpt's
            // Both absent from revisions kept before outlet policies (issue 14).
            excerpt.setPhotoLicence(text(e, "photoLicence"));
            excerpt.setSourceWordCount(!e.containsKey("sourceWordCount") || e.isNull("sourceWordCount") ? null
                    : e.getJsonNumber("sourceWordCount").intValue());
            excerpt.setLengthOverrideReason(text(e, "lengthOverrideReason"));
            for (JsonObject l : e.getJsonArray("related").getValuesAs(JsonObject.class)) {
                excerpt.getRelated().add(new RelatedLinkDraft(l.getString("title"), l.getString("url")));
            }
        }
        return draft;
    }

    /** One line per field, in reading order, for line-by-line comparison of two revisions; labels in English. */
    public static List<String> toLines(String json) {
        return toLines(json, Texts.of(Texts.Family.DESK, java.util.Locale.ENGLISH));
    }

    /** The same, each field labelled in the desk's words ({@code diff.*}) of the person comparing. */
    public static List<String> toLines(String json, Texts words) {
        JsonObject root = Json.createReader(new StringReader(json)).readObject();
        List<String> lines = new ArrayList<>();
        lines.add(words.format("diff.headline", nullToEmpty(text(root, "headline"))));
        lines.add(words.format("diff.section", nullToEmpty(text(root, "section"))));
        lines.add(words.format("diff.tags", nullToEmpty(text(root, "tags"))));
        int n = 1;
        for (JsonObject e : root.getJsonArray("excerpts").getValuesAs(JsonObject.class)) {
            int at = n++;
            lines.add(words.format("diff.outlet", at, nullToEmpty(text(e, "outlet"))));
            lines.add(words.format("diff.article", at, nullToEmpty(text(e, "articleUrl"))));
            lines.add(words.format("diff.published", at, nullToEmpty(text(e, "originalPublishedOn"))));
            lines.add(words.format("diff.authors", at, nullToEmpty(text(e, "sourceAuthors"))));
            lines.add(words.format("diff.dek", at, nullToEmpty(text(e, "dek"))));
            for (String paragraph : nullToEmpty(ExcerptMarkup.toEditorText(text(e, "body"))).split("\\n\\n")) {
                lines.add(words.format("diff.paragraph", at, paragraph));
            }
            lines.add(words.format("diff.caption", at, nullToEmpty(text(e, "caption"))));
            lines.add(words.format("diff.credit", at, nullToEmpty(text(e, "creditLine"))));
            lines.add(words.format("diff.alt", at, nullToEmpty(text(e, "photoAlt"))));
            lines.add(words.format("diff.licence", at, nullToEmpty(text(e, "photoLicence"))));
            lines.add(words.format("diff.sourceWords", at, !e.containsKey("sourceWordCount") || e.isNull("sourceWordCount") ? ""
                    : e.getJsonNumber("sourceWordCount").toString()));
            for (JsonObject l : e.getJsonArray("related").getValuesAs(JsonObject.class)) {
                lines.add(words.format("diff.related", at, l.getString("title"), l.getString("url")));
            }
        }
        return lines;
    }

    private static void put(JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else if (value instanceof Long number) {
            builder.add(name, number);
        } else {
            builder.add(name, value.toString());
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : object.getString(name);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
