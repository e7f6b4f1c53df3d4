package org.physiocds.bench;

import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/** The patients the benchmarks evaluate. */
public final class Patients {

    /**
     * A typical record: chronic low back pain, three muscles assessed, a fresh left hamstring strain,
     * daily stretching that brings the pain back within the hour, a sedentary job (9 facts).
     */
    public static final Patient TYPICAL = Patient.builder()
            .patientId("typical")
            .age(45)
            .pain(Region.LOWER_BACK, 26.0, 6)
            .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
            .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).normalStrength().shortened().feelsTight())
            .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
            .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5))
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
            .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
            .muscle(MuscleFinding.of(Muscle.TRANSVERSE_ABDOMINIS).weak())
            .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).normalStrength().shortened().feelsTight())
            .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).feelsTight())
            .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().normalStrength().shortened().feelsTight())
            .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).right().weak().normalLength().feelsTight())
            .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
            .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).weak().normalLength().feelsTight())
            .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).shortened().feelsTight())
            .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened().doesNotFeelTight())
            .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(12))
            .injury(Injury.tear(Muscle.CALVES).daysAgo(200))
            .surgery(Surgery.of(Region.KNEE).daysAgo(120))
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
