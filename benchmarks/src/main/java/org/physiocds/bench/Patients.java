package org.physiocds.bench;

import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;

/** The patients the benchmarks evaluate. */
public final class Patients {

    /**
     * A typical record: chronic low back pain, three muscles assessed, a fresh hamstring strain,
     * daily stretching that brings the pain back within the hour, a sedentary job (9 facts).
     */
    public static final Patient TYPICAL = Patient.builder()
            .patientId("typical")
            .age(45)
            .pain(Region.LOWER_BACK, 26.0, 6)
            .muscle(Muscle.GLUTES, Strength.WEAK, Length.LONG, false)
            .muscle(Muscle.HAMSTRINGS, Strength.NORMAL, Length.SHORT, true)
            .muscle(Muscle.HIP_FLEXORS, null, Length.SHORT, true)
            .injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, 5)
            .stretching(StretchingHistory.builder().sessionsPerWeek(7).painReturnsWithinMinutes(30).build())
            .lifestyle(Lifestyle.SEDENTARY)
            .build();

    /**
     * A complex record: long-standing low back pain, ten muscle findings (some per side), two
     * injuries and a knee surgery four months ago, every warning sign of stretching gone wrong, four signs and four
     * lifestyle factors (27 facts; most rules of the knowledge base fire).
     */
    public static final Patient COMPLEX = Patient.builder()
            .patientId("complex")
            .age(58)
            .pain(Region.LOWER_BACK, 80.0, 8)
            .muscle(Muscle.GLUTES, Strength.WEAK, Length.LONG, false)
            .muscle(Muscle.TRANSVERSE_ABDOMINIS, Strength.WEAK, null, null)
            .muscle(Muscle.LOWER_BACK_EXTENSORS, Strength.NORMAL, Length.SHORT, true)
            .muscle(Muscle.QUADRATUS_LUMBORUM, null, null, true)
            .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.NORMAL, Length.SHORT, true))
            .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.RIGHT, Strength.WEAK, Length.NORMAL, true))
            .muscle(Muscle.HIP_FLEXORS, null, Length.SHORT, true)
            .muscle(Muscle.PIRIFORMIS, Strength.WEAK, Length.NORMAL, true)
            .muscle(Muscle.UPPER_TRAPEZIUS, null, Length.SHORT, true)
            .muscle(Muscle.PECTORALS, null, Length.SHORT, false)
            .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 12))
            .injury(InjuryType.TEAR, Muscle.CALVES, 200)
            .surgery(Region.KNEE, 120)
            .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(20)
                    .needsMoreForSameRelief(true).worseNextDay(true).worseDespiteConsistentStretching(true)
                    .painDuringStretch(true).ballistic(true).warmsUpFirst(false).staticBeforeExercise(true)
                    .aggressive(true).build())
            .signs(Sign.SPINAL_COMPRESSION, Sign.HIP_MOBILITY_RESTRICTED, Sign.THORACIC_MOBILITY_RESTRICTED,
                    Sign.SIDE_TO_SIDE_ASYMMETRY)
            .lifestyle(Lifestyle.SEDENTARY, Lifestyle.POOR_SLEEP, Lifestyle.HIGH_STRESS, Lifestyle.FEAR_OF_MOVEMENT)
            .build();

    private Patients() {
    }

    /** {@code typical} or {@code complex}. */
    public static Patient named(String name) {
        return switch (name) {
            case "typical" -> TYPICAL;
            case "complex" -> COMPLEX;
            default -> throw new IllegalArgumentException("no patient named " + name);
        };
    }
}
