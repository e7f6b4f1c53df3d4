package org.physiocds;

/**
 * Any failure of the library. Messages never contain patient data. {@link InvalidPatientException}
 * means the input was wrong; any other {@code CdsException} is a fault inside the library.
 */
public class CdsException extends RuntimeException {

    public CdsException(String message) {
        super(message);
    }

    public CdsException(String message, Throwable cause) {
        super(message, cause);
    }
}
