package org.newsdesk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.function.Function;
import org.newsdesk.post.PublishingService;
import org.newsdesk.post.SameStory;

/** Lets an in-container test act as the editor "test-editor", through the real, role-checked services. */
@Stateless
@PermitAll
@RunAs("EDITOR")
public class EditorForTests {

    @EJB
    private PublishingService publishing;

    @EJB
    private SameStory sameStory;

    public <T> T act(Function<PublishingService, T> action) {
        return action.apply(publishing);
    }

    /** Work done as the editor, through any role-checked bean the test holds. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public <T> T as(Work<T> work) throws Exception {
        return work.run();
    }

    public <T> T sameStory(Function<SameStory, T> action) {
        return action.apply(sameStory);
    }
}
