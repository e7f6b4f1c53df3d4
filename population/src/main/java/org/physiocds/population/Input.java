package org.physiocds.population;

import java.io.Serializable;

/**
 * One record of the input, as it travels to the executors: where it came from (a file name and a
 * line of it, numbered from 1) and its text. Plain data only.
 *
 * @param source the input file's name ({@code patients.ndjson}; {@code Patient.ndjson} for a FHIR
 *               record, whose line is its Patient resource's)
 * @param line   the line in that file, from 1; or 0 for a line of NDJSON, which the evaluation
 *               numbers within its partition ({@link Evaluator}; the job adds the lines of the
 *               file's earlier partitions when it writes the tables), so that no pass over the
 *               input is spent numbering it
 * @param kind   what {@code text} holds
 * @param text   an interchange document, a FHIR Bundle of one patient's resources, or for
 *               {@link Kind#UNREADABLE} the expected-text of the problem
 * @param path   for {@link Kind#UNREADABLE}: the problem's path
 */
record Input(String source, long line, Kind kind, String text, String path) implements Serializable {

    enum Kind {
        /** An interchange (v1) patient document. */
        INTERCHANGE,
        /** A FHIR Bundle (collection) of the resources of one patient of a Bulk Data export. */
        FHIR_BUNDLE,
        /** A line that was found wrong before evaluation (a resource that names no patient of the export). */
        UNREADABLE
    }

    /** A line of NDJSON, to be numbered within its partition. */
    static Input interchange(String source, String text) {
        return new Input(source, 0, Kind.INTERCHANGE, text, null);
    }

    static Input interchange(String source, long line, String text) {
        return new Input(source, line, Kind.INTERCHANGE, text, null);
    }

    static Input fhir(String source, long line, String bundle) {
        return new Input(source, line, Kind.FHIR_BUNDLE, bundle, null);
    }

    static Input unreadable(String source, long line, String path, String expected) {
        return new Input(source, line, Kind.UNREADABLE, expected, path);
    }
}
