package org.physiocds.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.physiocds.model.Injury;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * A patient as an interchange v1 input document on one line, for {@code generate}. Unknown
 * values and empty lists are left out (both mean "not known"), so {@code JsonCodec.readPatient}
 * reads back an equal patient.
 */
final class PatientJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PatientJson() {
    }

    static String line(Patient p) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            string(g, "patientId", p.patientId());
            number(g, "age", p.age());
            name(g, "painRegion", p.painRegion());
            if (p.painDurationWeeks() != null) {
                double weeks = p.painDurationWeeks();
                g.writeFieldName("painDurationWeeks");
                if (weeks == Math.rint(weeks)) {
                    g.writeNumber((long) weeks);
                } else {
                    g.writeNumber(weeks);
                }
            }
            number(g, "painIntensity", p.painIntensity());
            array(g, "muscles", p.muscles(), (MuscleFinding m) -> {
                name(g, "muscle", m.muscle());
                name(g, "side", m.side());
                name(g, "strength", m.strength());
                name(g, "length", m.length());
                bool(g, "feelsTight", m.feelsTight());
            });
            array(g, "injuries", p.injuries(), (Injury i) -> {
                name(g, "type", i.type());
                name(g, "muscle", i.muscle());
                name(g, "side", i.side());
                number(g, "daysAgo", i.daysAgo());
            });
            array(g, "surgeries", p.surgeries(), (Surgery s) -> {
                name(g, "region", s.region());
                number(g, "daysAgo", s.daysAgo());
            });
            if (p.stretching() != null) {
                StretchingHistory h = p.stretching();
                g.writeObjectFieldStart("stretching");
                number(g, "sessionsPerWeek", h.sessionsPerWeek());
                number(g, "painReturnsWithinMinutes", h.painReturnsWithinMinutes());
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
            codes(g, "signs", p.signs());
            codes(g, "lifestyle", p.lifestyle());
            codes(g, "redFlags", p.redFlags());
            if (p.startBack() != null) {
                StartBackAnswers a = p.startBack();
                g.writeObjectFieldStart("startBack");
                List<Boolean> items = List.of(a.item1(), a.item2(), a.item3(), a.item4(), a.item5(), a.item6(),
                        a.item7(), a.item8());
                for (int i = 0; i < items.size(); i++) {
                    bool(g, "item" + (i + 1), items.get(i));
                }
                name(g, "item9", a.item9());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e); // never happens
        }
        return text.toString();
    }

    private interface Fields<T> {
        void write(T value) throws IOException;
    }

    private static <T> void array(JsonGenerator g, String field, List<T> values, Fields<T> fields) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (T value : values) {
            g.writeStartObject();
            fields.write(value);
            g.writeEndObject();
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

    private static void string(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void name(JsonGenerator g, String field, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.name());
        }
    }

    private static void number(JsonGenerator g, String field, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value);
        }
    }

    private static void bool(JsonGenerator g, String field, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(field, value);
        }
    }
}
