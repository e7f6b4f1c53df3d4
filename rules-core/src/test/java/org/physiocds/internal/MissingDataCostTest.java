package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Thresholds;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;

/** The missing-data report stays bounded: one evaluation per supposition, one unknown at a time. */
class MissingDataCostTest {

    @Test
    void typicalPatient_costsAtMost22Evaluations() {
        // The benchmarks' typical record: chronic low back pain, three muscles, a fresh strain, daily
        // stretching that brings the pain back within the hour, a sedentary job.
        Patient typical = Patient.builder().patientId("typical").age(45).pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(new MuscleFinding(Muscle.GLUTES, Side.BOTH, Strength.WEAK, Length.LONG, false))
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.BOTH, Strength.NORMAL, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.HIP_FLEXORS, Side.BOTH, null, Length.SHORT, true))
                .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.BOTH, 5))
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).painReturnsWithinMinutes(30).build())
                .lifestyle(Lifestyle.SEDENTARY).build();

        // What its plan exercises: the hip flexors stretched; the glutes and the deep core strengthened.
        List<MissingData.Exercised> exercised = List.of(new MissingData.Exercised(Muscle.HIP_FLEXORS, Side.BOTH),
                new MissingData.Exercised(Muscle.GLUTES, Side.BOTH),
                new MissingData.Exercised(Muscle.TRANSVERSE_ABDOMINIS, Side.BOTH),
                new MissingData.Exercised(Muscle.MULTIFIDUS, Side.BOTH));

        int cost = MissingData.cost(typical, Thresholds.DEFAULTS, exercised);

        // 16 before issue 20, which added a supposed recent injury of each muscle exercised (4) and a
        // supposed recent surgery of each region they lie in (hip, lower back: 2).
        assertTrue(cost <= 22, cost + " evaluations");
    }

    @Test
    void emptyRecord_staysBounded() {
        int cost = MissingData.cost(Patient.builder().build(), Thresholds.DEFAULTS, List.of());

        assertTrue(cost <= 30, cost + " evaluations");
    }
}
