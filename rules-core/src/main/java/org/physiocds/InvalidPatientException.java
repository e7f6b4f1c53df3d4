package org.physiocds;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The patient could not be evaluated because its facts are invalid; nothing was evaluated.
 * {@link #problems()} lists every problem found, each with its path.
 */
public final class InvalidPatientException extends CdsException {

    private final transient List<Problem> problems;

    public InvalidPatientException(List<Problem> problems) {
        super(problems.size() + " invalid field(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }
}
