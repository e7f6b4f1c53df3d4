package org.physiocds.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.physiocds.Action;
import org.physiocds.CdsException;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff;
import org.physiocds.ExerciseHold;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Phase;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Severity;
import org.physiocds.SourceKind;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.WhatIf;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Reads an evaluation document that {@link EvaluationWriter} wrote back into an {@link Evaluation}
 * equal to the one written, so an application can store the advice beside its input and reload both.
 * Every field the writer writes is read; a document that is not such a document is refused whole,
 * naming each problem's path (never a value from the document).
 */
final class EvaluationReader {

    private final List<Problem> problems = new ArrayList<>();

    private EvaluationReader() {
    }

    static Evaluation read(JsonNode root) {
        EvaluationReader reader = new EvaluationReader();
        Evaluation evaluation = reader.evaluation(root);
        if (!reader.problems.isEmpty()) {
            // Every path is one the reader wrote itself (field names of the format and indices), never a
            // name or value from the document, so the whole path is safe to show.
            throw new CdsException("not an evaluation document: " + String.join("; ",
                    reader.problems.stream().map(p -> p.path() + ": expected " + p.expected()).toList()));
        }
        return evaluation;
    }

    private Evaluation evaluation(JsonNode n) {
        if (!n.isObject()) {
            problem("$", "an evaluation document (a JSON object)");
            return null;
        }
        JsonNode kb = object(n, "knowledgeBase");
        JsonNode t = object(n, "thresholds");
        JsonNode hold = n.get("exerciseWithheld");
        JsonNode sb = n.get("startBack");
        Thresholds thresholds = t == null ? null : thresholds(t);
        return new Evaluation(
                optionalText(n, "patientId", "patientId"),
                kb == null ? null : new KnowledgeBaseInfo(text(kb, "name", "knowledgeBase.name"),
                        text(kb, "version", "knowledgeBase.version"), text(kb, "contentHash", "knowledgeBase.contentHash")),
                thresholds,
                hold == null ? null : exerciseHold(hold),
                list(n, "recommendations", this::recommendation),
                list(n, "flags", this::flag),
                list(n, "suppressed", this::suppressed),
                sb == null ? null : new StartBackResult(integer(sb, "total", "startBack.total"),
                        integer(sb, "psychosocial", "startBack.psychosocial"),
                        code(sb, "stratum", "startBack.stratum", StartBackResult.Stratum.class)),
                n.has("missingData") ? list(n, "missingData", this::whatIf) : null,
                !n.has("redFlagsScreened") || bool(n, "redFlagsScreened", "redFlagsScreened"),
                n.has("warnings") ? list(n, "warnings", this::string) : List.of());
    }

    private ExerciseHold exerciseHold(JsonNode n) {
        Urgency urgency = code(n, "urgency", "exerciseWithheld.urgency", Urgency.class);
        String rule = text(n, "rule", "exerciseWithheld.rule");
        return urgency == null || rule == null ? null : new ExerciseHold(urgency, rule);
    }

    private Thresholds thresholds(JsonNode t) {
        int[] v = {integer(t, "recentInjuryDays", "thresholds.recentInjuryDays"),
            integer(t, "recentSurgeryDays", "thresholds.recentSurgeryDays"),
            integer(t, "painReturnMinutes", "thresholds.painReturnMinutes"),
            integer(t, "consistentSessionsPerWeek", "thresholds.consistentSessionsPerWeek"),
            integer(t, "chronicPainWeeks", "thresholds.chronicPainWeeks")};
        try {
            return new Thresholds(v[0], v[1], v[2], v[3], v[4]);
        } catch (CdsException e) {
            problem("thresholds", "thresholds within their valid ranges");
            return null;
        }
    }

    private Recommendation recommendation(JsonNode n, String path) {
        JsonNode referral = n.get("referral");
        return new Recommendation(code(n, "action", path + ".action", Action.class), target(n, path),
                optionalCode(n, "side", path + ".side", Side.class), optionalCode(n, "topic", path + ".topic", Topic.class),
                code(n, "phase", path + ".phase", Phase.class), optionalText(n, "dosage", path + ".dosage"),
                referral == null ? null : referral(referral, path + ".referral"),
                optionalCode(n, "restriction", path + ".restriction", Restriction.class),
                explanation(n.get("explanation"), path + ".explanation"),
                list(n, "alsoSupportedBy", path + ".alsoSupportedBy", this::explanation));
    }

    private Referral referral(JsonNode n, String path) {
        Urgency urgency = code(n, "urgency", path + ".urgency", Urgency.class);
        Referral.Reason reason = code(n, "reason", path + ".reason", Referral.Reason.class);
        return urgency == null || reason == null ? null : new Referral(urgency, reason);
    }

    private Flag flag(JsonNode n, String path) {
        return new Flag(code(n, "code", path + ".code", FlagCode.class), code(n, "severity", path + ".severity", Severity.class),
                explanation(n.get("explanation"), path + ".explanation"),
                list(n, "alsoSupportedBy", path + ".alsoSupportedBy", this::explanation));
    }

