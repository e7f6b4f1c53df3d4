package org.physiocds;

import java.io.Serial;

/**
 * Any failure of the library. Messages never contain patient data. {@link InvalidPatientException}
 * means the input was wrong; {@link InvalidThresholdsException} means the engine's configuration
 * was; any other {@code CdsException} is a fault inside the library.
 */
public class CdsException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message, which must not contain patient data.
     *
     * @param message what went wrong
     */
    public CdsException(String message) {
        super(message);
    }

    /**
     * A failure with a message, which must not contain patient data, and the exception that caused it.
     *
     * @param message what went wrong
     * @param cause   the underlying exception
     */
    public CdsException(String message, Throwable cause) {
        super(message, cause);
    }
}
