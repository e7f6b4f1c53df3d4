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

    public CdsException(String message) {
        super(message);
    }

    public CdsException(String message, Throwable cause) {
        super(message, cause);
    }
}