    private SuppressedRecommendation suppressed(JsonNode n, String path) {
        return new SuppressedRecommendation(code(n, "action", path + ".action", Action.class), target(n, path),
                optionalCode(n, "side", path + ".side", Side.class), optionalCode(n, "topic", path + ".topic", Topic.class),
                code(n, "phase", path + ".phase", Phase.class),
                explanation(n.get("explanation"), path + ".explanation"),
                explanation(n.get("suppressedBy"), path + ".suppressedBy"),
                list(n, "alsoSuppressedBy", path + ".alsoSuppressedBy", this::explanation));
    }

    private WhatIf whatIf(JsonNode n, String path) {
        return new WhatIf(text(n, "path", path + ".path"), text(n, "fact", path + ".fact"), text(n, "value", path + ".value"),
                code(n, "rank", path + ".rank", WhatIf.Rank.class), list(n, "changes", path + ".changes", this::change));
    }

    private EvaluationDiff.Change change(JsonNode n, String path) {
        return new EvaluationDiff.Change(code(n, "kind", path + ".kind", EvaluationDiff.Kind.class),
                optionalCode(n, "action", path + ".action", Action.class), n.has("target") ? target(n, path) : null,
                optionalCode(n, "side", path + ".side", Side.class), optionalCode(n, "topic", path + ".topic", Topic.class),
                optionalCode(n, "flag", path + ".flag", FlagCode.class), text(n, "rule", path + ".rule"));
    }

    private Explanation explanation(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            problem(path, "an explanation object");
            return null;
        }
        return new Explanation(text(n, "rule", path + ".rule"), text(n, "ruleName", path + ".ruleName"),
                list(n, "guidance", path + ".guidance", this::string), list(n, "facts", path + ".facts", this::string),
                text(n, "rationale", path + ".rationale"), list(n, "citations", path + ".citations", this::citation));
    }

    private Citation citation(JsonNode n, String path) {
        if (n.has("quote") == n.has("summary")) {
            problem(path, "a citation with either a quote or a summary");
        }
        return new Citation(text(n, "source", path + ".source"), code(n, "kind", path + ".kind", SourceKind.class),
                optionalText(n, "quote", path + ".quote"), optionalText(n, "summary", path + ".summary"));
    }

    private Target target(JsonNode n, String path) {
        String code = text(n, "target", path + ".target");
        // Interchange v1 names the upper back UPPER_BACK or THORACIC_SPINE in an evaluation; this
        // library writes UPPER_BACK and reads both.
        Target target = code == null ? null : Target.fromCode("THORACIC_SPINE".equals(code) ? "UPPER_BACK" : code);
        if (code != null && target == null) {
            problem(path + ".target", "a muscle, region or GENERAL code");
        }
        return target;
    }

    // ---- Fields ----------------------------------------------------------------------------------

    private <T> List<T> list(JsonNode n, String name, BiFunction<JsonNode, String, T> element) {
        return list(n, name, name, element);
    }

    private <T> List<T> list(JsonNode n, String name, String path, BiFunction<JsonNode, String, T> element) {
        JsonNode list = n.get(name);
        List<T> result = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problem(path, "a list");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            T value = element.apply(list.get(i), path + "[" + i + "]");
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    private String string(JsonNode n, String path) {
        if (!n.isTextual()) {
            problem(path, "a string");
            return null;
        }
        return n.textValue();
    }

    private JsonNode object(JsonNode n, String name) {
        JsonNode value = n.get(name);
        if (value == null || !value.isObject()) {
            problem(name, "an object");
            return null;
        }
        return value;
    }

    private boolean bool(JsonNode n, String name, String path) {
        JsonNode value = n.get(name);
        if (value == null || !value.isBoolean()) {
            problem(path, "true or false");
            return true;
        }
        return value.booleanValue();
    }

    private String text(JsonNode n, String name, String path) {
        JsonNode value = n.get(name);
        if (value == null || !value.isTextual()) {
            problem(path, "a string");
            return null;
        }
        return value.textValue();
    }

    private String optionalText(JsonNode n, String name, String path) {
        return n.has(name) ? text(n, name, path) : null;
    }

    private int integer(JsonNode n, String name, String path) {
        JsonNode value = n.get(name);
        if (value == null || !value.isInt()) {
            problem(path, "an integer");
            return 0;
        }
        return value.intValue();
    }

    private <E extends Enum<E>> E code(JsonNode n, String name, String path, Class<E> type) {
        String text = text(n, name, path);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problem(path, "a " + type.getSimpleName() + " code");
        return null;
    }

    private <E extends Enum<E>> E optionalCode(JsonNode n, String name, String path, Class<E> type) {
        return n.has(name) ? code(n, name, path, type) : null;
    }

    private void problem(String path, String expected) {
        problems.add(new Problem(path, expected));
    }
}
