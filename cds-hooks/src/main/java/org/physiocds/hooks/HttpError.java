package org.physiocds.hooks;

import java.util.List;
import java.util.Objects;

/**
 * An answer other than 2xx, turned into an OperationOutcome in one place: one issue per thing
 * wrong, each with its FHIR path ({@code expression}) where it has one. The messages are shown to
 * the caller: they never hold patient data or a stack trace.
 */
final class HttpError extends RuntimeException {

    /**
     * One issue of the OperationOutcome.
     *
     * @param code the issue type ({@code security}, {@code invalid}, {@code required}, {@code not-found}...)
     * @param diagnostics what is wrong, in words (no patient data)
     * @param expression where: FHIR paths into what the caller sent (none when the whole request is meant)
     */
    record Issue(String code, String diagnostics, List<String> expression) {
        Issue {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(diagnostics, "diagnostics");
            expression = List.copyOf(expression);
        }
    }

    private final int status;
    private final List<Issue> issues;

    HttpError(int status, String code, String message) {
        this(status, List.of(new Issue(code, message, List.of())));
    }

    /** One issue at these paths. */
    HttpError(int status, String code, String message, List<String> expression) {
        this(status, List.of(new Issue(code, message, expression)));
    }

    /** Several issues (at least one). */
    HttpError(int status, List<Issue> issues) {
        super(issues.get(0).diagnostics(), null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    int status() {
        return status;
    }

    /** The first issue's type. */
    String code() {
        return issues.get(0).code();
    }

    List<Issue> issues() {
        return issues;
    }
}
