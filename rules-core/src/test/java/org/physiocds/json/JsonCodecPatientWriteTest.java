package org.physiocds.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.internal.InterchangeFields;
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
 * {@link JsonCodec#writePatient}: the input document an application stores beside the advice.
 * Byte for byte in the contract's layout, read back as an equal patient, and stable (writing what
 * was read back gives the same text), for every patient in the repository's examples and
 * scenarios, hand-built edge cases and generated patients.
 */
class JsonCodecPatientWriteTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writePatient_contractExample_matchesTheLayoutByteForByte() {
        Patient p = JSON.readPatient(resource("contract-example.json"));

        assertEquals(resource("contract-example-written.json"), JSON.writePatient(p));
    }

    @Test
    void writePatient_nothingKnown_isAnEmptyObject() {
        assertEquals("{}", JSON.writePatient(Patient.builder().build()));
        assertEquals("{}", JSON.writePatientLine(Patient.builder().build()));
    }

    @Test
    void writePatient_fieldsInTheContractsOrder_unknownLeftOut() throws IOException {
        Patient rich = rich();

        JsonNode written = MAPPER.readTree(JSON.writePatient(rich));

        assertEquals(InterchangeFields.PATIENT, names(written));
        assertEquals(InterchangeFields.MUSCLE, names(written.get("muscles").get(0)));
        assertEquals(InterchangeFields.INJURY, names(written.get("injuries").get(0)));
        assertEquals(InterchangeFields.SURGERY, names(written.get("surgeries").get(0)));
        assertEquals(InterchangeFields.STRETCHING, names(written.get("stretching")));
        assertEquals(InterchangeFields.START_BACK, names(written.get("startBack")));
        JsonNode sparse = MAPPER.readTree(JSON.writePatient(Patient.builder().age(40)
                .injury(new Injury(InjuryType.OTHER, null, null, null)).surgery(Surgery.regionNotGiven().daysAgo(12))
                .stretching(StretchingHistory.builder().build()).build()));
        assertEquals(List.of("age", "injuries", "surgeries", "stretching"), names(sparse));
        assertEquals(List.of("type", "side"), names(sparse.get("injuries").get(0)));
        assertEquals(List.of("daysAgo"), names(sparse.get("surgeries").get(0)));
        assertEquals(List.of(), names(sparse.get("stretching")));
    }

    @Test
    void writePatient_layout_twoSpacesNewLinesNoTrailingNewLine() {
        String text = JSON.writePatient(rich());

        assertFalse(text.contains("\r"));
        assertFalse(text.endsWith("\n"));
        assertTrue(text.startsWith("{\n  \"patientId\": "), text);
        assertTrue(text.contains("\n  \"muscles\": [\n    {\n      \"muscle\": "), text);
        assertEquals(JSON.writePatient(rich()), text, "the same patient, the same text");
    }

    @Test
    void writePatientLine_oneLine_readsBackEqual() {
        for (Patient p : List.of(rich(), withId("line\nbreak \u2028 and \"quotes\" \\ and tab\t"))) {
            String line = JSON.writePatientLine(p);

            assertFalse(line.contains("\n") || line.contains("\r"), line);
            assertEquals(p, JSON.readPatient(line));
            assertEquals(JSON.writePatient(p), JSON.writePatient(JSON.readPatient(line)));
        }
    }

    @Test
    void roundTrip_everyExamplePatientAndScenario() throws IOException {
        Path root = repositoryRoot();
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("examples/patients"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String doc = Files.readString(file);
                if (file.getFileName().toString().startsWith("bad-")) {
                    assertThrows(InvalidPatientException.class, () -> JSON.readPatient(doc), file.toString());
                } else {
                    documents.add(doc);
                }
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("examples/scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                documents.add(MAPPER.readTree(file.toFile()).get("patient").toString());
            }
        }
        assertTrue(documents.size() >= 25, "documents: " + documents.size());
        documents.forEach(JsonCodecPatientWriteTest::assertRoundTrip);
    }

    @Test
    void roundTrip_handBuiltEdgeCases() {
        List<Patient> patients = new ArrayList<>(List.of(rich(), Patient.builder().build(),
                withId("Zoë \uD83D\uDE00 \u0000\u001f </script> \"x\" \\"), withId(""), withId("x".repeat(JsonCodec.MAX_STRING_LENGTH)),
                Patient.builder().stretching(StretchingHistory.builder().build()).build(),
                Patient.builder().injury(Injury.notToAMuscle(InjuryType.STRAIN)).surgery(Surgery.regionNotGiven()).build(),
                Patient.builder().muscle(new MuscleFinding(Muscle.GLUTES, null, null, null, null)).build()));
        for (double weeks : new double[] {0.0, -0.0, 0.5, 2.5, 0.1, 1.0 / 3, 12.0, 26.0, 1e-7, Double.MIN_VALUE,
                999_999_999_999_999.0, 1e15, 1e20, 1.7976931348623157e308, 4503599627370496.5}) {
            patients.add(Patient.builder().pain(Region.NECK, weeks, 0).build());
        }
        for (Patient p : patients) {
            String text = JSON.writePatient(p);
            assertEquals(p, JSON.readPatient(text), text);
            assertEquals(text, JSON.writePatient(JSON.readPatient(text)));
        }
        assertEquals("{\n  \"painRegion\": \"NECK\",\n  \"painDurationWeeks\": 26,\n  \"painIntensity\": 0\n}",
                JSON.writePatient(Patient.builder().pain(Region.NECK, 26.0, 0).build()));
        assertTrue(JSON.writePatient(Patient.builder().pain(Region.NECK, -0.0, 0).build()).contains("-0.0"));
        assertTrue(JSON.writePatient(Patient.builder().pain(Region.NECK, 2.5, 0).build()).contains(": 2.5,"));
    }

    @Test
    void roundTrip_generatedPatients() {
        Random random = new Random(20251120);
        for (int i = 0; i < 3_000; i++) {
            Patient p = generated(random);
            String text = JSON.writePatient(p);
            Patient back = JSON.readPatient(text);
            assertEquals(p, back, text);
            assertEquals(text, JSON.writePatient(back));
            assertEquals(p, JSON.readPatient(JSON.writePatientLine(p)));
        }
    }

    @Test
    void writePatient_invalidPatient_refusedAsEvaluateWouldRefuseIt() {
        Patient p = Patient.builder().patientId("MRN-4711").age(130).signs((Sign) null).build();

        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.writePatient(p));

        assertEquals(List.of(new Problem("age", "an integer from 0 to 120", "130"), new Problem("signs[0]", "a code, was null")),
                e.problems());
        assertFalse(e.getMessage().contains("MRN-4711") || e.getMessage().contains("130"), e.getMessage());
        assertThrows(InvalidPatientException.class,
                () -> JSON.writePatient(Patient.builder().pain(Region.HIP, Double.NaN, 1).build()));
        assertThrows(NullPointerException.class, () -> JSON.writePatient(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"patientId", "signs", "muscles"})
    void writePatient_beyondTheCodecsLimits_refusedSoThatWhatIsWrittenCanBeRead(String field) {
        Patient.Builder b = Patient.builder();
        switch (field) {
            case "patientId" -> b.patientId("x".repeat(JsonCodec.MAX_STRING_LENGTH + 1));
            case "signs" -> b.signs(Collections.nCopies(JsonCodec.MAX_LIST_LENGTH + 1, Sign.SPINAL_COMPRESSION)
                    .toArray(Sign[]::new));
            default -> Collections.nCopies(JsonCodec.MAX_LIST_LENGTH + 1,
                    new MuscleFinding(Muscle.GLUTES, Side.BOTH, Strength.WEAK, null, null)).forEach(b::muscle);
        }

        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.writePatient(b.build()));

        assertEquals(List.of(field), e.problems().stream().map(Problem::path).toList());
        assertFalse(e.getMessage().contains("xxxx"), e.getMessage());
    }

    @Test
    void writePatient_atTheCodecsLimits_readBack() {
        Patient.Builder b = Patient.builder().patientId("\u0001".repeat(JsonCodec.MAX_STRING_LENGTH));
        Collections.nCopies(JsonCodec.MAX_LIST_LENGTH, new MuscleFinding(Muscle.TRANSVERSE_ABDOMINIS, Side.BOTH,
                Strength.WEAK, Length.NORMAL, false)).forEach(b::muscle);
        Collections.nCopies(JsonCodec.MAX_LIST_LENGTH, new Injury(InjuryType.STRAIN, Muscle.QUADRATUS_LUMBORUM, Side.RIGHT,
                Integer.MAX_VALUE)).forEach(b::injury);
        b.signs(Collections.nCopies(JsonCodec.MAX_LIST_LENGTH, Sign.THORACIC_MOBILITY_RESTRICTED).toArray(Sign[]::new));
        b.redFlags(Collections.nCopies(JsonCodec.MAX_LIST_LENGTH, RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS).toArray(RedFlag[]::new));
        Patient p = b.build();

        assertEquals(p, JSON.readPatient(JSON.writePatient(p)));
    }

    private static void assertRoundTrip(String doc) {
        Patient p = JSON.readPatient(doc);
        String written = JSON.writePatient(p);
        assertEquals(p, JSON.readPatient(written), written);
        assertEquals(written, JSON.writePatient(JSON.readPatient(written)), "stable");
        assertEquals(p, JSON.readPatient(JSON.writePatientLine(p)));
    }

    /** Every field known, every list with more than one element. */
    static Patient rich() {
        return Patient.builder()
                .patientId("demo-rich")
                .age(67)
                .pain(Region.LOWER_BACK, 30.5, 7)
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.NORMAL, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.RIGHT, null, Length.NORMAL, false))
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .injury(new Injury(InjuryType.TEAR, Muscle.CALVES, Side.RIGHT, 10))
                .injury(new Injury(InjuryType.OTHER, null, Side.BOTH, null))
                .surgery(Surgery.of(Region.KNEE).right().daysAgo(400))
                .surgery(Surgery.regionNotGiven())
                .stretching(new StretchingHistory(14, 30, true, false, true, false, true, false, true, false))
                .signs(Sign.SPINAL_COMPRESSION, Sign.SIDE_TO_SIDE_ASYMMETRY)
                .lifestyle(Lifestyle.SEDENTARY, Lifestyle.POOR_SLEEP, Lifestyle.ANXIETY)
                .redFlags(RedFlag.NIGHT_PAIN, RedFlag.AGE_OVER_50_NEW_PAIN)
                .startBack(new StartBackAnswers(true, false, true, false, true, false, true, false, Bothersomeness.EXTREMELY))
                .build();
    }

    private static Patient withId(String id) {
        return Patient.builder().patientId(id).age(30).build();
    }

    /** A valid patient with any mix of known and unknown values, every code and side. */
    private static Patient generated(Random r) {
        Patient.Builder b = Patient.builder();
        if (r.nextInt(5) > 0) {
            b.patientId(r.nextInt(10) == 0 ? "" : "p-" + Long.toHexString(r.nextLong()) + (r.nextBoolean() ? "é\"\n" : ""));
        }
        b.age(r.nextInt(6) == 0 ? null : r.nextInt(121));
        Double weeks = switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> (double) r.nextInt(600);
            case 2 -> r.nextDouble() * 520;
            case 3 -> Math.round(r.nextDouble() * 100) / 4.0;
            default -> Math.abs(r.nextGaussian()) * Math.pow(10, r.nextInt(30) - 10);
        };
        b.pain(r.nextInt(6) == 0 ? null : pick(r, Region.values()), weeks, r.nextInt(6) == 0 ? null : r.nextInt(11));
        List<Muscle> muscles = new ArrayList<>(List.of(Muscle.values()));
        Collections.shuffle(muscles, r);
        for (Muscle m : muscles.subList(0, r.nextInt(6))) {
            List<Side> sides = r.nextBoolean() ? List.of(r.nextBoolean() ? Side.BOTH : Side.LEFT)
                    : List.of(Side.LEFT, Side.RIGHT);
            for (Side side : sides) {
                b.muscle(new MuscleFinding(m, r.nextInt(5) == 0 && side == Side.BOTH ? null : side, maybe(r, Strength.values()),
                        maybe(r, Length.values()), maybeBool(r)));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.injury(new Injury(pick(r, InjuryType.values()), maybe(r, Muscle.values()), maybe(r, Side.values()),
                    r.nextInt(4) == 0 ? null : r.nextInt(400)));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.surgery(new Surgery(maybe(r, Region.values()), r.nextInt(4) == 0 ? null : r.nextInt(Integer.MAX_VALUE)));
        }
        if (r.nextInt(3) > 0) {
            b.stretching(new StretchingHistory(r.nextInt(4) == 0 ? null : r.nextInt(51),
                    r.nextInt(4) == 0 ? null : r.nextInt(200), maybeBool(r), maybeBool(r), maybeBool(r), maybeBool(r),
                    maybeBool(r), maybeBool(r), maybeBool(r), maybeBool(r)));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.signs(pick(r, Sign.values()));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.lifestyle(pick(r, Lifestyle.values()));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.redFlags(pick(r, RedFlag.values()));
        }
        if (r.nextInt(4) == 0) {
            b.startBack(new StartBackAnswers(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                    r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), pick(r, Bothersomeness.values())));
        }
        return b.build();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T maybe(Random r, T[] values) {
        return r.nextInt(4) == 0 ? null : pick(r, values);
    }

    private static Boolean maybeBool(Random r) {
        return r.nextInt(3) == 0 ? null : r.nextBoolean();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/scenarios")) && Files.isDirectory(dir.resolve("rules-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static String resource(String name) {
        try (InputStream in = JsonCodecPatientWriteTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
