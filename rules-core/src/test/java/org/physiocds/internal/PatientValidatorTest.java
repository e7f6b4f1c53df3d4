package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Every check of {@link PatientValidator}: each range at and beyond its bounds, each null, each
 * contradiction, every problem reported at once with its path, and never the patient id. That the
 * engine evaluates nothing for an invalid patient is shown in rules-kb
 * ({@code org.physiocds.safety.PhiFreeLoggingTest}), where a knowledge base is available.
 */
class PatientValidatorTest {

    private static final String PATIENT_ID = "id-5f1c9e-do-not-echo";

    static Patient.Builder valid() {
        return Patient.builder()
                .patientId(PATIENT_ID)
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, null, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.RIGHT, null, Length.NORMAL, true))
                .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 5))
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(40))
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(30).build())
                .signs(Sign.SPINAL_COMPRESSION)
                .lifestyle(Lifestyle.SEDENTARY, Lifestyle.POOR_SLEEP)
                .redFlags(RedFlag.NIGHT_PAIN)
                .startBack(new StartBackAnswers(true, false, true, false, true, false, true, false,
                        Bothersomeness.MODERATELY));
    }

    private static List<Problem> problemsOf(Patient patient) {
        return assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(patient)).problems();
    }

    private static List<String> pathsOf(Patient patient) {
        return problemsOf(patient).stream().map(Problem::path).toList();
    }

    @Test
    void validate_fullValidPatient_passes() {
        assertDoesNotThrow(() -> PatientValidator.validate(valid().build()));
    }

    @Test
    void validate_nothingKnown_passes() {
        assertDoesNotThrow(() -> PatientValidator.validate(Patient.builder().build()));
        assertDoesNotThrow(() -> PatientValidator.validate(Patient.builder().patientId(null).age(null)
                .pain(null, null, null).stretching(null).startBack(null).build()));
    }

    @Test
    void validate_nullPatient_reportsTheRoot() {
        assertEquals(List.of(new Problem("$", "a patient, was null")), problemsOf(null));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of("age 0", (UnaryOperator<Patient.Builder>) b -> b.age(0)),
                Arguments.of("age 120", (UnaryOperator<Patient.Builder>) b -> b.age(120)),
                Arguments.of("intensity 0", (UnaryOperator<Patient.Builder>) b -> b.pain(Region.NECK, 0.0, 0)),
                Arguments.of("intensity 10", (UnaryOperator<Patient.Builder>) b -> b.pain(Region.NECK, 1e6, 10)),
                Arguments.of("injury today", (UnaryOperator<Patient.Builder>) b -> b.injury(Injury.tear(Muscle.CALVES).daysAgo(0))),
                Arguments.of("surgery today", (UnaryOperator<Patient.Builder>) b -> b.surgery(Surgery.of(Region.KNEE).daysAgo(0))),
                Arguments.of("sessions 0", (UnaryOperator<Patient.Builder>) b -> b.stretching(
                        StretchingHistory.builder().sessionsPerWeek(0).painReturnsWithinMinutes(0).build())),
                Arguments.of("sessions 50", (UnaryOperator<Patient.Builder>) b -> b.stretching(
                        StretchingHistory.builder().sessionsPerWeek(50).painReturnsWithinMinutes(Integer.MAX_VALUE).build())),
                // The contract: an absent injuries[].muscle means the injury is not to a muscle.
                Arguments.of("strain not to a muscle", (UnaryOperator<Patient.Builder>) b -> b.injury(Injury.notToAMuscle(InjuryType.STRAIN).daysAgo(3))),
                Arguments.of("tear with unknown date", (UnaryOperator<Patient.Builder>) b -> b.injury(Injury.tear(Muscle.GLUTES))),
                Arguments.of("surgery with unknown region", (UnaryOperator<Patient.Builder>) b -> b.surgery(Surgery.regionNotGiven())),
                Arguments.of("same finding reported twice", (UnaryOperator<Patient.Builder>) b -> b
                        .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())),
                Arguments.of("absent side is BOTH", (UnaryOperator<Patient.Builder>) b -> b
                        .muscle(new MuscleFinding(Muscle.GLUTES, null, Strength.WEAK, Length.LONG, false))),
                Arguments.of("repeated codes", (UnaryOperator<Patient.Builder>) b -> b
                        .signs(Sign.SPINAL_COMPRESSION).lifestyle(Lifestyle.SEDENTARY).redFlags(RedFlag.NIGHT_PAIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void validate_valueAtItsBoundOrAbsent_passes(String name, UnaryOperator<Patient.Builder> change) {
        assertDoesNotThrow(() -> PatientValidator.validate(change.apply(valid()).build()));
    }

    static Stream<Arguments> outOfRange() {
        StretchingHistory.Builder h = StretchingHistory.builder();
        return Stream.of(
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.age(-1), "age", "an integer from 0 to 120", "-1"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.age(121), "age", "an integer from 0 to 120", "121"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.age(Integer.MIN_VALUE), "age",
                        "an integer from 0 to 120", String.valueOf(Integer.MIN_VALUE)),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.pain(Region.HIP, 1.0, -1), "painIntensity",
                        "an integer from 0 to 10", "-1"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.pain(Region.HIP, 1.0, 11), "painIntensity",
                        "an integer from 0 to 10", "11"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.pain(Region.HIP, -0.5, 1), "painDurationWeeks",
                        "a finite number of weeks, at least 0", "-0.5"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.pain(Region.HIP, Double.NaN, 1), "painDurationWeeks",
                        "a finite number of weeks, at least 0", "NaN"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.pain(Region.HIP, Double.POSITIVE_INFINITY, 1),
                        "painDurationWeeks", "a finite number of weeks, at least 0", "Infinity"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.injury(Injury.strain(Muscle.CALVES).daysAgo(-1)),
                        "injuries[1].daysAgo", "an integer of at least 0", "-1"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.surgery(Surgery.of(Region.HIP).daysAgo(-3)),
                        "surgeries[1].daysAgo", "an integer of at least 0", "-3"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.stretching(h.sessionsPerWeek(-1).build()),
                        "stretching.sessionsPerWeek", "an integer from 0 to 50", "-1"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.stretching(
                        StretchingHistory.builder().sessionsPerWeek(51).build()),
                        "stretching.sessionsPerWeek", "an integer from 0 to 50", "51"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.stretching(
                        StretchingHistory.builder().painReturnsWithinMinutes(-60).build()),
                        "stretching.painReturnsWithinMinutes", "an integer of at least 0", "-60"));
    }

    @ParameterizedTest(name = "{1}: {2}, given {3}")
    @MethodSource("outOfRange")
    void validate_valueOutOfRange_reportsItsPathAndTheRangeAndKeepsTheValueApart(UnaryOperator<Patient.Builder> change,
            String path, String expected, String given) {
        Patient patient = change.apply(valid()).build();

        assertEquals(List.of(new Problem(path, expected, given)), problemsOf(patient));
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(patient));
        assertEquals("1 invalid field(s): " + path + ": expected " + expected, e.getMessage());
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.muscle((MuscleFinding) null), "muscles[3]"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.muscle(new MuscleFinding(null, null, Strength.WEAK, null, null)),
                        "muscles[3].muscle"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.injury((Injury) null), "injuries[1]"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.injury(new Injury(null, Muscle.GLUTES, null, 1)), "injuries[1].type"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.signs((Sign) null), "signs[1]"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.lifestyle((Lifestyle) null), "lifestyle[2]"),
                Arguments.of((UnaryOperator<Patient.Builder>) b -> b.redFlags((RedFlag) null), "redFlags[1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("nulls")
    void validate_nullElementOrRequiredCode_reportsItsPath(UnaryOperator<Patient.Builder> change, String path) {
        assertEquals(List.of(path), pathsOf(change.apply(valid()).build()));
    }

    @Test
    void validate_nullSurgery_reportsItsPath() {
        assertEquals(List.of("surgeries[1]"), pathsOf(valid().surgery((Surgery) null).build()));
    }

    @Test
    void validate_sameMuscleAndSideWithDifferentFindings_reportsTheContradiction() {
        Patient p = valid().muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.WEAK, Length.SHORT, true)).build();
        assertEquals(List.of(new Problem("muscles[3]",
                "one finding per muscle and side, but an earlier finding reports this muscle and side differently")),
                problemsOf(p));
    }

    @Test
    void validate_bothSidesMixedWithOneSide_reportsTheSide() {
        Patient p = valid().muscle(new MuscleFinding(Muscle.GLUTES, Side.RIGHT, Strength.WEAK, Length.LONG, false)).build();
        assertEquals(List.of(new Problem("muscles[3].side",
                "either BOTH or LEFT/RIGHT findings for a muscle, but an earlier finding of this muscle is of the other kind")),
                problemsOf(p));
    }

    @Test
    void validate_contradictionsInAnyOrder_reportedOnceEach() {
        MuscleFinding both = new MuscleFinding(Muscle.PIRIFORMIS, Side.BOTH, null, Length.SHORT, null);
        MuscleFinding left = new MuscleFinding(Muscle.PIRIFORMIS, Side.LEFT, null, Length.SHORT, null);
        MuscleFinding right = new MuscleFinding(Muscle.PIRIFORMIS, Side.RIGHT, null, Length.SHORT, null);
        MuscleFinding leftLong = new MuscleFinding(Muscle.PIRIFORMIS, Side.LEFT, null, Length.LONG, null);
        for (List<MuscleFinding> order : List.of(
                List.of(both, left, right, leftLong, left),
                List.of(left, right, leftLong, left, both),
                List.of(leftLong, left, both, right, left))) {
            List<String> expected = problemsOf(patientWith(order)).stream().map(Problem::expected).sorted().toList();
            assertEquals(List.of(
                    "either BOTH or LEFT/RIGHT findings for a muscle, but an earlier finding of this muscle is of the other kind",
                    "one finding per muscle and side, but an earlier finding reports this muscle and side differently"),
                    expected, "for " + order);
        }
    }

    @Test
    void validate_manyProblems_listsEveryOneInDocumentOrder() {
        Patient p = Patient.builder()
                .patientId(PATIENT_ID)
                .age(140)
                .pain(Region.LOWER_BACK, -2.0, 12)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.GLUTES).normalStrength().lengthened().doesNotFeelTight())
                .injury(new Injury(null, Muscle.CALVES, null, -4))
                .surgery(Surgery.of(Region.KNEE).daysAgo(-1))
                .stretching(StretchingHistory.builder().sessionsPerWeek(99).painReturnsWithinMinutes(-1).build())
                .signs((Sign) null)
                .build();
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(p));
        assertEquals(List.of("age", "painIntensity", "painDurationWeeks", "muscles[1]", "injuries[0].type",
                "injuries[0].daysAgo", "surgeries[0].daysAgo", "stretching.sessionsPerWeek",
                "stretching.painReturnsWithinMinutes", "signs[0]"),
                e.problems().stream().map(Problem::path).toList());
        assertTrue(e.getMessage().startsWith("10 invalid field(s): age: expected an integer from 0 to 120; "
                + "painIntensity: expected an integer from 0 to 10; "), e.getMessage());
        assertEquals("140", e.problems().get(0).given());
    }

    @Test
    void validate_anyProblem_neverQuotesThePatientId() {
        Patient p = Patient.builder().patientId(PATIENT_ID).age(-7).muscle((MuscleFinding) null)
                .injury((Injury) null).signs((Sign) null).build();
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(p));
        assertEquals(4, e.problems().size());
        assertFalse(e.getMessage().contains(PATIENT_ID), e.getMessage());
        e.problems().forEach(problem -> assertFalse(problem.toString().contains(PATIENT_ID), problem::toString));
    }

    private static Patient patientWith(List<MuscleFinding> muscles) {
        Patient.Builder b = Patient.builder().patientId(PATIENT_ID);
        muscles.forEach(b::muscle);
        return b.build();
    }

    @Test
    void problems_areImmutable() {
        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> PatientValidator.validate(Patient.builder().age(-1).build()));
        assertThrows(UnsupportedOperationException.class, () -> e.problems().add(new Problem("x", "y")));
        assertEquals(Arrays.asList("age"), e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void patientToString_withholdsTheId_keepsTheFacts() {
        String text = valid().build().toString();
        assertFalse(text.contains(PATIENT_ID), text);
        assertTrue(text.startsWith("Patient[patientId=<withheld>, age=45, painRegion=LOWER_BACK,"), text);
        assertTrue(Patient.builder().build().toString().startsWith("Patient[patientId=null, "));
    }
}
