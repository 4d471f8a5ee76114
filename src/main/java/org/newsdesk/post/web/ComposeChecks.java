package org.newsdesk.post.web;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.account.web.DeskWords;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.Phrase;
import org.newsdesk.post.ComposeAssist;
import org.newsdesk.post.ExcerptDraft;
import org.newsdesk.post.SameStory;
import org.newsdesk.post.StorySimilarity;
import org.newsdesk.post.Workflow;
import org.omnifaces.cdi.ViewScoped;

/**
 * What the compose page points out before publishing, of the draft as typed: the publish checks that fail now
 * (worded by role: how an outlet's rule can be excused), the rules an editor's reason excuses, an address off its
 * outlet's domain, an article quoted elsewhere this week and posts that look like the same story. Part of the
 * compose page with {@link EditPostBacking}.
 */
@Named("composeChecks")
@ViewScoped
public class ComposeChecks implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditPostBacking editor;

    @Inject
    private ComposePhotos photos;

    @Inject
    private ComposeAssist assist;

    @Inject
    private SameStory sameStory;

    @Inject
    private DeskWords words;

    /** What the publish checks and the source checks say of the draft as typed; null until asked again. */
    private List<Check> checks;
    /** Whether an outlet rule is excused with an editor's reason in the draft as typed (with {@link #checks}). */
    private boolean excusedAny;

    /** A change of the form's lists (an excerpt, a link, a photo) asks the checks again. */
    public void changed() {
        checks = null;
        excusedAny = false;
    }

    /**
     * One thing the page points out before publishing: a publish check that fails now, or a note about a source or
     * about another post of the same story; {@code detail} follows the link.
     */
    public record Check(String field, Phrase message, boolean blocking, String link, String linkText, String detail) implements Serializable {
    }

    /**
     * What would stop publication now, and what to know about the sources: another post of the last week
     * quoting the same article, an address not on the chosen outlet's domain; and other recent posts that look
     * like the same story ({@link SameStory}), so the editor can add to one of them instead.
     */
    public List<Check> getChecks() {
        if (checks == null) {
            excusedAny = false;
            List<Check> found = new java.util.ArrayList<>();
            Map<Long, Outlet> byId = editor.getOutlets().stream().collect(Collectors.toMap(Outlet::getId, o -> o));
            for (org.newsdesk.post.PublicationCheck.Problem problem : org.newsdesk.post.PublicationCheck.problems(editor.getDraft(), byId::get,
                    photoId -> photos.alt(photoId))) {
                String field = problem.excerpt() == 0 ? null
                        : "excerpts:" + (problem.excerpt() - 1) + ":" + switch (problem.field()) {
                            case "body" -> "bodyText";
                            case "photo" -> "removePhoto";
                            default -> problem.field();
                        };
                found.add(new Check(field, problem.message(), true, null, null, problem.overridable()
                        ? words.get(editor.getWorkflow().may(Workflow.Step.OVERRIDE_LIMIT) ? "check.override.editor" : "check.override.writer") : null));
            }
            List<ExcerptDraft> excerpts = editor.getDraft().getExcerpts();
            for (int n = 0; n < excerpts.size(); n++) {
                ExcerptDraft excerpt = excerpts.get(n);
                Outlet outlet = excerpt.getOutletId() == null ? null : byId.get(excerpt.getOutletId());
                String host = host(excerpt.getArticleUrl());
                if (outlet != null && host != null && !outlet.isHomeOf(host)) {
                    found.add(new Check("excerpts:" + n + ":articleUrl", Phrase.of("check.otherDomain", n + 1, host, outlet.getDomain(),
                            outlet.getName()), false, null, null, null));
                }
            }
            Set<Long> quoting = new java.util.HashSet<>();
            try {
                for (ComposeAssist.Quote quote : assist.quotedElsewhere(excerpts.stream().map(ExcerptDraft::getArticleUrl).toList(), editor.getId())) {
                    for (int n = 0; n < excerpts.size(); n++) {
                        if (quote.articleUrl().equals(excerpts.get(n).getArticleUrl() == null ? null : excerpts.get(n).getArticleUrl().strip())) {
                            found.add(new Check("excerpts:" + n + ":articleUrl", Phrase.of("check.quotedElsewhere", n + 1,
                                    words.get("status." + quote.status().name())), false,
                                    "admin/posts/edit?id=" + quote.postId(), quote.headline(), null));
                            quoting.add(quote.postId());
                        }
                    }
                }
                for (SameStory.Match match : sameStory.of(editor.getDraft(), editor.getId())) {
                    // A post already named above for quoting the same article is not named twice.
                    if (!quoting.contains(match.postId())) {
                        found.add(new Check(null, Phrase.of("check.sameStory"), false, "admin/posts/edit?id=" + match.postId(), match.headline(),
                                sameStoryDetail(match)));
                    }
                }
            } catch (EJBException e) {
                if (!Faults.databaseUnreachable(e)) {
                    throw e;
                }
            }
            // Rules an editor's reason lets through are said, not passed over in silence.
            for (org.newsdesk.post.PublicationCheck.Override excused : org.newsdesk.post.PublicationCheck.overrides(editor.getDraft(), byId::get,
                    photoId -> photos.alt(photoId))) {
                found.add(new Check("excerpts:" + (excused.excerpt() - 1) + ":lengthOverrideReason", Phrase.of("check.excused",
                        excused.excerpt(), excused.outletName(), words.join(excused.rules().stream()
                                .map(rule -> words.get("check.rule." + rule.replace(' ', '-'))).toList()), excused.reason()),
                        false, null, null, null));
                excusedAny = true;
            }
            checks = found;
        }
        return checks;
    }

    /** What the page says when nothing blocks publication: whether an outlet's rule was excused with a reason. */
    public String getChecksOkText() {
        getChecks();
        return words.get(excusedAny ? "check.okExcused" : "compose.checks.ok");
    }

    /** "(62%: similar headline, sinwar, hamas; draft)": how alike, why, and where the other post stands. */
    private String sameStoryDetail(SameStory.Match match) {
        StorySimilarity.Score score = match.score();
        String shared = score.sharedWords().isEmpty() ? "" : words.get("list.separator") + words.join(score.sharedWords());
        return words.f("check.sameStory.detail", score.percent(), words.get("similarity." + score.reason().name()), shared,
                words.get("status." + match.status().name()));
    }

    /** The address's host as outlet domains are written ({@code reuters.com}); null for no web address. */
    private static String host(String url) {
        return org.newsdesk.post.PublicationCheck.isWebAddress(url) ? Outlet.normalizeDomain(java.net.URI.create(url.strip()).getHost()) : null;
    }

    public boolean isBlockingChecks() {
        return getChecks().stream().anyMatch(Check::blocking);
    }

    /** "Notes on REUTERS: ..." for the excerpt quoting that outlet, or empty: what the registry tells editors about it. */
    public String outletNotes(Long outletId) {
        Outlet outlet = outletId == null ? null : editor.getOutlets().stream().filter(o -> o.getId().equals(outletId)).findFirst().orElse(null);
        return outlet == null || outlet.getNotes() == null ? "" : words.f("compose.outletNotes", outlet.getName(), outlet.getNotes());
    }
}
