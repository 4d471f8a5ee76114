package org.newsdesk;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.function.Function;
import org.newsdesk.post.PublishingService;

/** Lets an in-container test act as the writer "test-writer", through the real, role-checked services. */
@Stateless
@PermitAll
@RunAs("WRITER")
public class WriterForTests {

    @EJB
    private PublishingService publishing;

    public <T> T act(Function<PublishingService, T> action) {
        return action.apply(publishing);
    }

    /** Work done as the writer, through any role-checked bean the test holds. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public <T> T as(Work<T> work) throws Exception {
        return work.run();
    }
}
