package org.newsdesk.post.web;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.media.Upload;
import org.newsdesk.platform.Phrase;
import org.newsdesk.platform.PlatformConfig;
import org.newsdesk.platform.TextLimit;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.ExcerptImport;
import org.newsdesk.post.PostDraft;
import org.newsdesk.source.ArticleImport;
import org.newsdesk.source.SourceArticle;
import org.newsdesk.source.SourceImports;
import org.newsdesk.source.SourceRefusedException;
import org.omnifaces.cdi.ViewScoped;

/**
 * Import from a URL, on the compose page: the editor pastes one or more source articles' addresses and each
 * fills an excerpt (the empty one a new post starts with, else a new one) with what the page says about
 * itself. Only empty fields are filled, so nothing typed is overwritten; what was found, and where in the
 * page, is listed for the editor to check. The lead image is offered, not taken: bringing it into the
 * library is a separate step.
 */
@Named("sourceImport")
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many addresses one press imports: each may take the fetch timeout. */
    static final int MAX_AT_ONCE = 10;
    @Inject
    private ComposePhotos photos;

    @Inject
    private ComposeChecks checks;

    @Inject
    private EditPostBacking editPost;

    @Inject
    private SourceImports imports;

    private String addresses;
    private final List<Imported> imported = new ArrayList<>();

    /** One article read into one excerpt, and what became of its picture. */
    public static final class Imported implements Serializable {

        private static final long serialVersionUID = 1L;

        private final ArticleImport result;
        private final ExcerptDraft excerpt;
        private final List<String> kept;
        private Phrase photoNote;

        Imported(ArticleImport result, ExcerptDraft excerpt, List<String> kept) {
            this.result = result;
            this.excerpt = excerpt;
            this.kept = kept;
        }

        public ArticleImport getResult() {
            return result;
        }

        public SourceArticle getArticle() {
            return result.article();
        }

        /** The fields that already held text and were left as typed, named in the desk's language. */
        public String getKept() {
            DeskWords words = org.omnifaces.util.Beans.getReference(DeskWords.class);
            return words.join(kept.stream().map(field -> words.get("import.field." + field)).toList());
        }

        public Phrase getPhotoNote() {
            return photoNote;
        }

        public long getMillis() {
            return result.took().toMillis();
        }

        /** The authors the page names, joined for the card; empty when it names none. */
        public String getAuthors() {
            return result.article().authors().present() ? String.join(", ", result.article().authors().value()) : "";
        }

        /**
         * When the source published, as it said it and in the newsroom's zone: "21:47 (UTC-05:00), 02:47 on 26 Nov in
         * the newsroom's zone (UTC)"; empty when the page gave no time and zone.
         */
        public String getPublishedTime() {
            OffsetDateTime at = result.article().publishedAt().value();
            if (at == null) {
                return "";
            }
            ZonedDateTime here = at.atZoneSameInstant(PlatformConfig.TIMEZONE.value());
            DeskWords words = org.omnifaces.util.Beans.getReference(DeskWords.class);
            String offset = at.getOffset().getTotalSeconds() == 0 ? "" : at.getOffset().getId();
            String source = at.format(DateTimeFormatter.ofPattern("HH:mm"));
            if (here.toLocalDateTime().equals(at.toLocalDateTime())) {
                return words.f("import.time.same", source, offset);
            }
            String local = here.format(DateTimeFormatter.ofPattern("HH:mm"));
            if (here.toLocalDate().equals(at.toLocalDate())) {
                return words.f("import.time.sameDay", source, offset, local, here.getZone().getId());
            }
            com.ibm.icu.text.DateFormat day = com.ibm.icu.text.DateFormat.getInstanceForSkeleton("dMMM",
                    com.ibm.icu.util.ULocale.forLocale(words.locale()));
            day.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(here.getZone().getId()));
            return words.f("import.time.otherDay", source, offset, local, day.format(java.util.Date.from(here.toInstant())),
                    here.getZone().getId());
        }
    }

    /**
     * Where the import found a field ({@link org.newsdesk.source.Provenance}): a place said in words in the desk's
     * language, markup ("og:title") as written; empty for nowhere.
     */
    public String where(String where) {
        return where == null || where.isEmpty() ? ""
                : org.omnifaces.util.Beans.getReference(DeskWords.class).say(org.newsdesk.source.Provenance.phrase(where));
    }

    public void importArticles() {
        photos.takeUploads();
        Set<String> typed = addresses == null ? Set.of() : addresses.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (typed.isEmpty()) {
            DeskMessages.error("importAddresses", Phrase.of("import.none"));
            return;
        }
        if (typed.size() > MAX_AT_ONCE) {
            DeskMessages.error("importAddresses", Phrase.of("import.tooMany", MAX_AT_ONCE, typed.size()));
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String address : typed) {
            try {
                ArticleImport result = imports.read(address);
                ExcerptDraft excerpt = ExcerptImport.target(editPost.getDraft());
                imported.add(0, new Imported(result, excerpt, ExcerptImport.fill(editPost.getDraft(), excerpt, result)));
            } catch (SourceRefusedException e) {
                DeskMessages.error("importAddresses", Phrase.of("import.refused", shortened(address), e.phrase()));
                refused.add(address);
            }
        }
        // What was refused stays in the field to be corrected; what was imported leaves it.
        addresses = refused.isEmpty() ? null : String.join("\n", refused);
        checks.changed();
    }

    /** Brings the lead image of the {@code index}th import (newest first) into the library and onto its excerpt. */
    public void importPhoto(int index) {
        photos.takeUploads();
        Imported item = imported.get(index);
        int at = excerptIndex(item);
        if (at < 0) {
            item.photoNote = Phrase.of("import.photo.excerptGone");
            return;
        }
        try {
            Upload upload = imports.importImage(item.getArticle().image());
            photos.usePhoto(at, upload.photo().getId());
            ExcerptImport.describePhoto(editPost.getDraft().getExcerpts().get(at), item.getArticle().image());
            item.photoNote = Phrase.of(upload.alreadyInLibrary() ? "import.photo.already" : "import.photo.added", at + 1);
        } catch (SourceRefusedException e) {
            DeskMessages.error("imports:" + index + ":importPhoto", e.phrase());
        }
    }

    /** The excerpt's number as the page shows it now (1-based), or 0 once it was removed. */
    public int excerptNumber(Imported item) {
        return excerptIndex(item) + 1;
    }

    private int excerptIndex(Imported item) {
        List<ExcerptDraft> excerpts = editPost.getDraft().getExcerpts();
        for (int i = 0; i < excerpts.size(); i++) {
            if (excerpts.get(i) == item.excerpt) {
                return i;
            }
        }
        return -1;
    }

    private static String shortened(String address) {
        return address.length() > 100 ? TextLimit.shorten(address, 98) : address;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public List<Imported> getImported() {
        return imported;
    }
}
