package org.physiocds.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.physiocds.Action;
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.StartBackResult;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;
import org.physiocds.Topic;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Reads a scenario file as strictly as a patient: unknown fields, wrong types and unknown codes
 * are problems, every one listed with its path; the patient inside is read by the interchange
 * codec, its problems' paths prefixed with {@code patient.}.
 */
final class ScenarioReader {

    /** A scenario file that cannot be run: every problem found, each with its JSON path. */
    static final class InvalidScenarioException extends Exception {
        private final transient List<Problem> problems;

        InvalidScenarioException(List<Problem> problems) {
            super(problems.size() + " problem(s) in the scenario file");
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private static final List<String> SCENARIO_FIELDS = List.of("description", "patient", "expect");
    private static final List<String> EXPECT_FIELDS = List.of("mustRecommend", "mustNotRecommend", "mustFlag",
            "mustNotFlag", "mustSuppress", "startBack", "mustCite");
    /** The catalog's G01-G40, and the screening sources' ids such as NG59-1.1.1 (see guidance.tsv). */
    private static final Pattern GUIDANCE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9.]+)*");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final JsonCodec json;
    private final List<Problem> problems = new ArrayList<>();

    private ScenarioReader(JsonCodec json) {
        this.json = json;
    }

    static Scenario read(Path file, JsonCodec json) throws IOException, InvalidScenarioException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (StreamConstraintsException e) {
            throw new InvalidScenarioException(List.of(new Problem("$", "a document of a sensible size and depth")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidScenarioException(List.of(new Problem("$", "well-formed JSON with each field given once" + where)));
        }
        return new ScenarioReader(json).scenario(name, root);
    }

    private Scenario scenario(String name, JsonNode root) throws InvalidScenarioException {
        if (root == null || !root.isObject()) {
            throw new InvalidScenarioException(List.of(new Problem("$", "a JSON object with " + String.join(", ", SCENARIO_FIELDS))));
        }
        unknown(root, "", SCENARIO_FIELDS);
        String description = null;
        JsonNode d = required(root, "description");
        if (d != null && (!d.isTextual() || d.textValue().isBlank())) {
            problem("description", "a sentence saying what the scenario shows");
        } else if (d != null) {
            description = d.textValue();
        }
        Patient patient = patient(required(root, "patient"));
        Scenario.Expectations expect = expectations(required(root, "expect"));
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new Scenario(name, description, patient, expect);
    }

    private Patient patient(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return json.readPatient(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree is always writable", e);
        } catch (InvalidPatientException e) {
            e.problems().forEach(p -> problems.add(new Problem("patient" + (p.path().equals("$") ? "" : "." + p.path()),
                    p.expected(), p.given())));
            return null;
        }
    }

    private Scenario.Expectations expectations(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problem("expect", "an object with some of " + String.join(", ", EXPECT_FIELDS));
            return null;
        }
        unknown(node, "expect", EXPECT_FIELDS);
        return new Scenario.Expectations(
                list(node, "mustRecommend", (n, path) -> advised(n, path, true)),
                list(node, "mustNotRecommend", (n, path) -> advised(n, path, false)),
                list(node, "mustFlag", (n, path) -> code(n, path, FlagCode.class)),
                list(node, "mustNotFlag", (n, path) -> code(n, path, FlagCode.class)),
                list(node, "mustSuppress", this::suppressed),
                node.has("startBack") ? code(node.get("startBack"), "expect.startBack", StartBackResult.Stratum.class) : null,
                list(node, "mustCite", this::guidanceId));
    }

    private Scenario.Advised advised(JsonNode n, String path, boolean mustBeMade) {
        List<String> fields = mustBeMade ? List.of("action", "target", "side", "topic", "dosage", "rule")
                : List.of("action", "target", "side", "topic");
        if (!object(n, path, fields)) {
            return null;
        }
        Scenario.Item item = item(n, path);
        String dosage = text(n, path, "dosage", "text the recommendation's dosage must include");
        String rule = text(n, path, "rule", "the id of a rule that must be behind the recommendation, e.g. SAF-05");
        return item == null ? null : new Scenario.Advised(item, dosage, rule);
    }

    /** Action and target, and the optional side and topic that narrow which item is meant. */
    private Scenario.Item item(JsonNode n, String path) {
        Action action = code(required(n, path, "action"), path + ".action", Action.class);
        Target target = target(required(n, path, "target"), path + ".target");
        Side side = n.has("side") ? code(n.get("side"), path + ".side", Side.class) : null;
        Topic topic = n.has("topic") ? code(n.get("topic"), path + ".topic", Topic.class) : null;
        return action == null || target == null || n.has("side") && side == null || n.has("topic") && topic == null
                ? null : new Scenario.Item(action, target, side, topic);
    }

    private String text(JsonNode n, String path, String name, String expected) {
        JsonNode value = n.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problem(path + "." + name, expected);
            return null;
        }
        return value.textValue();
    }

    private Scenario.Suppressed suppressed(JsonNode n, String path) {
        if (!object(n, path, List.of("action", "target", "side", "topic", "by"))) {
            return null;
        }
        Scenario.Item item = item(n, path);
        String by = required(n, path, "by") == null ? null
                : text(n, path, "by", "the id of the rule that suppresses it, e.g. SAF-02");
        return item == null || by == null ? null : new Scenario.Suppressed(item, by);
    }

    private String guidanceId(JsonNode n, String path) {
        if (!n.isTextual() || !GUIDANCE_ID.matcher(n.textValue()).matches()) {
            problem(path, "a guidance id, such as G01 or NG59-1.1.1");
            return null;
        }
        return n.textValue();
    }

    private Target target(JsonNode n, String path) {
        if (n == null) {
            return null;
        }
        Target target = n.isTextual() ? Target.fromCode(n.textValue()) : null;
        if (target == null) {
            problem(path, "a muscle code, a region code or GENERAL");
        }
        return target;
    }

    private <E extends Enum<E>> E code(JsonNode n, String path, Class<E> type) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(n.textValue())) {
                    return constant;
                }
            }
        }
        problem(path, "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** A list of what {@code element} reads; elements that are wrong are reported and left out. */
    private <T> List<T> list(JsonNode parent, String name, BiFunction<JsonNode, String, T> element) {
        JsonNode n = parent.get(name);
        String path = "expect." + name;
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            problem(path, "an array");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            T value = element.apply(n.get(i), path + "[" + i + "]");
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    private boolean object(JsonNode n, String path, List<String> fields) {
        if (!n.isObject()) {
            problem(path, "an object with " + String.join(", ", fields));
            return false;
        }
        unknown(n, path, fields);
        return true;
    }

    private JsonNode required(JsonNode n, String name) {
        return required(n, "", name);
    }

    private JsonNode required(JsonNode n, String path, String name) {
        JsonNode value = n.get(name);
        if (value == null || value.isNull()) {
            problem(path.isEmpty() ? name : path + "." + name, "a value, was missing");
            return null;
        }
        return value;
    }

    private void unknown(JsonNode n, String path, List<String> known) {
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name,
                        "one of the fields " + String.join(", ", known) + "; this field is unknown");
            }
        }
    }

    private void problem(String path, String expected) {
        problems.add(new Problem(path, expected));
    }
}
