package org.newsdesk.post;

import java.io.Serializable;
import org.newsdesk.platform.Phrase;
import java.util.EnumSet;
import java.util.Set;
import org.newsdesk.account.User;

/**
 * Which steps of the publishing workflow one member of staff may take on one post now, and, when the post is
 * read-only to them, why. This is the one place it is decided: {@link PublishingService} refuses every step
 * that is not open here, and the compose page and the history only show what is.
 *
 * <p>Editors (and administrators, {@link User#isEditor()}) take any step the post's status allows. Writers
 * save, submit and delete their own drafts; every other post is read-only to them.
 */
public record Workflow(Set<Step> open, Phrase readOnlyReason) implements Serializable {

    /** Who takes a step: writers only, editors only, or both. */
    enum Who { WRITERS, EDITORS, BOTH }

    /** A workflow step, the statuses it starts from, and who takes it. */
    public enum Step {
        SAVE("save", Who.BOTH, EnumSet.allOf(PostStatus.class)),
        SUBMIT("submit for review", Who.WRITERS, EnumSet.of(PostStatus.DRAFT)),
        PUBLISH("publish", Who.EDITORS,
                EnumSet.of(PostStatus.DRAFT, PostStatus.IN_REVIEW, PostStatus.SCHEDULED, PostStatus.UNPUBLISHED)),
        SCHEDULE("schedule", Who.EDITORS, EnumSet.of(PostStatus.DRAFT, PostStatus.IN_REVIEW, PostStatus.UNPUBLISHED)),
        CANCEL_SCHEDULE("cancel the schedule of", Who.EDITORS, EnumSet.of(PostStatus.SCHEDULED)),
        SEND_BACK("send back", Who.EDITORS, EnumSet.of(PostStatus.IN_REVIEW, PostStatus.SCHEDULED)),
        UNPUBLISH("unpublish", Who.EDITORS, EnumSet.of(PostStatus.PUBLISHED)),
        /** Excuse an excerpt from its outlet's word limit, with a reason. */
        OVERRIDE_LIMIT("excuse from the word limit", Who.EDITORS, EnumSet.allOf(PostStatus.class)),
        RESTORE("restore a revision of", Who.EDITORS, EnumSet.allOf(PostStatus.class)),
        DELETE("delete", Who.BOTH, EnumSet.of(PostStatus.DRAFT, PostStatus.IN_REVIEW, PostStatus.UNPUBLISHED)) {
            @Override
            Phrase notFrom(PostStatus status) {
                return Phrase.of("workflow.deleteNotFrom");
            }
        };

        private final String verb;
        private final Who who;
        private final Set<PostStatus> from;

        Step(String verb, Who who, Set<PostStatus> from) {
            this.verb = verb;
            this.who = who;
            this.from = from;
        }

        /** Whether a post in this status can take the step at all (whoever asks). */
        public boolean startsFrom(PostStatus status) {
            return from.contains(status);
        }

        String verb() {
            return verb;
        }

        /** Why a post in this status cannot take the step. */
        Phrase notFrom(PostStatus status) {
            return Phrase.of("workflow.notFrom." + name(), Phrase.of("status." + status.name()));
        }
    }

    public Workflow {
        open = open.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(open);
    }

    /** The steps open to {@code me} on {@code post}; a null post is one being composed, not yet saved. */
    public static Workflow of(Post post, User me) {
        PostStatus status = post == null ? PostStatus.DRAFT : post.getStatus();
        boolean editor = me.isEditor();
        User author = post == null ? me : post.getAuthor();
        boolean own = author != null && (author == me || author.getId() != null && author.getId().equals(me.getId()));
        boolean writersDraft = own && status == PostStatus.DRAFT;
        Set<Step> open = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (!step.startsFrom(status) || post == null && (step == Step.DELETE || step == Step.RESTORE)) {
                continue;
            }
            boolean allowed = switch (step.who) {
                case EDITORS -> editor;
                case WRITERS -> !editor && writersDraft;
                case BOTH -> editor || writersDraft;
            };
            if (allowed) {
                open.add(step);
            }
        }
        return new Workflow(open, open.contains(Step.SAVE) ? null : readOnlyReason(post, own));
    }

    private static Phrase readOnlyReason(Post post, boolean own) {
        if (!own) {
            return post.getAuthor() == null ? Phrase.of("workflow.readOnly.othersUnknown")
                    : Phrase.of("workflow.readOnly.others", post.getAuthor().getDisplayName());
        }
        if (post.getStatus() == PostStatus.IN_REVIEW) {
            return Phrase.of("workflow.readOnly.inReview");
        }
        return Phrase.of("workflow.readOnly.editorsOnly", Phrase.of("status." + post.getStatus().name()));
    }

    /** Whether the step is open; the pages ask {@code #{editPost.workflow.may('PUBLISH')}}. */
    public boolean may(Step step) {
        return open.contains(step);
    }

    public boolean isReadOnly() {
        return readOnlyReason != null;
    }

    public Phrase getReadOnlyReason() {
        return readOnlyReason;
    }

    /** Refuses a step that is not open, saying why in the words the compose page would. */
    public void require(Step step, PostStatus status) {
        if (may(step)) {
            return;
        }
        if (isReadOnly()) {
            throw new WorkflowException(null, readOnlyReason);
        }
        if (!step.startsFrom(status)) {
            throw new WorkflowException(null, step.notFrom(status));
        }
        throw new WorkflowException(null, step.who == Who.WRITERS ? Phrase.of("workflow.writersStep")
                : Phrase.of("workflow.editorsOnly." + step.name()));
    }
}
