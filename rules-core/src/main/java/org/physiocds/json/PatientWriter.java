package org.physiocds.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.internal.InterchangeFields;
import org.physiocds.internal.PatientValidator;
import org.physiocds.model.Injury;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Writes a patient as the input document of the interchange format, the mirror of
 * {@link PatientReader}: field by field in the contract's order ({@link InterchangeFields}), so
 * that the text depends on nothing but the patient. What is not known is left out: a {@code null}
 * value and an empty list (both mean "not known", and read back the same). A muscle finding's or
 * an injury's side is always written ({@code BOTH} when none was given, which is what an absent
 * side means). {@code painDurationWeeks} is written as an integer when it is one
 * ({@code 26}, not {@code 26.0}), otherwise as the shortest decimal that reads back as the same
 * {@code double}.
 *
 * <p>Only a patient that {@link PatientReader} would read back is written: a patient that
 * {@link PatientValidator} refuses, or that is beyond the codec's input limits (a patient id
 * longer than {@link JsonCodec#MAX_STRING_LENGTH}, a list longer than
 * {@link JsonCodec#MAX_LIST_LENGTH}), is an {@link InvalidPatientException}, as reading it would be.
 */
final class PatientWriter {

    /** Below this magnitude every integral {@code double} is exactly a {@code long} of at most 16 digits. */
    private static final double LARGEST_WRITTEN_AS_INTEGER = 1e15;

    private PatientWriter() {
    }

    /** The patient indented ({@code pretty}), or on one line for newline-delimited JSON. */
    static String write(JsonFactory factory, Patient p, boolean pretty) {
        requireReadable(p);
        StringWriter out = new StringWriter(pretty ? 2_048 : 1_024);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(EvaluationWriter.PRETTY.createInstance()); // the printer counts nesting: one per document
            }
            patient(g, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e); // never happens
        }
        return out.toString();
    }

    private static void patient(JsonGenerator g, Patient p) throws IOException {
        g.writeStartObject();
        if (p.patientId() != null) {
            g.writeStringField("patientId", p.patientId());
        }
        integer(g, "age", p.age());
        code(g, "painRegion", p.painRegion());
        if (p.painDurationWeeks() != null) {
            g.writeFieldName("painDurationWeeks");
            weeks(g, p.painDurationWeeks());
        }
        integer(g, "painIntensity", p.painIntensity());
        objects(g, "muscles", p.muscles(), PatientWriter::muscle);
        objects(g, "injuries", p.injuries(), PatientWriter::injury);
        objects(g, "surgeries", p.surgeries(), PatientWriter::surgery);
        if (p.stretching() != null) {
            g.writeFieldName("stretching");
            stretching(g, p.stretching());
        }
        codes(g, "signs", p.signs());
        codes(g, "lifestyle", p.lifestyle());
        if (p.redFlagsScreened()) {
            // Written even when empty: [] says "screened, none found"; absent says "not screened" (v1.3).
            g.writeArrayFieldStart("redFlags");
            for (Enum<?> value : p.redFlags()) {
                g.writeString(value.name());
            }
            g.writeEndArray();
        }
        if (p.startBack() != null) {
            g.writeFieldName("startBack");
            startBack(g, p.startBack());
        }
        g.writeEndObject();
    }

    private static void muscle(JsonGenerator g, MuscleFinding m) throws IOException {
        g.writeStartObject();
        code(g, "muscle", m.muscle());
        code(g, "side", m.side());
        code(g, "strength", m.strength());
        code(g, "length", m.length());
        bool(g, "feelsTight", m.feelsTight());
        g.writeEndObject();
    }

    private static void injury(JsonGenerator g, Injury i) throws IOException {
        g.writeStartObject();
        code(g, "type", i.type());
        code(g, "muscle", i.muscle());
        code(g, "side", i.side());
        integer(g, "daysAgo", i.daysAgo());
        g.writeEndObject();
    }

    private static void surgery(JsonGenerator g, Surgery s) throws IOException {
        g.writeStartObject();
        code(g, "region", s.region());
        integer(g, "daysAgo", s.daysAgo());
        code(g, "side", s.side());
        g.writeEndObject();
    }

    private static void stretching(JsonGenerator g, StretchingHistory h) throws IOException {
        g.writeStartObject();
        integer(g, "sessionsPerWeek", h.sessionsPerWeek());
        integer(g, "painReturnsWithinMinutes", h.painReturnsWithinMinutes());
        bool(g, "needsMoreForSameRelief", h.needsMoreForSameRelief());
        bool(g, "worseNextDay", h.worseNextDay());
        bool(g, "worseDespiteConsistentStretching", h.worseDespiteConsistentStretching());
        bool(g, "painDuringStretch", h.painDuringStretch());
        bool(g, "ballistic", h.ballistic());
        bool(g, "warmsUpFirst", h.warmsUpFirst());
        bool(g, "staticBeforeExercise", h.staticBeforeExercise());
        bool(g, "aggressive", h.aggressive());
        g.writeEndObject();
    }

    /** All nine items: the validator has made sure they are there. */
    private static void startBack(JsonGenerator g, StartBackAnswers a) throws IOException {
        g.writeStartObject();
        Boolean[] agree = {a.item1(), a.item2(), a.item3(), a.item4(), a.item5(), a.item6(), a.item7(), a.item8()};
        for (int i = 0; i < agree.length; i++) {
            bool(g, InterchangeFields.START_BACK.get(i), agree[i]);
        }
        code(g, "item9", a.item9());
        g.writeEndObject();
    }

    /** An integral number of weeks as an integer; any other as Java's shortest round-tripping decimal. */
    private static void weeks(JsonGenerator g, double weeks) throws IOException {
        boolean negativeZero = weeks == 0 && Double.doubleToRawLongBits(weeks) != 0;
        if (weeks == Math.rint(weeks) && Math.abs(weeks) < LARGEST_WRITTEN_AS_INTEGER && !negativeZero) {
            g.writeNumber((long) weeks);
        } else {
            g.writeNumber(Double.toString(weeks));
        }
    }

    private interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private static <T> void objects(JsonGenerator g, String field, List<T> values, Element<T> element) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (T value : values) {
            element.write(g, value);
        }
        g.writeEndArray();
    }

    private static void codes(JsonGenerator g, String field, List<? extends Enum<?>> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Enum<?> value : values) {
            g.writeString(value.name());
        }
        g.writeEndArray();
    }

    private static void code(JsonGenerator g, String field, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.name());
        }
    }

    private static void integer(JsonGenerator g, String field, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value);
        }
    }

    private static void bool(JsonGenerator g, String field, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(field, value);
        }
    }

    /** The validator's problems, or the codec's limits a valid patient can still exceed. */
    private static void requireReadable(Patient p) {
        PatientValidator.validate(p);
        List<Problem> problems = new ArrayList<>();
        if (p.patientId() != null && p.patientId().length() > JsonCodec.MAX_STRING_LENGTH) {
            problems.add(new Problem("patientId", "a string of at most " + JsonCodec.MAX_STRING_LENGTH + " characters"));
        }
        atMostMaxLength(problems, "muscles", p.muscles());
        atMostMaxLength(problems, "injuries", p.injuries());
        atMostMaxLength(problems, "surgeries", p.surgeries());
        atMostMaxLength(problems, "signs", p.signs());
        atMostMaxLength(problems, "lifestyle", p.lifestyle());
        atMostMaxLength(problems, "redFlags", p.redFlags());
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(problems);
        }
    }

    private static void atMostMaxLength(List<Problem> problems, String field, List<?> values) {
        if (values.size() > JsonCodec.MAX_LIST_LENGTH) {
            problems.add(new Problem(field, "an array of at most " + JsonCodec.MAX_LIST_LENGTH + " elements"));
        }
    }
}
