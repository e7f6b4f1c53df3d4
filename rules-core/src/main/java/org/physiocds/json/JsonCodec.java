package org.physiocds.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.physiocds.CdsException;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Thresholds;
import org.physiocds.model.Patient;

/**
 * The interchange format v1 (see {@code interchange-v1.md}): a patient as JSON in, an evaluation
 * or the list of problems as JSON out. For applications that hold JSON rather than Java objects:
 *
 * <pre>{@code
 * JsonCodec json = new JsonCodec();
 * String answer = json.writeEvaluation(engine.evaluate(json.readPatient(request)));
 * }</pre>
 *
 * <p>Reading is strict: an unknown field, a duplicate field, a value of the wrong type, a code
 * not in its list or a value out of range makes the whole patient invalid, and the
 * {@link InvalidPatientException} lists every problem found, each with its JSON path
 * ({@code muscles[2].strength}). A field that is absent or {@code null} means "not known".
 * Documents larger than the limits below are refused before they are read to the end.
 *
 * <p>Writing is deterministic: the same evaluation (or patient) gives the same text, byte for
 * byte, with the fields in the order of the interchange format, indented by two spaces, {@code \n} line
 * ends, no trailing new line. In an evaluation, optional values that are absent
 * ({@code patientId}, {@code dosage}, {@code startBack}) are left out and lists are always
 * written, empty or not; in a patient, everything not known (a {@code null} value, an empty list)
 * is left out.
 *
 * <p>Problems and exception messages: see {@link org.physiocds.Problem}. No problem's
 * {@code expected} quotes the document, and the message of an {@link InvalidPatientException}
 * shows neither values nor unknown field names.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class JsonCodec {

    /** Longest document read, in characters (or bytes, when read from a stream). */
    public static final int MAX_DOCUMENT_LENGTH = 1_000_000;
    /** Deepest nesting of objects and arrays (a valid patient needs 3). */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Longest field name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;
    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 50;
    /** Most elements in one list (a patient has at most 15 muscles on two sides, 5 signs, ...). */
    public static final int MAX_LIST_LENGTH = 1_000;
    /**
     * Most problems an error lists; past it, one last problem says how many more there were. A
     * document within the other limits could otherwise yield hundreds of thousands of problems.
     */
    public static final int MAX_PROBLEMS = 100;

    static final String LIMITS = "at most " + MAX_DOCUMENT_LENGTH + " characters, nested at most "
            + MAX_NESTING_DEPTH + " deep, strings of at most " + MAX_STRING_LENGTH
            + " characters, field names of at most " + MAX_NAME_LENGTH + " and numbers of at most "
            + MAX_NUMBER_LENGTH + ", lists of at most " + MAX_LIST_LENGTH + " elements";

    private final ObjectMapper mapper;
    private final EvaluationWriter.CitationCache citations;

    /** A codec with the limits above. */
    public JsonCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller's stream is the caller's to close
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.citations = new EvaluationWriter.CitationCache(factory);
    }

    /**
     * Reads one patient.
     *
     * @param json the interchange input document; not {@code null}
     * @return the patient it describes, not yet evaluated
     * @throws InvalidPatientException listing every problem with its JSON path: the document is
     *                                 not well-formed JSON (path {@code $}), too large, or holds
     *                                 fields or values the interchange format does not allow
     */
    public Patient readPatient(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return read(mapper.createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // never happens
        }
    }

    /**
     * Reads one patient from a stream of UTF-8 (or UTF-16/32, detected) text; does not close it.
     *
     * @param json the document as a stream; not {@code null}
     * @return the patient it describes, not yet evaluated
     * @throws InvalidPatientException as {@link #readPatient(String)}
     * @throws UncheckedIOException    when the stream cannot be read
     */
    public Patient readPatient(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            return read(mapper.createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the patient document", e);
        }
    }

    /**
     * Reads back an evaluation document written by {@link #writeEvaluation} or
     * {@link #writeEvaluationLine}: the result equals the evaluation written, so an application can
     * store the advice beside the patient ({@link #writePatient}) and reload both.
     *
     * @param json an evaluation document; not {@code null}
     * @return the evaluation it holds
     * @throws CdsException naming every problem's path (never a value) when the text is not such a
     *                      document
     */
    public Evaluation readEvaluation(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return EvaluationReader.read(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new CdsException("not an evaluation document: $: expected well-formed JSON within the codec's limits");
        }
    }

    /** The names of the clinical thresholds, in the order of the record's components. */
    private static final List<String> THRESHOLD_NAMES = Thresholds.limits().stream().map(Thresholds.Limit::name).toList();

    /**
     * Reads clinical thresholds: a JSON object of some of the thresholds' names
     * ({@link Thresholds#limits()}), integers, such
     * as {@code {"recentInjuryDays": 28}}; the thresholds it leaves out keep their
     * {@linkplain Thresholds#DEFAULTS defaults}. The one reader of a thresholds file, for every
     * command and job that takes one. Thresholds past their clinical limits are read (a what-if
     * run may ask for them); whether they may be used is the engine builder's decision.
     *
     * @param json a JSON object of thresholds by name; not {@code null}
     * @return the thresholds, the defaults for those not given
     * @throws CdsException naming every unknown field and every value that is not an integer, or a
     *                      value outside its valid range (an {@link org.physiocds.InvalidThresholdsException})
     */
    public Thresholds readThresholds(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CdsException("expected a JSON object of thresholds");
        }
        if (root == null || !root.isObject()) {
            throw new CdsException("expected a JSON object of thresholds");
        }
        Thresholds d = Thresholds.DEFAULTS;
        int[] values = {d.recentInjuryDays(), d.recentSurgeryDays(), d.painReturnMinutes(),
            d.consistentSessionsPerWeek(), d.chronicPainWeeks()};
        List<String> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            int index = THRESHOLD_NAMES.indexOf(name);
            if (index < 0) {
                problems.add(name + ": unknown field; expected some of " + String.join(", ", THRESHOLD_NAMES));
            } else if (!root.get(name).isInt()) {
                problems.add(name + ": expected an integer");
            } else {
                values[index] = root.get(name).intValue();
            }
        });
        if (!problems.isEmpty()) {
            throw new CdsException(String.join("; ", problems));
        }
        return new Thresholds(values[0], values[1], values[2], values[3], values[4]);
    }

    /**
     * {@return the evaluation as an interchange document}
     *
     * @param evaluation the evaluation to write; not {@code null}
     */
    public String writeEvaluation(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        return EvaluationWriter.write(mapper.getFactory(), evaluation, true, citations);
    }

    /**
     * {@return the evaluation as an interchange document on one line, without indentation: the same
     * fields in the same order as {@link #writeEvaluation}, for newline-delimited JSON (one
     * document per line)} Holds no line break: JSON escapes those inside strings.
     *
     * @param evaluation the evaluation to write; not {@code null}
     */
    public String writeEvaluationLine(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        return EvaluationWriter.write(mapper.getFactory(), evaluation, false, citations);
    }

    /**
     * Writes the document of {@link #writeEvaluationLine(Evaluation)}, byte for byte, as UTF-8 to
     * {@code out}, with no line break after it; neither flushes nor closes {@code out}. For writing
     * many evaluations (newline-delimited JSON) without building a string for each.
     *
     * @param evaluation the evaluation to write; not {@code null}
     * @param out        where to write it; not {@code null}
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public void writeEvaluationLine(Evaluation evaluation, OutputStream out) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(out, "out");
        try {
            EvaluationWriter.writeLine(mapper.getFactory(), evaluation, citations, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation", e);
        }
    }

    /**
     * The patient as an interchange input document, so that an application can keep the input
     * beside the advice: deterministic as {@link #writeEvaluation} is (the contract's field order,
     * two-space indentation, {@code \n} line ends, no trailing new line), with what is not known
     * left out (a {@code null} value, an empty list). {@link #readPatient(String)} reads it back
     * as an equal patient, and writing that patient gives the same text.
     *
     * @param patient the patient to write; not {@code null}
     * @return the interchange input document
     * @throws InvalidPatientException when the patient is invalid (as {@code CdsEngine.evaluate}
     *                                 would report it) or beyond this codec's input limits (a
     *                                 patient id over {@link #MAX_STRING_LENGTH} characters, a
     *                                 list over {@link #MAX_LIST_LENGTH} elements): only what
     *                                 can be read back is written
     */
    public String writePatient(Patient patient) {
        Objects.requireNonNull(patient, "patient");
        return PatientWriter.write(mapper.getFactory(), patient, true);
    }

    /**
     * The patient as {@link #writePatient} writes it, on one line without indentation, for
     * newline-delimited JSON.
     *
     * @param patient the patient to write; not {@code null}
     * @return the interchange input document on one line
     * @throws InvalidPatientException as {@link #writePatient}
     */
    public String writePatientLine(Patient patient) {
        Objects.requireNonNull(patient, "patient");
        return PatientWriter.write(mapper.getFactory(), patient, false);
    }

    /**
     * {@return the problems as an interchange error document: {@code {"errors":[{"path","expected"}]}}}
     *
     * @param problems the problems, e.g. {@link InvalidPatientException#problems()}; not {@code null}
     */
    public String writeErrors(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        return EvaluationWriter.writeErrors(mapper.getFactory(), problems);
    }

    private Patient read(JsonParser parser) throws IOException {
        JsonNode root;
        try (parser) {
            root = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            // Malformed, too large, duplicate field or trailing content: the input's fault.
            // Other IOExceptions are the stream's and propagate.
            throw new InvalidPatientException(List.of(malformed(parser, e)));
        } catch (CharConversionException e) {
            // Bytes that are not text in the encoding the document declares (a UTF-32 document cut
            // short, say): also the input's fault, although Jackson reports it as an I/O failure.
            throw new InvalidPatientException(List.of(new Problem("$", "text in UTF-8, UTF-16 or UTF-32")));
        }
        return new PatientReader().read(root);
    }

    /** A problem that stopped parsing, in words that never quote the document's content. */
    private static Problem malformed(JsonParser parser, JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return new Problem("$", "a document within the input limits (" + LIMITS + ")");
        }
        if (message.startsWith("Duplicate field")) {
            return new Problem(PatientReader.pathOf(parser.getParsingContext()),
                    "each field given once, but this one is given twice");
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof JsonEOFException || message.startsWith("No content to map")) {
            return new Problem("$", "a complete JSON document, but it ends early" + where);
        }
        if (message.startsWith("Trailing token")) {
            return new Problem("$", "one JSON object, with nothing after it" + where);
        }
        return new Problem("$", "well-formed JSON: check the quotes, commas and brackets" + where);
    }
}
