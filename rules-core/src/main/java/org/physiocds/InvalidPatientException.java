package org.physiocds;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The patient could not be evaluated because its facts are invalid; nothing was evaluated.
 * {@link #problems()} lists every problem found, each with its path.
 *
 * <p>The message is safe to log: {@code N invalid field(s): } and each problem's
 * {@link Problem#toString()}, i.e. its {@linkplain Problem#loggablePath() path} and what was
 * expected there. It never holds a value the input gave, a field name the interchange format does
 * not have, or the patient id; {@link #problems()} keeps the exact paths and the given values.
 * The problems survive Java serialisation.
 */
public final class InvalidPatientException extends CdsException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An unmodifiable, serialisable list. */
    private final List<Problem> problems;

    /**
     * An exception listing {@code problems}, with a message that is safe to log.
     *
     * @param problems every problem found, in document order; copied
     */
    public InvalidPatientException(List<Problem> problems) {
        super(problems.size() + " invalid field(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in document order} */
    public List<Problem> problems() {
        return problems;
    }
}
