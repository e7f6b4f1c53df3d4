package org.example.health;

import java.time.LocalDate;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.Recommendation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.StretchingHistory;

/** The README's first example as an application writes it, then the evaluation as JSON. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CdsEngine engine = CdsEngine.builder().build();

        Patient patient = Patient.builder()
                .asOf(LocalDate.of(2026, 12, 1))
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened().feelsTight())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().onset(LocalDate.of(2026, 11, 26)))
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
