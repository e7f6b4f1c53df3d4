package org.physiocds.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsException;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.internal.PatientValidator;

/** The named builders of the findings, dates counted from the as-of date, and Patient as a value. */
class ModelBuildersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    // ---- MuscleFinding ---------------------------------------------------------------------------

    @Test
    void muscleFinding_noSetter_isBothSidesAndNothingAssessed() {
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, null, null), MuscleFinding.of(Muscle.GLUTES).build());
    }

    @Test
    void muscleFinding_eachNamedSetter_setsItsValueAndLeavesTheOthersNotAssessed() {
        assertEquals(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, null, null, null), MuscleFinding.of(Muscle.HAMSTRINGS).left().build());
        assertEquals(new MuscleFinding(Muscle.HAMSTRINGS, Side.RIGHT, null, null, null), MuscleFinding.of(Muscle.HAMSTRINGS).right().build());
        assertEquals(new MuscleFinding(Muscle.HAMSTRINGS, Side.BOTH, null, null, null),
                MuscleFinding.of(Muscle.HAMSTRINGS).left().bothSides().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, Strength.WEAK, null, null), MuscleFinding.of(Muscle.GLUTES).weak().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, Strength.NORMAL, null, null),
                MuscleFinding.of(Muscle.GLUTES).normalStrength().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, Length.SHORT, null), MuscleFinding.of(Muscle.GLUTES).shortened().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, Length.NORMAL, null),
                MuscleFinding.of(Muscle.GLUTES).normalLength().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, Length.LONG, null), MuscleFinding.of(Muscle.GLUTES).lengthened().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, null, true), MuscleFinding.of(Muscle.GLUTES).feelsTight().build());
        assertEquals(new MuscleFinding(Muscle.GLUTES, Side.BOTH, null, null, false),
                MuscleFinding.of(Muscle.GLUTES).doesNotFeelTight().build());
    }

    @Test
    void muscleFinding_everySetter_makesTheFullFinding_andALaterSetterReplacesAnEarlierOne() {
        assertEquals(new MuscleFinding(Muscle.PIRIFORMIS, Side.RIGHT, Strength.WEAK, Length.LONG, false),
                MuscleFinding.of(Muscle.PIRIFORMIS).right().weak().lengthened().doesNotFeelTight().build());
        assertEquals(new MuscleFinding(Muscle.PIRIFORMIS, Side.LEFT, Strength.NORMAL, Length.SHORT, true),
                MuscleFinding.of(Muscle.PIRIFORMIS).right().left().weak().normalStrength().lengthened().shortened()
                        .doesNotFeelTight().feelsTight().build());
    }

    // ---- Injury and Surgery ----------------------------------------------------------------------

    @Test
    void injury_factories_nameTheTypeAndMuscle_bothSidesAndDateUnknownByDefault() {
        assertEquals(new Injury(InjuryType.STRAIN, Muscle.CALVES, Side.BOTH, null), Injury.strain(Muscle.CALVES).build());
        assertEquals(new Injury(InjuryType.TEAR, Muscle.CALVES, Side.BOTH, null), Injury.tear(Muscle.CALVES).build());
        assertEquals(new Injury(InjuryType.OTHER, Muscle.CALVES, Side.BOTH, null), Injury.other(Muscle.CALVES).build());
        assertEquals(new Injury(InjuryType.OTHER, null, Side.BOTH, null), Injury.notToAMuscle(InjuryType.OTHER).build());
        assertEquals(new Injury(InjuryType.STRAIN, null, Side.BOTH, null), Injury.notToAMuscle(InjuryType.STRAIN).build());
    }

    @Test
    void injury_sidesAndDaysAgo() {
        assertEquals(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 5), Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5).build());
        assertEquals(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.RIGHT, 0), Injury.strain(Muscle.HAMSTRINGS).right().daysAgo(0).build());
        assertEquals(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.BOTH, 5),
                Injury.strain(Muscle.HAMSTRINGS).right().bothSides().daysAgo(5).build());
    }

    @Test
    void surgery_factories_andDaysAgo() {
        assertEquals(new Surgery(Region.KNEE, null), Surgery.of(Region.KNEE).build());
        assertEquals(new Surgery(Region.KNEE, 40), Surgery.of(Region.KNEE).daysAgo(40).build());
        assertEquals(new Surgery(null, 12), Surgery.regionNotGiven().daysAgo(12).build());
    }

    @Test
    void datedInjuryOrSurgeryBuiltAlone_isAnInvalidPatientAtDaysAgo_becauseOnlyThePatientHasAnAsOfDate() {
        InvalidPatientException injury = assertThrows(InvalidPatientException.class,
                () -> Injury.strain(Muscle.CALVES).onset(AS_OF).build());
        InvalidPatientException surgery = assertThrows(InvalidPatientException.class,
                () -> Surgery.of(Region.HIP).on(AS_OF).build());

        assertEquals(List.of("daysAgo"), paths(injury.problems()));
        assertEquals(List.of("daysAgo"), paths(surgery.problems()));
    }

    // ---- Patient.Builder: the finding builders ---------------------------------------------------

    @Test
    void patientBuilder_takesTheFindingBuilders_likeTheValuesTheyBuild() {
        Patient fromBuilders = Patient.builder()
                .muscle(MuscleFinding.of(Muscle.GLUTES).left().weak())
                .injury(Injury.tear(Muscle.CALVES).right().daysAgo(3))
                .surgery(Surgery.of(Region.KNEE).daysAgo(30))
                .build();
        Patient fromValues = Patient.builder()
                .muscle(new MuscleFinding(Muscle.GLUTES, Side.LEFT, Strength.WEAK, null, null))
                .injury(new Injury(InjuryType.TEAR, Muscle.CALVES, Side.RIGHT, 3))
                .surgery(new Surgery(Region.KNEE, 30))
                .build();

        assertEquals(fromValues, fromBuilders);
    }

    @Test
    void patientBuilder_takesTheBuildersStateWhenAdded_notWhenBuilt() {
        Injury.Builder strain = Injury.strain(Muscle.CALVES).daysAgo(3);
        MuscleFinding.Builder calves = MuscleFinding.of(Muscle.CALVES).weak();
        Patient.Builder b = Patient.builder().asOf(AS_OF).injury(strain).muscle(calves);
        strain.right().onset(AS_OF.minusDays(400));
        calves.shortened();

        Patient p = b.build();

        assertEquals(List.of(new Injury(InjuryType.STRAIN, Muscle.CALVES, Side.BOTH, 3)), p.injuries());
        assertEquals(List.of(new MuscleFinding(Muscle.CALVES, Side.BOTH, Strength.WEAK, null, null)), p.muscles());
    }

    @Test
    void patientBuilder_nullElements_areKeptForValidationToReport() {
        Patient p = Patient.builder().muscle((MuscleFinding.Builder) null).injury((Injury.Builder) null)
                .surgery((Surgery.Builder) null).build();

        assertEquals(List.of("muscles[0]", "injuries[0]", "surgeries[0]"), paths(problemsOf(p)));
    }

    // ---- Dates -----------------------------------------------------------------------------------

    @Test
    void onset_isWholeCalendarDaysBeforeTheAsOfDate() {
        Patient p = Patient.builder()
                .asOf(AS_OF)
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().onset(LocalDate.of(2026, 10, 20)))
                .injury(Injury.tear(Muscle.CALVES).onset(AS_OF))
                .surgery(Surgery.of(Region.LOWER_BACK).on(LocalDate.of(2025, 12, 1)))
                .surgery(Surgery.regionNotGiven().on(LocalDate.of(2024, 2, 29)))
                .build();

        assertEquals(List.of(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 42),
                new Injury(InjuryType.TEAR, Muscle.CALVES, Side.BOTH, 0)), p.injuries());
        assertEquals(List.of(new Surgery(Region.LOWER_BACK, 365), new Surgery(null, 1006)), p.surgeries());
    }

    @Test
    void asOf_mayBeGivenAfterTheDates_andOnlyTheDaysAreKept() {
        Patient dated = Patient.builder().injury(Injury.strain(Muscle.CALVES).onset(LocalDate.of(2026, 11, 24)))
                .asOf(AS_OF).build();

        assertEquals(Patient.builder().injury(Injury.strain(Muscle.CALVES).daysAgo(7)).build(), dated);
    }

    @Test
    void dateAndDaysAgo_theLaterCallWins() {
        Patient p = Patient.builder().asOf(AS_OF)
                .injury(Injury.strain(Muscle.CALVES).onset(AS_OF.minusDays(100)).daysAgo(4))
                .injury(Injury.strain(Muscle.QUADRICEPS).daysAgo(4).onset(AS_OF.minusDays(100)))
                .surgery(Surgery.of(Region.KNEE).on(AS_OF.minusDays(100)).daysAgo(4))
                .surgery(Surgery.of(Region.HIP).daysAgo(4).on(AS_OF.minusDays(100)))
                .build();

        assertEquals(List.of(4, 100), p.injuries().stream().map(Injury::daysAgo).toList());
        assertEquals(List.of(4, 100), p.surgeries().stream().map(Surgery::daysAgo).toList());
    }

    @Test
    void dateWithoutAsOf_isAnInvalidPatient_withAProblemAtEveryDatesPath() {
        Patient.Builder b = Patient.builder()
                .injury(Injury.strain(Muscle.CALVES).daysAgo(3))
                .injury(Injury.tear(Muscle.HAMSTRINGS).onset(LocalDate.of(2026, 10, 20)))
                .surgery(Surgery.of(Region.KNEE).on(LocalDate.of(2026, 9, 1)));

        InvalidPatientException e = assertThrows(InvalidPatientException.class, b::build);

        assertInstanceOf(CdsException.class, e);
        assertEquals(List.of("injuries[1].daysAgo", "surgeries[0].daysAgo"), paths(e.problems()));
        assertTrue(e.getMessage().contains("injuries[1].daysAgo: expected an as-of date"), e.getMessage());
        assertTrue(e.getMessage().contains("Patient.Builder.asOf"), e.getMessage());
        assertFalse(e.getMessage().contains("2026"), "no date in the message: " + e.getMessage());
    }

    @Test
    void onsetAfterTheAsOfDate_givesNegativeDays_whichValidationReportsAtDaysAgo() {
        Patient p = Patient.builder().asOf(AS_OF)
                .injury(Injury.strain(Muscle.CALVES).onset(AS_OF.plusDays(1)))
                .surgery(Surgery.of(Region.KNEE).on(AS_OF.plusDays(30)))
                .build();

        assertEquals(-1, p.injuries().get(0).daysAgo());
        assertEquals(-30, p.surgeries().get(0).daysAgo());
        assertEquals(List.of("injuries[0].daysAgo", "surgeries[0].daysAgo"), paths(problemsOf(p)));
    }

    @Test
    void dateTooFarFromTheAsOfDateForAnInt_isAProblemAtItsPath() {
        Patient.Builder b = Patient.builder().asOf(AS_OF).injury(Injury.other(Muscle.GLUTES).onset(LocalDate.MIN));

        assertEquals(List.of("injuries[0].daysAgo"), paths(assertThrows(InvalidPatientException.class, b::build).problems()));
    }

    @Test
    void pain_inWholeWeeks_isThePainInWeeks() {
        Patient whole = Patient.builder().pain(Region.LOWER_BACK, 20, 5).build();

        assertEquals(20.0, whole.painDurationWeeks());
        assertEquals(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5).build(), whole);
        assertEquals(null, Patient.builder().pain(Region.LOWER_BACK, null, 5).build().painDurationWeeks());
    }

    // ---- Patient as a value ----------------------------------------------------------------------

    private static Patient full() {
        return Patient.builder()
                .patientId("p-1")
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5))
                .surgery(Surgery.of(Region.KNEE).daysAgo(400))
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).build())
                .signs(Sign.SPINAL_COMPRESSION)
                .lifestyle(Lifestyle.SEDENTARY)
                .redFlags(RedFlag.NIGHT_PAIN)
                .startBack(new StartBackAnswers(true, false, true, false, true, false, true, false, Bothersomeness.SLIGHTLY))
                .build();
    }

    @Test
    void equalsAndHashCode_overEveryField() {
        Patient p = full();

        assertEquals(p, full());
        assertEquals(p.hashCode(), full().hashCode());
        assertEquals(Patient.builder().build(), Patient.builder().build());
        List<Patient> variants = List.of(
                p.toBuilder().patientId("p-2").build(),
                p.toBuilder().age(46).build(),
                p.toBuilder().pain(Region.LOWER_BACK, 26.5, 6).build(),
                p.toBuilder().pain(Region.NECK, 26.0, 6).build(),
                p.toBuilder().pain(Region.LOWER_BACK, 26.0, 7).build(),
                p.toBuilder().muscle(MuscleFinding.of(Muscle.CALVES)).build(),
                p.toBuilder().injury(Injury.tear(Muscle.CALVES)).build(),
                p.toBuilder().surgery(Surgery.regionNotGiven()).build(),
                p.toBuilder().stretching(null).build(),
                p.toBuilder().signs(Sign.HIP_MOBILITY_RESTRICTED).build(),
                p.toBuilder().lifestyle(Lifestyle.POOR_SLEEP).build(),
                p.toBuilder().redFlags(RedFlag.FEVER).build(),
                p.toBuilder().startBack(null).build());
        for (Patient variant : variants) {
            assertNotEquals(p, variant, variant.toString());
        }
        assertFalse(p.equals(null));
        assertFalse(p.equals("p-1"));
    }

    @Test
    void toBuilder_roundTrip_givesAnEqualPatient_andAVariantLeavesTheOriginalAlone() {
        Patient p = full();

        Patient same = p.toBuilder().build();
        Patient followUp = p.toBuilder().age(46).lifestyle(Lifestyle.POOR_SLEEP)
                .asOf(AS_OF).injury(Injury.strain(Muscle.CALVES).onset(AS_OF.minusDays(2))).build();

        assertEquals(p, same);
        assertEquals(p.hashCode(), same.hashCode());
        assertEquals(full(), p, "the original is unchanged");
        assertEquals(46, followUp.age());
        assertEquals(List.of(Lifestyle.SEDENTARY, Lifestyle.POOR_SLEEP), followUp.lifestyle());
        assertEquals(List.of(p.injuries().get(0), new Injury(InjuryType.STRAIN, Muscle.CALVES, Side.BOTH, 2)), followUp.injuries());
        assertEquals(p.muscles(), followUp.muscles());
        assertEquals(p.startBack(), followUp.startBack());
    }

    @Test
    void lists_areUnmodifiableCopies() {
        Patient p = full();

        assertThrows(UnsupportedOperationException.class, () -> p.muscles().add(null));
        assertThrows(UnsupportedOperationException.class, () -> p.signs().clear());
        assertEquals(List.of(), Patient.builder().build().injuries());
    }

    @Test
    void toString_withholdsThePatientId() {
        String text = full().toString();

        assertTrue(text.startsWith("Patient[patientId=<withheld>, age=45, painRegion=LOWER_BACK"), text);
        assertFalse(text.contains("p-1"), text);
        assertTrue(Patient.builder().build().toString().startsWith("Patient[patientId=null,"));
    }

    @Test
    void patient_isAFinalClassWithoutAPublicConstructor_soItCanGainFields() {
        assertTrue(Modifier.isFinal(Patient.class.getModifiers()));
        assertFalse(Patient.class.isRecord());
        assertEquals(0, Patient.class.getConstructors().length);
    }

    @Test
    void publicModel_hasNoIsHelper_theRulesKeepTheirOwn() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> helpers = new ArrayList<>();
        for (Class<?> type : modelClasses()) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass().getPackageName().equals(Patient.class.getPackageName())
                        && m.getName().matches("is[A-Z].*") && !m.isSynthetic()) {
                    helpers.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }

        assertEquals(List.of(), helpers);
    }

    /** Every public class of the model package, nested ones included. */
    private static List<Class<?>> modelClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Patient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Patient.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(Patient.class.getPackageName() + "." + name);
                if (Modifier.isPublic(type.getModifiers())) {
                    classes.add(type);
                }
            }
        }
        assertTrue(classes.containsAll(List.of(Patient.class, Patient.Builder.class, MuscleFinding.class,
                MuscleFinding.Builder.class, Injury.class, Injury.Builder.class, Surgery.class, StretchingHistory.class)),
                classes.toString());
        return classes;
    }

    private static List<Problem> problemsOf(Patient p) {
        return assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(p)).problems();
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }
}
