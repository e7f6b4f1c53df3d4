package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.physiocds.CdsEngine;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * Malformed and hostile documents against the JSON codec, end to end: whatever the bytes, reading
 * either gives a patient that the engine then evaluates, or an {@link InvalidPatientException}
 * whose problems have a path and an expectation in words (no exception text, no Jackson internals);
 * never any other exception, within a bounded time and allocation per document. The codec's input
 * limits are {@link JsonCodec#MAX_DOCUMENT_LENGTH} and its neighbours.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsonCodecFuzzTest {

    /** A document, however hostile, is refused (or read) within this long... */
    private static final long MAX_MILLIS_PER_DOCUMENT = 2_000;
    /** ...and allocating at most this much, whatever its size within the limits. */
    private static final long MAX_BYTES_ALLOCATED_PER_DOCUMENT = 256L << 20;
    private static final int MUTATIONS = 5_000;

    private static final JsonCodec JSON = new JsonCodec();
    private static final List<String> VALID = new ArrayList<>();
    private final CdsEngine engine = Fixtures.ENGINE;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long slowest;
    private long hungriest;

    @BeforeAll
    static void validDocuments() throws IOException {
        VALID.addAll(validDocumentsToBreak());
        for (String doc : VALID) {
            JSON.readPatient(doc); // each must be valid to start with
        }
    }

    /**
     * The contract's example and every example scenario's patient: valid documents to break. Shared
     * with {@link InterchangeSchemaTest}, which checks the schema against the reader on this corpus.
     */
    static List<String> validDocumentsToBreak() throws IOException {
        List<String> valid = new ArrayList<>();
        valid.add(CONTRACT_EXAMPLE);
        Path scenarios = SeedFiles.ROOT.resolve("examples/scenarios");
        if (Files.isDirectory(scenarios)) {
            ObjectMapper mapper = new ObjectMapper();
            try (Stream<Path> files = Files.list(scenarios)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode patient = mapper.readTree(file.toFile()).get("patient");
                    if (patient != null) {
                        valid.add(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(patient));
                    }
                }
            }
        }
        return valid;
    }

    @Test
    void readPatient_everyTruncation_isACleanError() {
        int documents = 0;
        for (String doc : VALID) {
            for (int end = 0; end < doc.length(); end++) {
                String prefix = doc.substring(0, end);
                if (prefix.strip().endsWith("}") && prefix.strip().startsWith("{") && balanced(prefix)) {
                    continue; // a complete object after all
                }
                assertRefused(prefix);
                documents++;
            }
        }
        report("truncations", documents);
    }

    @Test
    void readPatient_deepNesting_isACleanError() {
        int depth = 10_000;
        assertRefused("[".repeat(depth) + "]".repeat(depth));
        assertRefused("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        assertRefused("{\"muscles\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        assertRefused("{\"stretching\":" + "{\"x\":".repeat(depth) + "null" + "}".repeat(depth + 1));
        assertRefused("[".repeat(1_000_000)); // unclosed, and as long as the document limit
        report("deep nestings", 5);
    }

    @Test
    void readPatient_hugeArrays_isACleanError() {
        assertRefused("{\"muscles\":[" + "null,".repeat(999_999) + "null]}"); // 10^6 elements, over the limit
        assertRefused("{\"signs\":[" + "1,".repeat(999_999) + "1]}");
        // Within the document limit, but far more elements than a patient has:
        assertRefused("{\"muscles\":[" + "null,".repeat(150_000) + "null]}");
        assertRefused("{\"signs\":[" + "\"X\",".repeat(150_000) + "\"X\"]}");
        assertRefused("{\"signs\":[" + "\"X\",".repeat(100_000) + "null],\"lifestyle\":[" + "null,".repeat(50_000) + "null]}");
        assertRefused("{\"injuries\":[" + "{\"daysAgo\":-1},".repeat(60_000) + "{}]}");
        // Many problems in other shapes: unknown fields by the hundred thousand, in one object or many.
        StringBuilder fields = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            fields.append("\"f").append(i).append("\":1,");
        }
        assertRefused(fields.append("\"age\":-1}").toString());
        assertRefused("{\"muscles\":[" + "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8},".repeat(999)
                + "{}],\"signs\":[" + "null,".repeat(999) + "null]}");
        report("huge arrays", 8);
    }

    @Test
    void readPatient_hugeNumbers_isACleanError() {
        String thousandDigits = "1" + "0".repeat(1000);
        for (String number : List.of("1e400", "-1e400", "1e-400", "1E+2147483648", thousandDigits, "-" + thousandDigits,
                "123456789012345678901234567890", "2147483648", "-2147483649", "0.0000000000000000001",
                "1" + "0".repeat(49), "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "1e")) {
            for (String field : List.of("age", "painDurationWeeks", "painIntensity")) {
                assertRefusedOrRead("{\"" + field + "\":" + number + "}");
            }
            assertRefusedOrRead("{\"injuries\":[{\"type\":\"STRAIN\",\"daysAgo\":" + number + "}]}");
            assertRefusedOrRead("{\"stretching\":{\"sessionsPerWeek\":" + number + "}}");
        }
        report("huge numbers", 100);
    }

    @Test
    void readPatient_wrongTypes_isACleanError() {
        List<String> values = List.of("\"text\"", "12", "-3.5", "true", "{}", "[]", "[1,2]", "{\"a\":1}", "\"\"", "\"\\u0000\"");
        List<String> fields = List.of("patientId", "age", "painRegion", "painDurationWeeks", "painIntensity", "muscles",
                "injuries", "surgeries", "stretching", "signs", "lifestyle", "redFlags", "startBack");
        int documents = 0;
        for (String field : fields) {
            for (String value : values) {
                assertRefusedOrRead("{\"" + field + "\":" + value + "}");
                assertRefusedOrRead("{\"muscles\":[{\"muscle\":" + value + ",\"side\":" + value + ",\"feelsTight\":" + value + "}]}");
                assertRefusedOrRead("{\"stretching\":{\"ballistic\":" + value + ",\"sessionsPerWeek\":" + value + "}}");
                assertRefusedOrRead("{\"startBack\":{\"item1\":" + value + ",\"item9\":" + value + "}}");
                assertRefusedOrRead("{\"" + field + "\":[" + value + "," + value + "]}");
                documents += 5;
            }
        }
        for (String root : List.of("", " ", "null", "[]", "[{}]", "1", "\"patient\"", "true", "{}{}", "{} x", "{\"age\":1}}")) {
            assertRefusedOrRead(root);
            documents++;
        }
        report("wrong types", documents);
    }

    @Test
    void readPatient_duplicateKeys_isACleanErrorNamingTheField() {
        assertProblemAt("{\"age\":40,\"age\":41}", "age");
        assertProblemAt("{\"muscles\":[{\"muscle\":\"GLUTES\",\"muscle\":\"CALVES\"}]}", "muscles[0].muscle");
        assertProblemAt("{\"stretching\":{\"ballistic\":true,\"ballistic\":false}}", "stretching.ballistic");
        assertProblemAt("{\"startBack\":{\"item9\":\"SLIGHTLY\",\"item9\":\"SLIGHTLY\"}}", "startBack.item9");
        assertProblemAt("{\"\":1,\"\":1}", "[\"\"]");
        assertProblemAt("{\"stretching\":{\"\":1}}", "stretching[\"\"]");
        report("duplicate keys", 6);
    }

    @Test
    void readPatient_hostileText_isACleanError() {
        assertRefused("{\"patientId\":\"" + "x".repeat(900_000) + "\"}");       // a string over its limit
        assertRefused("{\"" + "k".repeat(50_000) + "\":1}");                      // a field name over its limit
        assertRefused(" ".repeat(1_000_001) + "{}");                              // whitespace over the document limit
        assertRefusedOrRead("{\"painRegion\":\"" + "LOWER_BACK".repeat(900) + "\"}"); // a long unknown code
        assertRefusedOrRead("{\"patientId\":\"\\ud800\"}");                       // a lone surrogate
        assertRefused("{\"age\":1,}");
        assertRefused("{'age':1}");
        assertRefused("{age:1}");
        assertRefused("{\"age\":1 /* comment */}");
        assertRefused("\u0000");
        report("hostile text", 10);
    }

    @Test
    void readPatient_hostileBytes_isACleanError() {
        List<byte[]> docs = List.of(
                new byte[] {(byte) 0xC3, (byte) 0x28},                              // invalid UTF-8
                bytes("{\"patientId\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}"),
                bytes("{\"patientId\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), // encoded surrogate
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},               // UTF-16 BE with BOM
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0},                       // UTF-16 LE, cut in half
                new byte[] {0, 0, 0, '{', 0, 0, 0},                                   // UTF-32, cut short
                new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{'},           // UTF-32 BE BOM, unclosed
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},        // UTF-8 BOM: fine
                new byte[] {0, 0, 0, 0},
                new byte[0]);
        for (byte[] doc : docs) {
            assertRefusedOrReadBytes(doc);
        }
        report("hostile bytes", docs.size());
    }

    /** Random byte mutations of the valid documents, read from bytes (so encodings are exercised). */
    @Test
    void readPatient_randomMutationsOfValidDocuments_isACleanErrorOrAPatient() {
        Random random = new Random(Fixtures.SEED);
        int read = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] doc = VALID.get(random.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                doc = mutate(doc, random);
            }
            if (assertRefusedOrReadBytes(doc)) {
                read++;
            }
        }
        System.out.printf("JsonCodecFuzzTest: %d random mutations (seed %d), %d still read as a patient and evaluated%n",
                MUTATIONS, Fixtures.SEED, read);
        assertTrue(read > 0 && read < MUTATIONS, "mutations both broke and kept documents: " + read);
        report("random mutations", MUTATIONS);
    }

    /** One random edit of a document: the mutations of this test, shared with {@link InterchangeSchemaTest}. */
    static byte[] mutate(byte[] doc, Random random) {
        int at = doc.length == 0 ? 0 : random.nextInt(doc.length);
        byte[] tokens = "{}[]\":,-0123456789.eE \\ntrufalsn".getBytes(StandardCharsets.US_ASCII);
        return switch (random.nextInt(6)) {
            case 0 -> { // replace a byte with any byte
                byte[] copy = doc.clone();
                if (copy.length > 0) {
                    copy[at] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 1 -> { // replace a byte with a JSON token character
                byte[] copy = doc.clone();
                if (copy.length > 0) {
                    copy[at] = tokens[random.nextInt(tokens.length)];
                }
                yield copy;
            }
            case 2 -> splice(doc, at, Math.min(doc.length, at + 1 + random.nextInt(8)), new byte[0]); // delete
            case 3 -> splice(doc, at, at, new byte[] {tokens[random.nextInt(tokens.length)]});       // insert
            case 4 -> { // repeat a slice (duplicate keys, elements)
                int end = Math.min(doc.length, at + 1 + random.nextInt(64));
                byte[] slice = java.util.Arrays.copyOfRange(doc, at, end);
                yield splice(doc, end, end, slice);
            }
            default -> { // a number in place of a digit, often out of range
                byte[] number = random.nextBoolean() ? "-1".getBytes(StandardCharsets.US_ASCII)
                        : String.valueOf(random.nextLong()).getBytes(StandardCharsets.US_ASCII);
                yield splice(doc, at, Math.min(doc.length, at + 1), number);
            }
        };
    }

    private static byte[] splice(byte[] doc, int from, int to, byte[] insert) {
        byte[] result = new byte[doc.length - (to - from) + insert.length];
        System.arraycopy(doc, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(doc, to, result, from + insert.length, doc.length - to);
        return result;
    }

    private void assertRefused(String doc) {
        if (readOrRefuse(doc.getBytes(StandardCharsets.UTF_8), doc) != null) {
            fail("read as a patient: " + abbreviate(doc));
        }
    }

    private void assertRefusedOrRead(String doc) {
        readOrRefuse(doc.getBytes(StandardCharsets.UTF_8), doc);
    }

    /** True when the document was read (and then evaluated or refused by the engine). */
    private boolean assertRefusedOrReadBytes(byte[] doc) {
        return readOrRefuse(doc, null) != null;
    }

    private void assertProblemAt(String doc, String path) {
        try {
            JSON.readPatient(doc);
            fail("read as a patient: " + doc);
        } catch (InvalidPatientException e) {
            assertEquals(List.of(path), e.problems().stream().map(Problem::path).toList(), e.getMessage());
        }
    }

    /**
     * Reads the document (as a string when {@code text} is given, else as bytes), checks the error
     * or evaluates the patient, and bounds time and allocation. Returns the patient, or null.
     */
    private Patient readOrRefuse(byte[] bytes, String text) {
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        Patient patient = null;
        try {
            patient = text != null ? JSON.readPatient(text) : JSON.readPatient(new ByteArrayInputStream(bytes));
        } catch (InvalidPatientException e) {
            assertCleanError(e, bytes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("not a clean error: " + e + " for " + abbreviate(new String(bytes, StandardCharsets.UTF_8)), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        slowest = Math.max(slowest, millis);
        hungriest = Math.max(hungriest, allocated);
        assertTrue(millis <= MAX_MILLIS_PER_DOCUMENT, () -> millis + " ms for " + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
        assertTrue(allocated <= MAX_BYTES_ALLOCATED_PER_DOCUMENT,
                () -> (allocated >> 20) + " MB allocated for " + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
        if (patient != null) {
            engine.evaluate(patient); // read means valid: the engine must evaluate it without any exception
        }
        return patient;
    }

    private static void assertCleanError(InvalidPatientException e, byte[] doc) {
        assertFalse(e.problems().isEmpty(), "an error lists at least one problem");
        for (Problem p : e.problems()) {
            assertTrue(p.path() != null && !p.path().isBlank() && p.expected() != null && !p.expected().isBlank(),
                    () -> "problem without path or expectation: " + p);
            String words = p.toString();
            for (String internal : List.of("Exception", "com.fasterxml", "jackson", "\tat ", "java.")) {
                assertFalse(words.contains(internal), () -> "problem shows internals (" + internal + "): " + p);
            }
        }
        assertTrue(e.getMessage().length() <= 200_000,
                () -> "an error of " + e.getMessage().length() + " characters for " + abbreviate(new String(doc, StandardCharsets.UTF_8)));
    }

    private void report(String what, int documents) {
        System.out.printf("JsonCodecFuzzTest: %d %s, slowest %d ms, most allocated %d MB%n", documents, what, slowest,
                hungriest >> 20);
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth == 0 && !inString;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(middle, 0, result, a.length, middle.length);
        System.arraycopy(c, 0, result, a.length + middle.length, c.length);
        return result;
    }

    private static String abbreviate(String doc) {
        return doc.length() <= 200 ? doc : doc.substring(0, 200) + "... (" + doc.length() + " characters)";
    }

    private static final String CONTRACT_EXAMPLE = """
            {
              "patientId": "demo-01", "age": 45, "painRegion": "LOWER_BACK", "painDurationWeeks": 26,
              "painIntensity": 6,
              "muscles": [{"muscle": "GLUTES", "side": "BOTH", "strength": "WEAK", "length": "LONG", "feelsTight": false}],
              "injuries": [{"type": "STRAIN", "muscle": "HAMSTRINGS", "side": "LEFT", "daysAgo": 5}],
              "surgeries": [{"region": "LOWER_BACK", "daysAgo": 40}],
              "stretching": {"sessionsPerWeek": 14, "painReturnsWithinMinutes": 30, "needsMoreForSameRelief": true,
                "worseNextDay": false, "worseDespiteConsistentStretching": false, "painDuringStretch": false,
                "ballistic": false, "warmsUpFirst": true, "staticBeforeExercise": false, "aggressive": false},
              "signs": ["SPINAL_COMPRESSION"], "lifestyle": ["SEDENTARY", "POOR_SLEEP"], "redFlags": [],
              "startBack": {"item1": true, "item2": false, "item3": true, "item4": false, "item5": true,
                "item6": false, "item7": true, "item8": false, "item9": "VERY_MUCH"}
            }""";
}
