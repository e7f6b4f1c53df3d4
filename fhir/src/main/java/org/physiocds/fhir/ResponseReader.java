package org.physiocds.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;

/** QuestionnaireResponses: the stretching history, and the STarT Back answers. The latest authored wins. */
final class ResponseReader {

    private static final int MAX_SESSIONS = 50;
    private static final Set<String> RESPONSE_FACT = Set.of("completed", "amended");

    private final RecordReader r;
    private final FieldReader fields;

    ResponseReader(RecordReader reader) {
        this.r = reader;
        this.fields = new FieldReader(reader);
    }

    void response(QuestionnaireResponse q, String path) {
        String questionnaire = q.getQuestionnaire() == null ? "" : q.getQuestionnaire().split("\\|")[0];
        boolean isStretching = questionnaire.equals(Codes.Q_STRETCHING);
        boolean isStartBack = questionnaire.equals(Codes.Q_START_BACK_LOINC) || questionnaire.equals(Codes.Q_START_BACK);
        if (!isStretching && !isStartBack) {
            r.notUnderstood("QuestionnaireResponse");
            return;
        }
        if (q.getStatus() == null || !RESPONSE_FACT.contains(q.getStatus().toCode())) {
            r.notFact("QuestionnaireResponse");
            return;
        }
        r.used("QuestionnaireResponse");
        Map<String, Item> items = new LinkedHashMap<>();
        collect(q.getItem(), path, items);
        long order = FhirDates.orderKey(q.getAuthoredElement().getValueAsString());
        if (isStretching) {
            StretchingHistory history = stretching(items);
            r.stretching = r.latest(r.stretching, history, order, path, "stretching history");
        } else {
            StartBackAnswers answers = startBack(items, path);
            r.startBack = r.latest(r.startBack, answers, order, path, "STarT Back screening");
        }
    }

    /** An answered item and its path. */
    private record Item(QuestionnaireResponseItemComponent item, String path) {

        /** The first answer's value, and the path of the first answer. */
        Type value() {
            return item.getAnswerFirstRep().getValue();
        }

        String answerPath() {
            return path + ".answer[0]";
        }
    }

    /** Answered items by linkId (a leading path, as LHC-Forms writes {@code /91340-0}, dropped), through groups. */
    private static void collect(List<QuestionnaireResponseItemComponent> items, String path, Map<String, Item> into) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String at = path + ".item[" + i + "]";
            String linkId = item.getLinkId() == null ? "" : item.getLinkId();
            if (item.hasItem()) {
                collect(item.getItem(), at, into);
            }
            if (item.hasAnswer()) {
                into.putIfAbsent(linkId.substring(linkId.lastIndexOf('/') + 1), new Item(item, at));
            }
        }
    }

    /** The stretching history: linkIds are the interchange field names. */
    private StretchingHistory stretching(Map<String, Item> items) {
        StretchingHistory.Builder h = StretchingHistory.builder();
        int before = r.pendingCount();
        for (Map.Entry<String, Item> entry : items.entrySet()) {
            Item item = entry.getValue();
            switch (entry.getKey()) {
                case "sessionsPerWeek" -> h.sessionsPerWeek(answerInteger(item, 0, MAX_SESSIONS));
                case "painReturnsWithinMinutes" -> h.painReturnsWithinMinutes(answerInteger(item, 0, Integer.MAX_VALUE));
                case "needsMoreForSameRelief" -> h.needsMoreForSameRelief(answerBoolean(item));
                case "worseNextDay" -> h.worseNextDay(answerBoolean(item));
                case "worseDespiteConsistentStretching" -> h.worseDespiteConsistentStretching(answerBoolean(item));
                case "painDuringStretch" -> h.painDuringStretch(answerBoolean(item));
                case "ballistic" -> h.ballistic(answerBoolean(item));
                case "warmsUpFirst" -> h.warmsUpFirst(answerBoolean(item));
                case "staticBeforeExercise" -> h.staticBeforeExercise(answerBoolean(item));
                case "aggressive" -> h.aggressive(answerBoolean(item));
                default -> r.problem(item.path() + ".linkId", "an item of " + Codes.Q_STRETCHING
                        + " (an interchange field of stretching: sessionsPerWeek, painReturnsWithinMinutes, ...)");
            }
        }
        return r.pendingCount() == before ? h.build() : null;
    }

    private Integer answerInteger(Item item, int min, int max) {
        Type value = item.value();
        String range = max == Integer.MAX_VALUE ? "a whole number, at least " + min : "a whole number from " + min + " to " + max;
        if (!(value instanceof IntegerType i) || i.getValue() == null) {
            r.problem(item.answerPath() + (value == null ? ".value[x]" : ".valueInteger"), "valueInteger: " + range);
            return null;
        }
        if (i.getValue() < min || i.getValue() > max) {
            r.problem(item.answerPath() + ".valueInteger", range, String.valueOf(i.getValue()));
            return null;
        }
        return i.getValue();
    }

    private Boolean answerBoolean(Item item) {
        Type value = item.value();
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        r.problem(item.answerPath() + (value == null ? ".value[x]" : ".valueBoolean"), "valueBoolean: true or false");
        return null;
    }

    /** The nine answers, all required, as the interchange format requires them. */
    private StartBackAnswers startBack(Map<String, Item> items, String path) {
        Boolean[] agree = new Boolean[8];
        Bothersomeness item9 = null;
        int before = r.pendingCount();
        for (int n = 0; n < 9; n++) {
            String code = Codes.LOINC_START_BACK_ITEMS[n];
            Item item = items.get(code);
            if (item == null) {
                r.problem(path + ".item", "the nine STarT Back items answered (linkIds 91340-0 to 91348-3), but item "
                        + (n + 1) + " (" + code + ") is not");
                continue;
            }
            if (n < 8) {
                agree[n] = answerBoolean(item);
            } else {
                Type value = item.value();
                if (value instanceof Coding coding && Codes.CS_BOTHERSOMENESS.equals(coding.getSystem())) {
                    item9 = fields.enumCode(new CodeableConcept(coding), Codes.CS_BOTHERSOMENESS, Bothersomeness.class,
                            item.answerPath() + ".valueCoding");
                } else {
                    r.problem(item.answerPath() + (value instanceof Coding ? ".valueCoding" : ".value[x]"),
                            "valueCoding: a code of " + Codes.CS_BOTHERSOMENESS + " (" + FieldReader.names(Bothersomeness.class) + ")");
                }
            }
        }
        if (r.pendingCount() > before) {
            return null;
        }
        return new StartBackAnswers(agree[0], agree[1], agree[2], agree[3], agree[4], agree[5], agree[6], agree[7], item9);
    }

}
