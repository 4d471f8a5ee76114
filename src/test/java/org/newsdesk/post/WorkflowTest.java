package org.newsdesk.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.post.Workflow.Step;

/** Which steps each member of staff may take on a post in each state: the table the desk and the service share. */
class WorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final User writer = new User("wendy", "Wendy Writer", "w@example.org", Set.of(Role.WRITER), NOW);
    private final User otherWriter = new User("walt", "Walt Writer", "v@example.org", Set.of(Role.WRITER), NOW);
    private final User editor = new User("edna", "Edna Editor", "e@example.org", Set.of(Role.EDITOR), NOW);
    private final User admin = new User("ada", "Ada Admin", "a@example.org", Set.of(Role.ADMIN), NOW);
    private final User moderator = new User("moe", "Moe Moderator", "m@example.org", Set.of(Role.MODERATOR), NOW);

    @Test
    void aNewPostIsSavedAndSubmittedByAWriterAndPublishedOrScheduledByAnEditor() {
        assertEquals(EnumSet.of(Step.SAVE, Step.SUBMIT), Workflow.of(null, writer).open());
        assertEquals(EnumSet.of(Step.SAVE, Step.PUBLISH, Step.SCHEDULE, Step.OVERRIDE_LIMIT), Workflow.of(null, editor).open());
        assertEquals(Workflow.of(null, editor).open(), Workflow.of(null, admin).open(), "an administrator is an editor");
    }

    @Test
    void aWriterChangesOnlyTheirOwnDraft() {
        Post draft = post(writer);
        assertEquals(EnumSet.of(Step.SAVE, Step.SUBMIT, Step.DELETE), Workflow.of(draft, writer).open());
        assertNull(Workflow.of(draft, writer).getReadOnlyReason());

        Workflow others = Workflow.of(draft, otherWriter);
        assertEquals(Set.of(), others.open());
        assertEquals("This is Wendy Writer’s post: writers change only their own drafts. You can read it here and preview it.",
                others.getReadOnlyReason().english());
        assertTrue(Workflow.of(draft, moderator).isReadOnly(), "a moderator is no writer");

        draft.submit(NOW);
        Workflow inReview = Workflow.of(draft, writer);
        assertEquals(Set.of(), inReview.open());
        assertTrue(inReview.getReadOnlyReason().english().startsWith("You submitted this post for review, so it is with the editors now."));
        WorkflowException refused = assertThrows(WorkflowException.class, () -> inReview.require(Step.SAVE, draft.getStatus()));
        assertEquals(inReview.getReadOnlyReason().english(), refused.getMessage(), "the service refuses with the reason the page shows");
    }

    @Test
    void anEditorTakesTheStepsThePostsStatusAllows() {
        Post post = post(writer);
        assertEquals(EnumSet.of(Step.SAVE, Step.PUBLISH, Step.SCHEDULE, Step.OVERRIDE_LIMIT, Step.RESTORE, Step.DELETE),
                Workflow.of(post, editor).open());
        post.submit(NOW);
        assertEquals(EnumSet.of(Step.SAVE, Step.PUBLISH, Step.SCHEDULE, Step.SEND_BACK, Step.OVERRIDE_LIMIT, Step.RESTORE,
                Step.DELETE), Workflow.of(post, editor).open());
        post.schedule(NOW.plusSeconds(3600), NOW);
        assertEquals(EnumSet.of(Step.SAVE, Step.PUBLISH, Step.CANCEL_SCHEDULE, Step.SEND_BACK, Step.OVERRIDE_LIMIT, Step.RESTORE),
                Workflow.of(post, editor).open());
        post.publish(NOW);
        Workflow published = Workflow.of(post, editor);
        assertEquals(EnumSet.of(Step.SAVE, Step.UNPUBLISH, Step.OVERRIDE_LIMIT, Step.RESTORE), published.open());
        assertEquals("Unpublish the post, or cancel its schedule, before deleting it.",
                assertThrows(WorkflowException.class, () -> published.require(Step.DELETE, post.getStatus())).getMessage());
        assertEquals("A post that is published cannot be asked to publish.",
                assertThrows(WorkflowException.class, () -> published.require(Step.PUBLISH, post.getStatus())).getMessage());
        assertEquals("This post is published: only an editor can change it now. You can read it here and preview it.",
                Workflow.of(post, writer).getReadOnlyReason().english());
        post.unpublish();
        assertEquals(EnumSet.of(Step.SAVE, Step.PUBLISH, Step.SCHEDULE, Step.OVERRIDE_LIMIT, Step.RESTORE, Step.DELETE),
                Workflow.of(post, editor).open());
    }

    @Test
    void aWritersStepIsNotAnEditorsAndTheReverse() {
        Post draft = post(writer);
        assertEquals("Only an editor can publish a post.", assertThrows(WorkflowException.class,
                () -> Workflow.of(draft, writer).require(Step.PUBLISH, draft.getStatus())).getMessage());
        assertFalse(Workflow.of(draft, editor).may(Step.SUBMIT), "editors publish or schedule themselves");
    }

    @Test
    void thePostItselfRefusesAStepItsStatusDoesNotAllowWhoeverAsks() {
        Post post = post(writer);
        assertEquals("A post that is draft cannot be asked to unpublish.",
                assertThrows(WorkflowException.class, post::unpublish).getMessage());
    }

    private static Post post(User author) {
        return PublicationCheckTest.attributedPost(author, NOW);
    }
}
