package org.physiocds.examples;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.physiocds.CdsEngine;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Embedding the engine in an application: build it once at start-up, evaluate as many patients
 * as come (two built in Java, two arriving as JSON from a health app, one of them invalid), and
 * render each recommendation with its side, a referral's urgency, a do-not-stretch's restriction,
 * and its explanation. Run it with
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
                        .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                        .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                        .lifestyle(Lifestyle.SEDENTARY)
                        .build(),
                Patient.builder()
                        .patientId("runner")
                        .asOf(LocalDate.of(2026, 12, 1))        // the visit (LocalDate.now() in an app)
                        .age(29)
                        .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened().feelsTight())
                        .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).right().shortened())  // not asked if tight
                        // strained on the left 5 days before the visit: the left side is held back
                        .injury(Injury.strain(Muscle.HAMSTRINGS).left().onset(LocalDate.of(2026, 11, 26)))
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
            text.append("  ").append(r.phase()).append(": ").append(r.action()).append(' ').append(what(r.target(), r.side(), r.topic()));
            if (r.referral() != null) {
                // EMERGENCY and URGENT are alarms for the app to show as such; the reason is data too
                text.append(" (").append(r.referral().urgency()).append(", ").append(r.referral().reason()).append(')');
            }
            if (r.restriction() != null) {
                // CONTRAINDICATED: stretching could harm (a warning); NOT_INDICATED: it would not help
                text.append(" (").append(r.restriction()).append(')');
            }
            text.append(r.dosage() == null ? "" : ", " + r.dosage()).append('\n');
            why(text, r.explanation());
        }
        for (Flag f : e.flags()) {
            text.append("  FLAG ").append(f.code()).append('\n');
            why(text, f.explanation());
        }
        for (SuppressedRecommendation s : e.suppressed()) {
            text.append("  NOT ").append(s.action()).append(' ').append(what(s.target(), s.side(), s.topic()))
                    .append(", suppressed by ").append(s.suppressedBy().rule()).append('\n');
            why(text, s.suppressedBy());
        }
        return text.toString();
    }

    /** What an item is about: "hamstrings" (both sides), "left hamstrings", "lower back", or its topic. */
    private static String what(Target target, Side side, Topic topic) {
        if (topic != null) {
            return topic.label();
        }
        return side == null || side == Side.BOTH ? target.label() : side.name().toLowerCase(Locale.ROOT) + " " + target.label();
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
