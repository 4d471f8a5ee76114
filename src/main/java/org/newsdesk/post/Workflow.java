package org.newsdesk.post;

import java.io.Serializable;
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
public record Workflow(Set<Step> open, String readOnlyReason) implements Serializable {

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
            String notFrom(PostStatus status) {
                return "Unpublish the post, or cancel its schedule, before deleting it.";
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
        String notFrom(PostStatus status) {
            return "A post that is " + status.label() + " cannot be asked to " + verb + ".";
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

    private static String readOnlyReason(Post post, boolean own) {
        if (!own) {
            String author = post.getAuthor() == null ? "another writer" : post.getAuthor().getDisplayName();
            return "This is " + author + "’s post: writers change only their own drafts. You can read it here and preview it.";
        }
        if (post.getStatus() == PostStatus.IN_REVIEW) {
            return "You submitted this post for review, so it is with the editors now. You can read it here and preview it;"
                    + " an editor can send it back to you with a note.";
        }
        return "This post is " + post.getStatus().label() + ": only an editor can change it now. You can read it here and preview it.";
    }

    /** Whether the step is open; the pages ask {@code #{editPost.workflow.may('PUBLISH')}}. */
    public boolean may(Step step) {
        return open.contains(step);
    }

    public boolean isReadOnly() {
        return readOnlyReason != null;
    }

    public String getReadOnlyReason() {
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
        throw new WorkflowException(null, step.who == Who.WRITERS
                ? "Editors publish or schedule a post themselves; submitting for review is a writer's step."
                : "Only an editor can " + step.verb() + " a post.");
    }
}
