package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.json.JsonCodec;
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
import org.physiocds.model.Strength;

/**
 * What a host application logs when a patient is invalid, its exception message, never holds a
 * value the patient gave, nor a field name the interchange format does not have: for the bad
 * example files of the repository, every invalid value in every field of every example scenario's
 * patient, unknown fields (named like patient data) at every level, and the validator's own cases.
 * Every problem keeps the detail: its exact path, and the offending value in {@code given}.
 */
class NoPatientValuesInMessagesTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROOT = repositoryRoot();

    /** Numbers that expectations hold on their own (ranges, limits): a given number equal to one proves nothing. */
    private static final Set<String> LIBRARY_NUMBERS = Set.of("0", "1", "3", "9", "10", "16", "50", "100", "120",
            "1000", "10000", "-2147483648", "2147483647");
    /** Codes and field names are the format's own words; a valid code given is in the list of codes expected. */
    private static final Set<String> VOCABULARY = vocabulary();

    /** Values that no range or code list allows, each a distinct token, to put in place of every value. */
    private static final List<JsonNode> BAD_VALUES = List.of(
            JsonNodeFactory.instance.numberNode(4242),
            JsonNodeFactory.instance.numberNode(-9876),
            JsonNodeFactory.instance.numberNode(45.25),
            JsonNodeFactory.instance.numberNode(98765432109L),
            JsonNodeFactory.instance.textNode("Jane-Doe-born-1970"),
            JsonNodeFactory.instance.textNode("lower_back"));
    /** Field names a careless app could send: patient data in the name itself. */
    private static final List<String> BAD_NAMES = List.of("hiv_positive", "Jane Doe", "mrn.55501[3]", "",
            "\"quoted\"", "diagnosis");

    @Test
    void exampleBadFiles_messagesHoldNoGivenValue() throws IOException {
        List<Path> files = List.of(
                ROOT.resolve("examples/patients/bad-patient.json"),
                ROOT.resolve("examples/src/test/resources/org/physiocds/examples/cli/three-bad-fields.json"),
                ROOT.resolve("rules-core/src/test/resources/org/physiocds/json/three-errors.json"));
        for (Path file : files) {
            assertNoGivenValueInTheMessage(file.toString(), Files.readString(file));
        }
        JsonNode scenario = MAPPER.readTree(ROOT.resolve("examples/src/test/resources/org/physiocds/examples/cli/invalid-scenario.json").toFile());
        assertNoGivenValueInTheMessage("invalid-scenario.json", scenario.get("patient").toString());
    }

    @Test
    void badPatientExample_messageExactly() throws IOException {
        String doc = Files.readString(ROOT.resolve("examples/patients/bad-patient.json"));

        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.readPatient(doc));

        assertEquals("9 invalid field(s): age: expected an integer from 0 to 120; painRegion: expected one of"
                + " LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE; painIntensity: expected an integer (no"
                + " decimal point or exponent); muscles[1].muscle: expected one of " + codes(Muscle.values()) + ";"
                + " muscles[1].feelsTight: expected true or false, was a string; injuries[0].daysAgo: expected an"
                + " integer of at least 0; stretching.sessionsPerWeek: expected an integer from 0 to 50;"
                + " stretching.<unknown field>: expected one of the fields " + String.join(", ", InterchangeFields.STRETCHING)
                + "; this field is unknown; signs[1]: expected one of " + codes(Sign.values()), e.getMessage());
        assertEquals(Arrays.asList("130", "\"lower_back\"", "7.5", "\"HAMSTRING\"", null, "-5", "60", null, "\"SCIATICA\""),
                e.problems().stream().map(Problem::given).toList());
        assertEquals("stretching.bouncing", e.problems().get(7).path());
    }

    @Test
    void everyBadValueInEveryFieldOfEveryScenarioPatient_messagesHoldNoGivenValue() throws IOException {
        List<JsonNode> patients = scenarioPatients();
        int documents = 0;
        int invalid = 0;
        for (JsonNode patient : patients) {
            for (String pointer : leafPointers(patient, "")) {
                for (JsonNode bad : BAD_VALUES) {
                    JsonNode doc = patient.deepCopy();
                    replace(doc, pointer, bad);
                    documents++;
                    if (assertNoGivenValueInTheMessage(pointer + " = " + bad, doc.toString())) {
                        invalid++;
                    }
                }
            }
        }
        System.out.printf("NoPatientValuesInMessagesTest: %d documents from %d scenario patients, %d invalid%n",
                documents, patients.size(), invalid);
        assertTrue(invalid > documents / 2, "most replacements make the patient invalid: " + invalid + " of " + documents);
    }

    @Test
    void unknownFieldsAtEveryLevel_messagesNeverNameThem() throws IOException {
        JsonNode base = MAPPER.readTree("""
                {"patientId": "demo-01", "age": 45, "painRegion": "LOWER_BACK", "painDurationWeeks": 26,
                 "muscles": [{"muscle": "GLUTES", "side": "BOTH", "strength": "WEAK"}],
                 "injuries": [{"type": "STRAIN", "muscle": "HAMSTRINGS", "side": "LEFT", "daysAgo": 5}],
                 "surgeries": [{"region": "LOWER_BACK", "daysAgo": 40}],
                 "stretching": {"sessionsPerWeek": 14},
                 "startBack": {"item1": true, "item2": false, "item3": true, "item4": false, "item5": true,
                               "item6": false, "item7": true, "item8": false, "item9": "VERY_MUCH"}}""");
        JSON.readPatient(base.toString()); // valid to start with
        List<String> objects = List.of("", "/muscles/0", "/injuries/0", "/surgeries/0", "/stretching", "/startBack");
        int documents = 0;
        for (String at : objects) {
            for (String name : BAD_NAMES) {
                ObjectNode doc = base.deepCopy();
                ((ObjectNode) (at.isEmpty() ? doc : doc.at(at))).put(name, "Jane-Doe-born-1970");
                InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.readPatient(doc.toString()));
                assertEquals(1, e.problems().size(), e::getMessage);
                Problem p = e.problems().get(0);
                assertTrue(p.path().contains(name.replace("\"", "\\\"")), p.path());
                assertTrue(p.loggablePath().endsWith(Problem.UNKNOWN_FIELD), p.loggablePath());
                assertNoGivenValueInTheMessage(at + "/" + name, doc.toString());
                documents++;
            }
        }
        // Repeated unknown names, and a name repeated inside an unknown object: refused while parsing.
        for (String name : BAD_NAMES) {
            String quoted = MAPPER.writeValueAsString(name);
            assertNoGivenValueInTheMessage("twice " + name, "{" + quoted + ": 1, " + quoted + ": 2}");
            assertNoGivenValueInTheMessage("inside " + name, "{\"kin\": {" + quoted + ": 1, " + quoted + ": 2}}");
            assertNoGivenValueInTheMessage("in stretching " + name,
                    "{\"stretching\": {" + quoted + ": {\"x\": 1, \"x\": 2}}}");
            documents += 3;
        }
        assertTrue(documents > 40);
    }

    @Test
    void validatorCases_messagesHoldNoGivenValue() {
        List<Arguments> cases = PatientValidatorTest.outOfRange().toList();
        for (Arguments c : cases) {
            @SuppressWarnings("unchecked")
            UnaryOperator<Patient.Builder> change = (UnaryOperator<Patient.Builder>) c.get()[0];
            String given = (String) c.get()[3];
            InvalidPatientException e = assertThrows(InvalidPatientException.class,
                    () -> PatientValidator.validate(change.apply(PatientValidatorTest.valid()).build()));
            assertEquals(given, e.problems().get(0).given());
            assertNoToken(e, given);
        }
        // The logging test's patient, and contradictions that used to name the muscle and side.
        Patient p = Patient.builder().patientId("PHI-ID-2b8e41").age(4242).pain(Region.HIP, -123.456, 77)
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.WEAK, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.NORMAL, Length.SHORT, true))
                .muscle(new MuscleFinding(Muscle.PIRIFORMIS, Side.BOTH, null, Length.SHORT, null))
                .muscle(new MuscleFinding(Muscle.PIRIFORMIS, Side.RIGHT, null, Length.SHORT, null))
                .injury(Injury.strain(Muscle.CALVES).daysAgo(-9876))
                .build();
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> PatientValidator.validate(p));
        assertEquals(6, e.problems().size(), e::getMessage);
        // (The side codes are in the expectation's own words, "either BOTH or LEFT/RIGHT findings".)
        for (String value : List.of("PHI-ID-2b8e41", "4242", "-123.456", "77", "-9876", "HAMSTRINGS", "PIRIFORMIS",
                "CALVES")) {
            assertNoToken(e, value);
        }
    }

    /**
     * Reads the document; when it is invalid, checks that the message is the problems' loggable
     * text and holds none of the document's values or made-up names. Returns whether it was invalid.
     */
    private static boolean assertNoGivenValueInTheMessage(String what, String doc) {
        InvalidPatientException e;
        try {
            JSON.readPatient(doc);
            return false;
        } catch (InvalidPatientException thrown) {
            e = thrown;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(doc);
        } catch (IOException notJsonTree) {
            tree = null; // a repeated name: the tree keeps one; the names are checked below anyway
        }
        Set<String> tokens = new HashSet<>();
        if (tree != null) {
            collect(tree, tokens);
        }
        for (Problem p : e.problems()) {
            if (p.given() != null) {
                tokens.add(p.given());
                if (p.given().startsWith("\"")) {
                    tokens.add(p.given().substring(1, p.given().length() - 1));
                }
            }
            if (!p.path().equals(p.loggablePath())) {
                tokens.addAll(madeUpNames(p.path()));
            }
        }
        tokens.removeIf(t -> t.isBlank() || VOCABULARY.contains(t) || LIBRARY_NUMBERS.contains(t));
        for (String token : tokens) {
            if (containsToken(loggedText(e), token)) {
                fail(what + ": the message quotes \"" + token + "\": " + e.getMessage());
            }
        }
        return true;
    }

    private static void assertNoToken(InvalidPatientException e, String token) {
        assertFalse(containsToken(loggedText(e), token), () -> "the message quotes " + token + ": " + e.getMessage());
    }

    /** The message after its count, which must be exactly the problems' own text. */
    private static String loggedText(InvalidPatientException e) {
        String prefix = e.problems().size() + " invalid field(s): ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        String rest = e.getMessage().substring(prefix.length());
        assertEquals(e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")), rest);
        return rest;
    }

    /** Whether the text holds the token, not as part of a longer word or number. */
    private static boolean containsToken(String text, String token) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(token) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    private static void collect(JsonNode node, Set<String> tokens) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                tokens.add(field.getKey());
                collect(field.getValue(), tokens);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, tokens));
        } else if (node.isTextual()) {
            tokens.add(node.textValue());
        } else if (node.isNumber()) {
            tokens.add(node.asText());
            tokens.add(node.toString());
        }
    }

    /** The name segments of an exact path: what a loggable path may have left out. */
    private static List<String> madeUpNames(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split("[.\\[\\]]")) {
            if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                names.add(part.startsWith("\"") && part.endsWith("\"") && part.length() > 1
                        ? part.substring(1, part.length() - 1) : part);
            }
        }
        names.add(path);
        return names;
    }

    private static List<String> leafPointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> pointers.addAll(leafPointers(f.getValue(), at + "/" + f.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(leafPointers(node.get(i), at + "/" + i));
            }
        } else {
            pointers.add(at);
        }
        return pointers;
    }

    private static void replace(JsonNode doc, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? doc : doc.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static List<JsonNode> scenarioPatients() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("examples/scenarios"))) {
            List<JsonNode> patients = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                patients.add(MAPPER.readTree(file.toFile()).get("patient"));
            }
            assertTrue(patients.size() >= 20, "scenarios found: " + patients.size());
            return patients;
        }
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Set<String> vocabulary() {
        Set<String> words = new HashSet<>();
        for (Enum<?>[] values : List.<Enum<?>[]>of(Muscle.values(), Region.values(), Side.values(), Strength.values(),
                Length.values(), InjuryType.values(), Sign.values(), Lifestyle.values(), RedFlag.values(),
                Bothersomeness.values())) {
            Arrays.stream(values).map(Enum::name).forEach(words::add);
        }
        for (List<String> names : List.of(InterchangeFields.PATIENT, InterchangeFields.MUSCLE, InterchangeFields.INJURY,
                InterchangeFields.SURGERY, InterchangeFields.STRETCHING, InterchangeFields.START_BACK)) {
            words.addAll(names);
        }
        return Set.copyOf(words);
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/scenarios")) && Files.isDirectory(dir.resolve("rules-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
