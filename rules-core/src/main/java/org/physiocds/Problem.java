package org.physiocds;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.physiocds.internal.InterchangeFields;

/**
 * One thing wrong with an input: where, what was expected, and (kept apart, never printed) what
 * was given.
 *
 * <p>{@link #toString()}, and with it the message of {@link InvalidPatientException}, is safe to
 * log: it shows {@link #loggablePath()} and {@link #expected()}, never {@link #given()}, and
 * {@code expected} never quotes the input. The exact path and the given value are for the
 * application to show the person who sent the input, next to their own document.
 *
 * @param path     where, as a JSON path into the interchange document, e.g. {@code muscles[2].strength}.
 *                 Exact: for an unknown or repeated field it ends in that field's name as the document
 *                 gave it (a name that is not an identifier is written {@code ["name"]}, JSON-escaped)
 * @param expected what was expected there, in the library's words, e.g. {@code an integer from 0 to 120};
 *                 at most the JSON type of what was found ({@code an integer, was a string}), never its value
 * @param given    the value found there when it was out of range or not a known code, as JSON text
 *                 ({@code 130}, {@code "lower_back"}) or, for a patient built in Java, as the value's text
 *                 ({@code NaN}); {@code null} when the problem is of type, presence, structure, a
 *                 contradiction or a limit. Never the patient id. Never in {@code toString()}
 * @serial exclude
 */
public record Problem(String path, String expected, String given) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What {@link #loggablePath()} shows in place of a field name the interchange format does not have. */
    public static final String UNKNOWN_FIELD = "<unknown field>";

    /**
     * Checks that {@code path} and {@code expected} are given; a {@code null} one throws {@link NullPointerException}.
     *
     * @param path     where, as a JSON path into the interchange document, e.g. {@code muscles[2].strength}.
     *                 Exact: for an unknown or repeated field it ends in that field's name as the document
     *                 gave it (a name that is not an identifier is written {@code ["name"]}, JSON-escaped)
     * @param expected what was expected there, in the library's words, e.g. {@code an integer from 0 to 120};
     *                 at most the JSON type of what was found ({@code an integer, was a string}), never its value
     * @param given    the value found there when it was out of range or not a known code, as JSON text
     *                 ({@code 130}, {@code "lower_back"}) or, for a patient built in Java, as the value's text
     *                 ({@code NaN}); {@code null} when the problem is of type, presence, structure, a
     *                 contradiction or a limit. Never the patient id. Never in {@code toString()}
     */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
    }

    /**
     * A problem without a given value.
     *
     * @param path     where, as a JSON path into the interchange document, e.g. {@code muscles[2].strength}.
     *                 Exact: for an unknown or repeated field it ends in that field's name as the document
     *                 gave it (a name that is not an identifier is written {@code ["name"]}, JSON-escaped)
     * @param expected what was expected there, in the library's words, e.g. {@code an integer from 0 to 120};
     *                 at most the JSON type of what was found ({@code an integer, was a string}), never its value
     */
    public Problem(String path, String expected) {
        this(path, expected, null);
    }

    /**
     * {@return the path as far as it names fields of the interchange format and list indices; from the
     * first name the format does not have (a name the document made up, which could be anything),
     * {@value #UNKNOWN_FIELD} instead: {@code stretching.bouncing} becomes
     * {@code stretching.<unknown field>}} Equal to {@link #path()} for every problem but those
     * about unknown fields. Safe to log.
     */
    public String loggablePath() {
        if (path.equals("$")) {
            return path;
        }
        StringBuilder shown = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close > i + 1 && path.substring(i + 1, close).chars().allMatch(d -> d >= '0' && d <= '9')) {
                    shown.append(path, i, close + 1);
                    i = close + 1;
                    continue;
                }
                return cut(shown);
            }
            int start = c == '.' ? i + 1 : i;
            if (c == '.' && shown.length() == 0) {
                return cut(shown);
            }
            int end = start;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            String name = path.substring(start, end);
            if (!InterchangeFields.isFieldName(name)) {
                return cut(shown);
            }
            shown.append(shown.length() == 0 ? "" : ".").append(name);
            i = end;
        }
        return shown.toString();
    }

    private static String cut(StringBuilder shown) {
        return shown.length() == 0 ? UNKNOWN_FIELD : shown + "." + UNKNOWN_FIELD;
    }

    /** {@code loggablePath(): expected ...}; never the given value. */
    @Override
    public String toString() {
        return loggablePath() + ": expected " + expected;
    }
}
