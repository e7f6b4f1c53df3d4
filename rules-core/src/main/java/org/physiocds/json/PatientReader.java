package org.physiocds.json;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.internal.InterchangeFields;
import org.physiocds.internal.PatientValidator;
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
 * Turns a parsed document into a {@link Patient}, collecting every problem rather than stopping
 * at the first. This layer checks what only JSON can get wrong (unknown fields, types, codes,
 * missing STarT Back items); ranges and consistency are {@link PatientValidator}'s, run on the
 * built patient so that both layers' problems come out in one list, in document order.
 *
 * <p>A field whose value is wrong is built as unknown ({@code null}), list elements keep their
 * index, so the validator's paths still point at the document; a validator problem at or
 * around a path this layer already reported is dropped as a repetition. One instance per read.
 *
 * <p>No problem's {@code expected} quotes the document: a value out of range or an unknown code
 * goes to {@link Problem#given()} (as JSON text), a wrong type is named by its JSON type only, and
 * an unknown field's name is only in the path, which messages show as
 * {@link Problem#loggablePath()}.
 */
final class PatientReader {

    private static final List<String> PATIENT_FIELDS = InterchangeFields.PATIENT;
    private static final List<String> MUSCLE_FIELDS = InterchangeFields.MUSCLE;
    private static final List<String> INJURY_FIELDS = InterchangeFields.INJURY;
    private static final List<String> SURGERY_FIELDS = InterchangeFields.SURGERY;
    private static final List<String> STRETCHING_FIELDS = InterchangeFields.STRETCHING;
    private static final List<String> START_BACK_FIELDS = InterchangeFields.START_BACK;

    /** A field name written as {@code .name} in a path; any other is written {@code ["name"]}. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<Problem> problems = new ArrayList<>();
    private Set<String> reportedPaths;
    private Set<String> aroundReported;

    Patient read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new InvalidPatientException(List.of(new Problem("$", "a JSON object holding one patient, but the document is empty")));
        }
        if (!root.isObject()) {
            throw new InvalidPatientException(List.of(new Problem("$", "a JSON object holding one patient, was " + kind(root))));
        }
        Fields p = new Fields(root, "", PATIENT_FIELDS);
        Patient.Builder b = Patient.builder()
                .patientId(p.string("patientId"))
                .age(p.integer("age"))
                .pain(p.code("painRegion", Region.class), p.number("painDurationWeeks"), p.integer("painIntensity"));
        orEmpty(p.objects("muscles", MUSCLE_FIELDS, this::muscle)).forEach(b::muscle);
        orEmpty(p.objects("injuries", INJURY_FIELDS, this::injury)).forEach(b::injury);
        orEmpty(p.objects("surgeries", SURGERY_FIELDS, this::surgery)).forEach(b::surgery);
        List<RedFlag> redFlags = p.codes("redFlags", RedFlag.class);
        if (redFlags != null) {
            b.redFlags(redFlags.toArray(RedFlag[]::new)); // [] is "screened, none"; absent is "not screened" (v1.3)
        }
        Patient patient = b.stretching(p.object("stretching", STRETCHING_FIELDS, this::stretching))
                .signs(orEmpty(p.codes("signs", Sign.class)).toArray(Sign[]::new))
                .lifestyle(orEmpty(p.codes("lifestyle", Lifestyle.class)).toArray(Lifestyle[]::new))
                .startBack(p.object("startBack", START_BACK_FIELDS, this::startBack))
                .build();
        List<Problem> all = new ArrayList<>(problems);
        try {
            PatientValidator.validate(patient);
        } catch (InvalidPatientException e) {
            e.problems().stream().filter(v -> !repeats(v)).forEach(all::add);
        }
        if (!all.isEmpty()) {
            throw new InvalidPatientException(atMost(JsonCodec.MAX_PROBLEMS, inDocumentOrder(all, root)));
        }
        return patient;
    }

    /** A list that is absent (or not a list) adds nothing. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private MuscleFinding muscle(Fields f) {
        return new MuscleFinding(f.code("muscle", Muscle.class), f.code("side", Side.class),
                f.code("strength", Strength.class), f.code("length", Length.class), f.bool("feelsTight"));
    }

    private Injury injury(Fields f) {
        return new Injury(f.code("type", InjuryType.class), f.code("muscle", Muscle.class),
                f.code("side", Side.class), f.integer("daysAgo"));
    }

    private Surgery surgery(Fields f) {
        return new Surgery(f.code("region", Region.class), f.integer("daysAgo"), f.code("side", Side.class));
    }

    private StretchingHistory stretching(Fields f) {
        return new StretchingHistory(f.integer("sessionsPerWeek"), f.integer("painReturnsWithinMinutes"),
                f.bool("needsMoreForSameRelief"), f.bool("worseNextDay"),
                f.bool("worseDespiteConsistentStretching"), f.bool("painDuringStretch"), f.bool("ballistic"),
                f.bool("warmsUpFirst"), f.bool("staticBeforeExercise"), f.bool("aggressive"));
    }

    private StartBackAnswers startBack(Fields f) {
        Boolean[] agree = new Boolean[8];
        for (int i = 0; i < 8; i++) {
            String item = START_BACK_FIELDS.get(i);
            f.require(item, "true (agree) or false (disagree)");
            agree[i] = f.bool(item);
        }
        f.require("item9", "one of " + codes(Bothersomeness.class));
        return new StartBackAnswers(agree[0], agree[1], agree[2], agree[3], agree[4], agree[5], agree[6],
                agree[7], f.code("item9", Bothersomeness.class));
    }

    /** The fields of one JSON object at {@code path}; reports the unknown ones on creation. */
    private final class Fields {
        private final JsonNode node;
        private final String path;

        Fields(JsonNode node, String path, List<String> known) {
            this.node = node;
            this.path = path;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(at(name), "one of the fields " + String.join(", ", known) + "; this field is unknown");
                }
            }
        }

        private String at(String name) {
            return child(path, name);
        }

        /** The value, or {@code null} when the field is absent or JSON null: not known. */
        private JsonNode get(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        void require(String name, String expected) {
            if (get(name) == null) {
                problem(at(name), expected + ", was missing");
            }
        }

        String string(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                problem(at(name), "a string, was " + kind(value));
                return null;
            }
            return value.textValue();
        }

        Integer integer(String name) {
            return PatientReader.this.integer(get(name), at(name));
        }

        Double number(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                problem(at(name), "a number, was " + kind(value));
                return null;
            }
            return value.doubleValue();
        }

        Boolean bool(String name) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                problem(at(name), "true or false, was " + kind(value));
                return null;
            }
            return value.booleanValue();
        }

        <E extends Enum<E>> E code(String name, Class<E> type) {
            return PatientReader.this.code(get(name), at(name), type);
        }

        <E extends Enum<E>> List<E> codes(String name, Class<E> type) {
            return list(name, (element, elementPath) -> PatientReader.this.code(element, elementPath, type));
        }

        /** A list; an element that is wrong is kept as {@code null} so later indices still match. */
        <T> List<T> list(String name, BiFunction<JsonNode, String, T> element) {
            JsonNode value = get(name);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                problem(at(name), "an array, was " + kind(value));
                return null;
            }
            if (value.size() > JsonCodec.MAX_LIST_LENGTH) {
                problem(at(name), "an array of at most " + JsonCodec.MAX_LIST_LENGTH + " elements");
                return null;
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                String elementPath = at(name) + "[" + i + "]";
                JsonNode item = value.get(i);
                result.add(item.isNull() ? null : element.apply(item, elementPath));
            }
            return result;
        }

        /** A list of objects with the {@code known} fields, each read by {@code reader}. */
        <T> List<T> objects(String name, List<String> known, Function<Fields, T> reader) {
            return list(name, (element, elementPath) -> PatientReader.this.object(element, elementPath, known, reader));
        }

        <T> T object(String name, List<String> known, Function<Fields, T> reader) {
            return PatientReader.this.object(get(name), at(name), known, reader);
        }
    }

    private <T> T object(JsonNode value, String path, List<String> known, Function<Fields, T> reader) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(path, "an object, was " + kind(value));
            return null;
        }
        return reader.apply(new Fields(value, path, known));
    }

    private Integer integer(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(path, "an integer, was " + kind(value));
            return null;
        }
        if (!value.isIntegralNumber()) {
            problem(path, "an integer (no decimal point or exponent)", value.toString());
            return null;
        }
        if (!value.canConvertToInt()) {
            problem(path, "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value.toString());
            return null;
        }
        return value.intValue();
    }

    private <E extends Enum<E>> E code(JsonNode value, String path, Class<E> type) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(path, "one of " + codes(type) + ", was " + kind(value));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.textValue())) {
                return constant;
            }
        }
        problem(path, "one of " + codes(type), value.toString());
        return null;
    }

    private void problem(String path, String expected) {
        problems.add(new Problem(path, expected));
    }

    private void problem(String path, String expected, String given) {
        problems.add(new Problem(path, expected, given));
    }

    /**
     * Whether the validator's problem is at, inside or around a path this layer reported. Looked
     * up in sets, not by comparing every pair: a hostile document can hold many thousands of each.
     */
    private boolean repeats(Problem validatorProblem) {
        if (reportedPaths == null) {
            reportedPaths = new HashSet<>();
            aroundReported = new HashSet<>();
            for (Problem p : problems) {
                reportedPaths.add(p.path());
                for (String at = p.path(); !at.equals("$"); at = parent(at)) {
                    aroundReported.add(at); // the path and every path enclosing it
                }
            }
        }
        String v = validatorProblem.path();
        if (aroundReported.contains(v)) {
            return true;
        }
        for (String at = v; !at.equals("$"); at = parent(at)) {
            if (reportedPaths.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code max} problems, and one more saying how many were left out. */
    private static List<Problem> atMost(int max, List<Problem> problems) {
        if (problems.size() <= max) {
            return problems;
        }
        List<Problem> listed = new ArrayList<>(problems.subList(0, max));
        listed.add(new Problem("$", "fewer problems: " + (problems.size() - max) + " more were found and are not listed"));
        return listed;
    }

    /**
     * {@code path.name}; or {@code path["name"]}, JSON-escaped, for a name that is not an
     * identifier (the empty name, a name with a dot or a bracket), which a dotted path cannot show
     * unambiguously.
     */
    static String child(String path, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            return path + "[\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"]";
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String codes(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The JSON type of a value, in words, without quoting it. */
    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The problems sorted by where their path is in the document; a path the document does not
     * hold (a missing field) sorts with its nearest enclosing value. The sort is stable.
     */
    private static List<Problem> inDocumentOrder(List<Problem> problems, JsonNode root) {
        Map<String, Integer> order = new HashMap<>();
        number(root, "", order);
        List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
        sorted.sort(Comparator.comparingInt(p -> position(p.path(), order)));
        return sorted;
    }

    private static void number(JsonNode node, String path, Map<String, Integer> order) {
        order.put(path.isEmpty() ? "$" : path, order.size());
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> number(e.getValue(), child(path, e.getKey()), order));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), path + "[" + i + "]", order);
            }
        }
    }

    private static int position(String path, Map<String, Integer> order) {
        for (String p = path; ; p = parent(p)) {
            Integer position = order.get(p);
            if (position != null) {
                return position;
            }
            if (p.equals("$")) {
                return 0;
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    /** The path of the value a parser is at, in the style {@code muscles[2].strength}. */
    static String pathOf(JsonStreamContext context) {
        List<JsonStreamContext> outward = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            outward.add(c);
        }
        String path = "";
        for (int i = outward.size() - 1; i >= 0; i--) {
            JsonStreamContext c = outward.get(i);
            if (c.inArray()) {
                path = path + "[" + Math.max(c.getCurrentIndex(), 0) + "]";
            } else if (c.getCurrentName() != null) {
                path = child(path, c.getCurrentName());
            }
        }
        return path.isEmpty() ? "$" : path;
    }
}
