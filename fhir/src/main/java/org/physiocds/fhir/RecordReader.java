package org.physiocds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
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
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Reads the facts of one record (see {@code docs/fhir-mapping.md} for the table), collecting every
 * problem rather than stopping at the first. One instance per read: not thread-safe.
 *
 * <p>Problems carry the FHIR path of the element at fault and what was expected there, in words
 * that never quote the record; an out-of-range number or an unknown code goes to
 * {@link Problem#given()} as the JSON codec does.
 */
final class RecordReader {

    private static final int MAX_AGE = 120;
    private static final int MAX_PAIN = 10;
    private static final int MAX_SESSIONS = 50;

    private static final Set<String> CONDITION_NOT_FACT_CLINICAL = Set.of("inactive", "remission", "resolved");
    private static final Set<String> CONDITION_NOT_FACT_VERIFICATION = Set.of("entered-in-error", "refuted");
    private static final Set<String> OBSERVATION_NOT_FACT = Set.of("entered-in-error", "cancelled", "registered");
    private static final Set<String> PROCEDURE_NOT_FACT = Set.of("entered-in-error", "not-done", "preparation", "on-hold");
    private static final Set<String> RESPONSE_FACT = Set.of("completed", "amended");

    private final LocalDate asOf;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, Integer> ignored = new HashMap<>();
    private final Map<String, Integer> notFacts = new HashMap<>();
    private final List<String> superseded = new ArrayList<>();

    private String patientId;
    private String patientPath;
    private Integer age;
    private Latest<Pain> pain;
    private Latest<Integer> intensity;
    /** Per muscle and side (in order of first appearance), per property: the latest observation. */
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<Injury> injuries = new ArrayList<>();
    private final List<Surgery> surgeries = new ArrayList<>();
    private Latest<StretchingHistory> stretching;
    private Latest<StartBackAnswers> startBack;
    private final Map<Sign, Latest<Boolean>> signs = new EnumMap<>(Sign.class);
    private final Map<Lifestyle, Latest<Boolean>> lifestyle = new EnumMap<>(Lifestyle.class);
    private final Map<RedFlag, Latest<Boolean>> redFlags = new EnumMap<>(RedFlag.class);

    RecordReader(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** A resource and where it sits in what was given: {@code Bundle.entry[3].resource}. */
    record Located(IBaseResource resource, String path) {
    }

    /** Flattens bundles (and bundles in a list) into their resources, each with its path. */
    static void flatten(IBaseResource resource, String path, List<Located> into) {
        if (resource instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Resource r = bundle.getEntry().get(i).getResource();
                if (r != null) {
                    flatten(r, path + ".entry[" + i + "].resource", into);
                }
            }
        } else if (resource != null) {
            into.add(new Located(resource, path));
        }
    }

    PatientRecord read(List<Located> resources) {
        for (Located located : resources) {
            if (located.resource() instanceof Resource r) {
                read(r, located.path());
            } else {
                count(ignored, located.resource().fhirType());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(atMost(problems));
        }
        Patient.Builder patient = Patient.builder().patientId(patientId).age(age);
        if (pain != null || intensity != null) {
            patient.pain(pain == null ? null : pain.value.region, pain == null ? null : pain.value.weeks,
                    intensity == null ? null : intensity.value);
        }
        findings.values().forEach(f -> patient.muscle(f.build()));
        injuries.forEach(patient::injury);
        surgeries.forEach(patient::surgery);
        if (stretching != null) {
            patient.stretching(stretching.value);
        }
        patient.signs(present(signs).toArray(Sign[]::new));
        patient.lifestyle(present(lifestyle).toArray(Lifestyle[]::new));
        patient.redFlags(present(redFlags).toArray(RedFlag[]::new));
        if (startBack != null) {
            patient.startBack(startBack.value);
        }
        return new PatientRecord(patient.build(), new MappingReport(used, ignored, notFacts, superseded));
    }

    // ---------------------------------------------------------------- dispatch

    private void read(Resource resource, String path) {
        if (resource instanceof org.hl7.fhir.r4.model.Patient p) {
            patient(p, path);
        } else if (resource instanceof Condition c) {
            condition(c, path);
        } else if (resource instanceof Observation o) {
            observation(o, path);
        } else if (resource instanceof Procedure p) {
            procedure(p, path);
        } else if (resource instanceof QuestionnaireResponse q) {
            response(q, path);
        } else {
            count(ignored, resource.fhirType());
        }
    }

    private void patient(org.hl7.fhir.r4.model.Patient p, String path) {
        String id = p.getIdElement().getIdPart();
        if (patientPath != null) {
            if (id == null || !id.equals(patientId)) {
                problem(path, "one Patient: the record holds another Patient resource (at " + patientPath + ")");
            }
            count(used, "Patient");
            return;
        }
        patientPath = path;
        patientId = id;
        count(used, "Patient");
        if (p.hasBirthDateElement()) {
            String text = p.getBirthDateElement().getValueAsString();
            LocalDate born = FhirDates.latestDay(text);
            if (born == null) {
                problem(path + ".birthDate", "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            } else if (FhirDates.earliestDay(text).isAfter(asOf)) {
                problem(path + ".birthDate", "a date on or before the as-of date");
            } else {
                int years = born.isAfter(asOf) ? 0 : Period.between(born, asOf).getYears();
                if (years > MAX_AGE) {
                    problem(path + ".birthDate", "a birth date giving an age from 0 to " + MAX_AGE + " at the as-of date",
                            String.valueOf(years));
                } else {
                    age = years;
                }
            }
        }
    }

    // ---------------------------------------------------------------- conditions

    private record Pain(Region region, Double weeks) {
    }

    private void condition(Condition c, String path) {
        boolean isPain = has(c.getCode(), Codes.SNOMED, Codes.SCT_LOW_BACK_PAIN) || has(c.getCode(), Codes.SNOMED, Codes.SCT_PAIN);
        boolean isInjury = system(c.getCode(), Codes.CS_INJURY_TYPE) != null;
        if (!isPain && !isInjury) {
            count(ignored, "Condition");
            return;
        }
        if (in(CONDITION_NOT_FACT_CLINICAL, code(c.getClinicalStatus()))
                || in(CONDITION_NOT_FACT_VERIFICATION, code(c.getVerificationStatus()))) {
            count(notFacts, "Condition");
            return;
        }
        if (isPain) {
            painCondition(c, path);
        } else {
            injury(c, path);
        }
    }

    private void painCondition(Condition c, String path) {
        Region region = has(c.getCode(), Codes.SNOMED, Codes.SCT_LOW_BACK_PAIN) ? Region.LOWER_BACK : null;
        if (region == null) {
            for (CodeableConcept site : c.getBodySite()) {
                for (Coding coding : site.getCoding()) {
                    if (Codes.SNOMED.equals(coding.getSystem()) && in(Codes.REGION_BY_SITE.keySet(), coding.getCode())) {
                        region = Codes.REGION_BY_SITE.get(coding.getCode());
                    }
                }
            }
        }
        if (region == null) {
            count(ignored, "Condition"); // pain somewhere the knowledge base does not reason about
            return;
        }
        count(used, "Condition");
        Onset onset = onset(c, path);
        Double weeks = onset.day == null ? null : ChronoUnit.DAYS.between(onset.day, asOf) / 7.0;
        pain = latest(pain, new Pain(region, weeks), onset.order, path, "pain condition");
    }

    private void injury(Condition c, String path) {
        count(used, "Condition");
        InjuryType type = enumCode(c.getCode(), Codes.CS_INJURY_TYPE, InjuryType.class, path + ".code");
        Muscle muscle = null;
        Side side = Side.BOTH;
        for (int i = 0; i < c.getBodySite().size(); i++) {
            CodeableConcept site = c.getBodySite().get(i);
            if (system(site, Codes.CS_MUSCLE) != null) {
                muscle = enumCode(site, Codes.CS_MUSCLE, Muscle.class, path + ".bodySite[" + i + "]");
                side = laterality(site, path + ".bodySite[" + i + "]");
            }
        }
        Onset onset = onset(c, path);
        Integer days = onset.day == null ? null : (int) ChronoUnit.DAYS.between(onset.day, asOf);
        injuries.add(new Injury(type, muscle, side, days));
    }

    private record Onset(LocalDate day, long order) {
    }

    /** The onset day (cautious for partial dates, never after the as-of date), or none. */
    private Onset onset(Condition c, String path) {
        String text;
        String at;
        if (c.hasOnsetDateTimeType()) {
            text = c.getOnsetDateTimeType().getValueAsString();
            at = path + ".onsetDateTime";
        } else if (c.hasOnsetPeriod() && c.getOnsetPeriod().hasStart()) {
            text = c.getOnsetPeriod().getStartElement().getValueAsString();
            at = path + ".onsetPeriod.start";
        } else {
            return new Onset(null, FhirDates.orderKey(c.getRecordedDateElement().getValueAsString()));
        }
        LocalDate day = day(text, at);
        return new Onset(day, FhirDates.orderKey(text));
    }

    /** A date of the past (a partial date at its latest day, capped at the as-of date), or a problem. */
    private LocalDate day(String text, String at) {
        LocalDate latest = FhirDates.latestDay(text);
        if (latest == null) {
            problem(at, "a date or date-time (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)");
            return null;
        }
        if (FhirDates.earliestDay(text).isAfter(asOf)) {
            problem(at, "a date on or before the as-of date");
            return null;
        }
        return latest.isAfter(asOf) ? asOf : latest;
    }

    // ---------------------------------------------------------------- procedures

    private void procedure(Procedure p, String path) {
        if (!has(p.getCategory(), Codes.SNOMED, Codes.SCT_SURGICAL_PROCEDURE)) {
            count(ignored, "Procedure");
            return;
        }
        if (p.getStatus() != null && PROCEDURE_NOT_FACT.contains(p.getStatus().toCode())) {
            count(notFacts, "Procedure");
            return;
        }
        count(used, "Procedure");
        Region region = null;
        for (CodeableConcept site : p.getBodySite()) {
            for (Coding coding : site.getCoding()) {
                if (Codes.SNOMED.equals(coding.getSystem()) && in(Codes.REGION_BY_SITE.keySet(), coding.getCode())) {
                    region = Codes.REGION_BY_SITE.get(coding.getCode());
                }
            }
        }
        Integer days = null;
        if (p.hasPerformedDateTimeType()) {
            LocalDate day = day(p.getPerformedDateTimeType().getValueAsString(), path + ".performedDateTime");
            days = day == null ? null : (int) ChronoUnit.DAYS.between(day, asOf);
        } else if (p.hasPerformedPeriod() && (p.getPerformedPeriod().hasEnd() || p.getPerformedPeriod().hasStart())) {
            boolean end = p.getPerformedPeriod().hasEnd();
            DateTimeType when = end ? p.getPerformedPeriod().getEndElement() : p.getPerformedPeriod().getStartElement();
            LocalDate day = day(when.getValueAsString(), path + ".performedPeriod." + (end ? "end" : "start"));
            days = day == null ? null : (int) ChronoUnit.DAYS.between(day, asOf);
        }
        surgeries.add(new Surgery(region, days));
    }

    // ---------------------------------------------------------------- observations

    private void observation(Observation o, String path) {
        CodeableConcept code = o.getCode();
        Kind kind = kind(code);
        if (kind == null) {
            count(ignored, "Observation");
            return;
        }
        if (o.getStatus() != null && OBSERVATION_NOT_FACT.contains(o.getStatus().toCode())) {
            count(notFacts, "Observation");
            return;
        }
        if (!o.hasValue() && o.hasDataAbsentReason()) {
            count(notFacts, "Observation");
            return;
        }
        count(used, "Observation");
        long order = FhirDates.orderKey(effective(o));
        switch (kind) {
            case PAIN_INTENSITY -> {
                Integer value = integerValue(o.getValue(), path, 0, MAX_PAIN);
                if (value != null) {
                    intensity = latest(intensity, value, order, path, "pain intensity");
                }
            }
            case MUSCLE_STRENGTH, MUSCLE_LENGTH, MUSCLE_FEELS_TIGHT -> muscleObservation(o, kind, order, path);
            case SIGN -> booleanFact(o, Sign.class, Codes.CS_SIGN, signs, order, path);
            case LIFESTYLE -> booleanFact(o, Lifestyle.class, Codes.CS_LIFESTYLE, lifestyle, order, path);
            case RED_FLAG -> booleanFact(o, RedFlag.class, Codes.CS_RED_FLAG, redFlags, order, path);
        }
    }

    private enum Kind {
        PAIN_INTENSITY, MUSCLE_STRENGTH, MUSCLE_LENGTH, MUSCLE_FEELS_TIGHT, SIGN, LIFESTYLE, RED_FLAG
    }

    private static Kind kind(CodeableConcept code) {
        if (has(code, Codes.LOINC, Codes.LOINC_PAIN_SEVERITY)) {
            return Kind.PAIN_INTENSITY;
        }
        if (has(code, Codes.CS_OBSERVATION, "muscle-strength")) {
            return Kind.MUSCLE_STRENGTH;
        }
        if (has(code, Codes.CS_OBSERVATION, "muscle-length")) {
            return Kind.MUSCLE_LENGTH;
        }
        if (has(code, Codes.CS_OBSERVATION, "muscle-feels-tight")) {
            return Kind.MUSCLE_FEELS_TIGHT;
        }
        if (system(code, Codes.CS_SIGN) != null) {
            return Kind.SIGN;
        }
        if (system(code, Codes.CS_LIFESTYLE) != null) {
            return Kind.LIFESTYLE;
        }
        if (system(code, Codes.CS_RED_FLAG) != null) {
            return Kind.RED_FLAG;
        }
        return null;
    }

    private static String effective(Observation o) {
        if (o.hasEffectiveDateTimeType()) {
            return o.getEffectiveDateTimeType().getValueAsString();
        }
        if (o.hasEffectivePeriod()) {
            return o.getEffectivePeriod().hasEnd() ? o.getEffectivePeriod().getEndElement().getValueAsString()
                    : o.getEffectivePeriod().getStartElement().getValueAsString();
        }
        if (o.hasEffectiveInstantType()) {
            return o.getEffectiveInstantType().getValueAsString();
        }
        return o.hasIssued() ? o.getIssuedElement().getValueAsString() : null;
    }

    /** One muscle and side's finding, assembled from its observations. */
    private final class Finding {
        final Muscle muscle;
        final Side side;
        Latest<Strength> strength;
        Latest<Length> length;
        Latest<Boolean> feelsTight;

        Finding(Muscle muscle, Side side) {
            this.muscle = muscle;
            this.side = side;
        }

        MuscleFinding build() {
            return new MuscleFinding(muscle, side, strength == null ? null : strength.value,
                    length == null ? null : length.value, feelsTight == null ? null : feelsTight.value);
        }
    }

    private void muscleObservation(Observation o, Kind kind, long order, String path) {
        Muscle muscle = null;
        Side side = Side.BOTH;
        String sitePath = path + ".bodySite";
        if (system(o.getBodySite(), Codes.CS_MUSCLE) == null) {
            problem(sitePath, "a muscle: a code of " + Codes.CS_MUSCLE);
        } else {
            muscle = enumCode(o.getBodySite(), Codes.CS_MUSCLE, Muscle.class, sitePath);
            side = laterality(o.getBodySite(), sitePath);
        }
        Object value = switch (kind) {
            case MUSCLE_STRENGTH -> codedValue(o.getValue(), Codes.CS_STRENGTH, Strength.class, path);
            case MUSCLE_LENGTH -> codedValue(o.getValue(), Codes.CS_LENGTH, Length.class, path);
            default -> booleanValue(o.getValue(), path);
        };
        if (muscle == null || value == null) {
            return;
        }
        for (Finding other : findings.values()) {
            if (other.muscle == muscle && (other.side == Side.BOTH) != (side == Side.BOTH)) {
                problem(sitePath, "either findings for both sides (no laterality) or for the left and right side of a"
                        + " muscle, but another observation of this muscle is of the other kind");
                return;
            }
        }
        Muscle m = muscle;
        Side s = side;
        Finding finding = findings.computeIfAbsent(muscle + " " + side, k -> new Finding(m, s));
        String what = "muscle finding (" + kind.name().toLowerCase().replace('_', ' ') + ")";
        switch (kind) {
            case MUSCLE_STRENGTH -> finding.strength = latest(finding.strength, (Strength) value, order, path, what);
            case MUSCLE_LENGTH -> finding.length = latest(finding.length, (Length) value, order, path, what);
            default -> finding.feelsTight = latest(finding.feelsTight, (Boolean) value, order, path, what);
        }
    }

    private <E extends Enum<E>> void booleanFact(Observation o, Class<E> type, String system, Map<E, Latest<Boolean>> facts,
            long order, String path) {
        E code = enumCode(o.getCode(), system, type, path + ".code");
        Boolean present = booleanValue(o.getValue(), path);
        if (code != null && present != null) {
            facts.put(code, latest(facts.get(code), present, order, path, type.getSimpleName().toLowerCase()));
        }
    }

    private static <E extends Enum<E>> List<E> present(Map<E, Latest<Boolean>> facts) {
        List<E> present = new ArrayList<>();
        facts.forEach((code, latest) -> {
            if (Boolean.TRUE.equals(latest.value)) {
                present.add(code);
            }
        });
        return present;
    }

    // ---------------------------------------------------------------- questionnaire responses

    private void response(QuestionnaireResponse q, String path) {
        String questionnaire = q.getQuestionnaire() == null ? "" : q.getQuestionnaire().split("\\|")[0];
        boolean isStretching = questionnaire.equals(Codes.Q_STRETCHING);
        boolean isStartBack = questionnaire.equals(Codes.Q_START_BACK_LOINC) || questionnaire.equals(Codes.Q_START_BACK);
        if (!isStretching && !isStartBack) {
            count(ignored, "QuestionnaireResponse");
            return;
        }
        if (q.getStatus() == null || !RESPONSE_FACT.contains(q.getStatus().toCode())) {
            count(notFacts, "QuestionnaireResponse");
            return;
        }
        count(used, "QuestionnaireResponse");
        Map<String, Item> items = new LinkedHashMap<>();
        collect(q.getItem(), path, items);
        long order = FhirDates.orderKey(q.getAuthoredElement().getValueAsString());
        if (isStretching) {
            StretchingHistory history = stretching(items);
            if (history != null) {
                stretching = latest(stretching, history, order, path, "stretching history");
            }
        } else {
            StartBackAnswers answers = startBack(items, path);
            if (answers != null) {
                startBack = latest(startBack, answers, order, path, "STarT Back screening");
            }
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
        int before = problems.size();
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
                default -> problem(item.path() + ".linkId", "an item of " + Codes.Q_STRETCHING
                        + " (an interchange field of stretching: sessionsPerWeek, painReturnsWithinMinutes, ...)");
            }
        }
        return problems.size() == before ? h.build() : null;
    }

    private Integer answerInteger(Item item, int min, int max) {
        Type value = item.value();
        String range = max == Integer.MAX_VALUE ? "a whole number, at least " + min : "a whole number from " + min + " to " + max;
        if (!(value instanceof IntegerType i) || i.getValue() == null) {
            problem(item.answerPath() + (value == null ? ".value[x]" : ".valueInteger"), "valueInteger: " + range);
            return null;
        }
        if (i.getValue() < min || i.getValue() > max) {
            problem(item.answerPath() + ".valueInteger", range, String.valueOf(i.getValue()));
            return null;
        }
        return i.getValue();
    }

    private Boolean answerBoolean(Item item) {
        Type value = item.value();
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        problem(item.answerPath() + (value == null ? ".value[x]" : ".valueBoolean"), "valueBoolean: true or false");
        return null;
    }

    /** The nine answers, all required, as the interchange format requires them. */
    private StartBackAnswers startBack(Map<String, Item> items, String path) {
        Boolean[] agree = new Boolean[8];
        Bothersomeness item9 = null;
        int before = problems.size();
        for (int n = 0; n < 9; n++) {
            String code = Codes.LOINC_START_BACK_ITEMS[n];
            Item item = items.get(code);
            if (item == null) {
                problem(path + ".item", "the nine STarT Back items answered (linkIds 91340-0 to 91348-3), but item "
                        + (n + 1) + " (" + code + ") is not");
                continue;
            }
            if (n < 8) {
                agree[n] = answerBoolean(item);
            } else {
                Type value = item.value();
                if (value instanceof Coding coding && Codes.CS_BOTHERSOMENESS.equals(coding.getSystem())) {
                    item9 = enumCode(new CodeableConcept(coding), Codes.CS_BOTHERSOMENESS, Bothersomeness.class,
                            item.answerPath() + ".valueCoding");
                } else {
                    problem(item.answerPath() + (value instanceof Coding ? ".valueCoding" : ".value[x]"),
                            "valueCoding: a code of " + Codes.CS_BOTHERSOMENESS + " (" + names(Bothersomeness.class) + ")");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new StartBackAnswers(agree[0], agree[1], agree[2], agree[3], agree[4], agree[5], agree[6], agree[7], item9);
    }

    // ---------------------------------------------------------------- values

    private Integer integerValue(Type value, String path, int min, int max) {
        Integer n = null;
        String at = path + ".value[x]";
        if (value instanceof IntegerType i && i.getValue() != null) {
            at = path + ".valueInteger";
            n = i.getValue();
        } else if (value instanceof Quantity q && q.getValue() != null) {
            at = path + ".valueQuantity.value";
            if (q.getValue().stripTrailingZeros().scale() > 0) {
                problem(at, "a whole number from " + min + " to " + max, q.getValue().toPlainString());
                return null;
            }
            try {
                n = q.getValue().intValueExact();
            } catch (ArithmeticException e) {
                problem(at, "a whole number from " + min + " to " + max, q.getValue().toPlainString());
                return null;
            }
        }
        if (n == null) {
            problem(at, "valueQuantity or valueInteger: a whole number from " + min + " to " + max);
            return null;
        }
        if (n < min || n > max) {
            problem(at, "a whole number from " + min + " to " + max, String.valueOf(n));
            return null;
        }
        return n;
    }

    private Boolean booleanValue(Type value, String path) {
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        problem(path + (value == null ? ".value[x]" : ".valueBoolean"), "valueBoolean: true or false");
        return null;
    }

    private <E extends Enum<E>> E codedValue(Type value, String system, Class<E> type, String path) {
        if (value instanceof CodeableConcept concept && system(concept, system) != null) {
            return enumCode(concept, system, type, path + ".valueCodeableConcept");
        }
        problem(path + (value instanceof CodeableConcept ? ".valueCodeableConcept" : ".value[x]"),
                "valueCodeableConcept: a code of " + system + " (" + names(type) + ")");
        return null;
    }

    /** The code of {@code system} in the concept as a constant of {@code type}, or a problem. */
    private <E extends Enum<E>> E enumCode(CodeableConcept concept, String system, Class<E> type, String at) {
        Coding coding = system(concept, system);
        if (coding == null) {
            problem(at, "a code of " + system + " (" + names(type) + ")");
            return null;
        }
        String code = coding.getCode();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        problem(at, "a code of " + system + " (" + names(type) + ")", code == null ? null : "\"" + code + "\"");
        return null;
    }

    /** The laterality of a body site (its extension), BOTH when none is given. */
    private Side laterality(CodeableConcept site, String at) {
        for (Extension e : site.getExtension()) {
            if (Codes.EXT_LATERALITY.equals(e.getUrl()) || Codes.EXT_LATERALITY_MCODE.equals(e.getUrl())) {
                if (e.getValue() instanceof CodeableConcept c) {
                    for (Coding coding : c.getCoding()) {
                        if (Codes.SNOMED.equals(coding.getSystem()) && in(Codes.SIDE_BY_CODE.keySet(), coding.getCode())) {
                            return Codes.SIDE_BY_CODE.get(coding.getCode());
                        }
                    }
                }
                problem(at + ".extension", "a laterality: a SNOMED CT code 7771000 (left), 24028007 (right) or 51440002"
                        + " (right and left)");
                return null;
            }
        }
        return Side.BOTH;
    }

    private static String names(Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        return names.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** A fact and the observation it came from; the later one wins, and the report says so. */
    private record Latest<T>(T value, long order, String path) {
    }

    private <T> Latest<T> latest(Latest<T> current, T value, long order, String path, String what) {
        Latest<T> candidate = new Latest<>(value, order, path);
        if (current == null) {
            return candidate;
        }
        // Later effective time wins; on a tie (or no times) the later in the record.
        Latest<T> winner = candidate.order >= current.order ? candidate : current;
        Latest<T> loser = winner == candidate ? current : candidate;
        superseded.add(loser.path + " (" + what + "): superseded by " + winner.path + ", the latest effective");
        return winner;
    }

    private static boolean has(CodeableConcept concept, String system, String code) {
        if (concept == null) {
            return false;
        }
        for (Coding coding : concept.getCoding()) {
            if (system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(List<CodeableConcept> concepts, String system, String code) {
        return concepts.stream().anyMatch(c -> has(c, system, code));
    }

    private static Coding system(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (system.equals(coding.getSystem())) {
                return coding;
            }
        }
        return null;
    }

    private static String code(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.getCode() != null) {
                return coding.getCode();
            }
        }
        return null;
    }

    /** Null-safe membership ({@code Set.of} refuses to be asked about null). */
    private static boolean in(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    private static void count(Map<String, Integer> counts, String type) {
        counts.merge(type, 1, Integer::sum);
    }

    private void problem(String path, String expected) {
        problems.add(new Problem(path, expected));
    }

    private void problem(String path, String expected, String given) {
        problems.add(new Problem(path, expected, given));
    }

    private static List<Problem> atMost(List<Problem> problems) {
        if (problems.size() <= JsonCodec.MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> listed = new ArrayList<>(problems.subList(0, JsonCodec.MAX_PROBLEMS));
        listed.add(new Problem("$", "fewer problems: " + (problems.size() - JsonCodec.MAX_PROBLEMS)
                + " more were found and are not listed"));
        return listed;
    }
}
