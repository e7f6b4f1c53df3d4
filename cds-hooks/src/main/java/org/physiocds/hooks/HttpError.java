package org.physiocds.hooks;

/**
 * An answer other than 2xx, turned into an OperationOutcome in one place. The message is shown to
 * the caller: it never holds patient data or a stack trace.
 */
final class HttpError extends RuntimeException {

    private final int status;
    private final String code;

    HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    /** The OperationOutcome issue type ({@code security}, {@code invalid}, {@code not-found}...). */
    String code() {
        return code;
    }
}
