package org.newsdesk.post;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** A post that cannot be published yet, with everything that must be fixed first. */
@ApplicationException(rollback = true)
public class PublicationRefusedException extends RuntimeException {

    private final transient List<PublicationCheck.Problem> problems;

    public PublicationRefusedException(List<PublicationCheck.Problem> problems) {
        super(problems.stream().map(p -> p.message().english()).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<PublicationCheck.Problem> problems() {
        return problems;
    }
}
