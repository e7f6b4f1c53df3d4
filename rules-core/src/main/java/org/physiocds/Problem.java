package org.physiocds;

/**
 * One thing wrong with an input.
 *
 * @param path     where, as a JSON path into the interchange document, e.g. {@code muscles[2].strength}
 * @param expected what was expected there, e.g. {@code an integer from 0 to 120}
 */
public record Problem(String path, String expected) {

    @Override
    public String toString() {
        return path + ": expected " + expected;
    }
}
