package org.physiocds.examples;

import java.util.List;
import org.physiocds.CdsEngine;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Strength;

/**
 * Embedding the engine in an application: build it once at start-up, evaluate as many patients
 * as come (two built in Java, two arriving as JSON from a health app, one of them invalid), and
 * render each recommendation's explanation. Run it with
 * {@code java -cp examples/target/cds-examples.jar org.physiocds.examples.EmbeddingExample}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        CdsEngine engine = CdsEngine.builder().build();  // once: loads the compiled knowledge base
        JsonCodec json = new JsonCodec();                // immutable and thread-safe, like the engine

        List<Patient> patients = List.of(
                Patient.builder()
                        .patientId("desk-worker")
                        .age(38)
                        .pain(Region.LOWER_BACK, 10.0, 4)
                        .muscle(Muscle.GLUTES, Strength.WEAK, Length.LONG, false)
                        .muscle(Muscle.HIP_FLEXORS, Strength.NORMAL, Length.SHORT, true)
                        .lifestyle(Lifestyle.SEDENTARY)
                        .build(),
                Patient.builder()
                        .patientId("runner")
                        .age(29)
                        .muscle(Muscle.HAMSTRINGS, null, Length.SHORT, true)
                        .injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, 5)
                        .build());
        for (Patient patient : patients) {
            System.out.println(render(engine.evaluate(patient)));
        }

        List<String> fromTheApp = List.of(
                "{\"patientId\": \"app-42\", \"painRegion\": \"NECK\","
                        + " \"muscles\": [{\"muscle\": \"UPPER_TRAPEZIUS\", \"length\": \"SHORT\"}]}",
                "{\"patientId\": \"app-43\", \"age\": 340, \"painRegion\": \"BACK\"}");
        for (String request : fromTheApp) {
            try {
                System.out.println(render(engine.evaluate(json.readPatient(request))));
            } catch (InvalidPatientException e) {
                // Every problem at once, each with its JSON path; the app sends them back to the user,
                // with the value they gave. (To log it, log e.getMessage(): it holds no value.)
                System.out.println("Invalid patient, not evaluated:");
                for (Problem p : e.problems()) {
                    System.out.println("  " + p.path() + ": expected " + p.expected()
                            + (p.given() == null ? "" : ", was " + p.given()));
                }
                System.out.println();
            }
        }
    }

    /** The evaluation as plain text: what to do, in phase order, and why. */
    static String render(Evaluation e) {
        StringBuilder text = new StringBuilder("Patient " + e.patientId() + " (knowledge base "
                + e.knowledgeBase().version() + ")\n");
        for (Recommendation r : e.recommendations()) {
            text.append("  ").append(r.phase()).append(": ").append(r.action()).append(' ').append(r.target().label())
                    .append(r.dosage() == null ? "" : ", " + r.dosage()).append('\n');
            why(text, r.explanation());
        }
        for (Flag f : e.flags()) {
            text.append("  FLAG ").append(f.code()).append('\n');
            why(text, f.explanation());
        }
        for (SuppressedRecommendation s : e.suppressed()) {
            text.append("  NOT ").append(s.action()).append(' ').append(s.target().label())
                    .append(", suppressed by ").append(s.suppressedBy().rule()).append('\n');
            why(text, s.suppressedBy());
        }
        return text.toString();
    }

    private static void why(StringBuilder text, Explanation x) {
        text.append("      because ").append(x.rationale()).append('\n');
        text.append("      rule ").append(x.rule()).append(", guidance ").append(String.join(" ", x.guidance()));
        for (Citation c : x.citations()) {
            text.append("; ").append(c.source());
        }
        text.append('\n');
    }
}
