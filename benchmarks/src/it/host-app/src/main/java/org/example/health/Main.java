package org.example.health;

import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.Recommendation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;

/** The README's first example as an application writes it, then the evaluation as JSON. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CdsEngine engine = CdsEngine.builder().build();

        Patient patient = Patient.builder()
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(Muscle.GLUTES, Strength.WEAK, Length.LONG, false)
                .injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, 5)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(30).build())
                .build();

        Evaluation result = engine.evaluate(patient);
        for (Recommendation r : result.recommendations()) {
            System.out.println(r.phase() + " " + r.action() + " " + r.target().code()
                    + ": " + r.explanation().rationale());
        }
        result.suppressed().forEach(s -> System.out.println("suppressed " + s.action() + " "
                + s.target().code() + ": " + s.suppressedBy().rationale()));
        System.out.println(new JsonCodec().writeEvaluation(result));
    }
}
