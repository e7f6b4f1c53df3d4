package org.physiocds.fhir;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Surgery;

/**
 * Conditions (pain, injuries, red-flag conditions) and Procedures (surgery), coded in the project's
 * code systems or in SNOMED CT and ICD-10-CM ({@link Terminology}).
 */
final class ConditionReader {

    private static final Set<String> CONDITION_NOT_FACT_CLINICAL = Set.of("inactive", "remission", "resolved");
    private static final Set<String> CONDITION_NOT_FACT_VERIFICATION = Set.of("entered-in-error", "refuted");
    private static final Set<String> PROCEDURE_NOT_FACT = Set.of("entered-in-error", "not-done", "preparation", "on-hold");

    private final RecordReader r;
    private final FieldReader fields;

    ConditionReader(RecordReader reader) {
        this.r = reader;
        this.fields = new FieldReader(reader);
    }

    record Pain(Region region, Double weeks) {
    }

    void condition(Condition c, String path) {
        CodeableConcept code = c.getCode();
        boolean ourPain = RecordReader.has(code, Codes.SNOMED, Codes.SCT_PAIN);
        Region standardPain = Terminology.painRegion(code);
        boolean ourInjury = RecordReader.system(code, Codes.CS_INJURY_TYPE) != null;
        Terminology.InjuryCode standardInjury = ourInjury ? null : Terminology.injury(code);
        RedFlag redFlag = Terminology.redFlag(code);
        boolean osteoporosis = Terminology.isOsteoporosis(code);
        if (!ourPain && standardPain == null && !ourInjury && standardInjury == null && redFlag == null && !osteoporosis) {
            r.notUnderstood("Condition");
            return;
        }
        boolean refuted = RecordReader.in(CONDITION_NOT_FACT_VERIFICATION, RecordReader.code(c.getVerificationStatus()));
        boolean inactive = RecordReader.in(CONDITION_NOT_FACT_CLINICAL, RecordReader.code(c.getClinicalStatus()));
        if (refuted || (inactive && redFlag != RedFlag.HISTORY_OF_CANCER)) {
            // A cancer in remission or resolved is still a history of cancer.
            r.notFact("Condition");
            return;
        }
        if (redFlag != null) {
            r.conditionRedFlags.add(redFlag);
        }
        r.osteoporosis |= osteoporosis;
        if (ourPain || standardPain != null) {
            painCondition(c, standardPain, path);
        } else if (ourInjury || standardInjury != null) {
            injury(c, standardInjury, path);
        } else {
            r.used("Condition");
        }
    }

    private void painCondition(Condition c, Region standard, String path) {
        Region region = standard;
        if (region == null) {
            for (CodeableConcept site : c.getBodySite()) {
                for (Coding coding : site.getCoding()) {
                    if (Codes.SNOMED.equals(coding.getSystem()) && RecordReader.in(Codes.REGION_BY_SITE.keySet(), coding.getCode())) {
                        region = Codes.REGION_BY_SITE.get(coding.getCode());
                    }
                }
            }
        }
        if (region == null) {
            r.notUnderstood("Condition"); // pain somewhere the knowledge base does not reason about
            return;
        }
        r.used("Condition");
        Onset onset = onset(c, path);
        Double weeks = onset.day == null ? null : ChronoUnit.DAYS.between(onset.day, r.asOf) / 7.0;
        r.pain = r.latest(r.pain, new Pain(region, weeks), onset.order, path, "pain condition");
    }

    private void injury(Condition c, Terminology.InjuryCode standard, String path) {
        r.used("Condition");
        InjuryType type;
        Muscle muscle = null;
        Side side = null;
        if (standard != null) {
            type = standard.type();
            muscle = standard.muscle();
            side = standard.side();
        } else {
            type = fields.enumCode(c.getCode(), Codes.CS_INJURY_TYPE, InjuryType.class, path + ".code");
        }
        List<CodeableConcept> sites = c.getBodySite();
        for (int i = 0; i < sites.size(); i++) {
            CodeableConcept site = sites.get(i);
            String at = path + ".bodySite[" + i + "]";
            if (RecordReader.system(site, Codes.CS_MUSCLE) != null) {
                Muscle named = fields.enumCode(site, Codes.CS_MUSCLE, Muscle.class, at);
                muscle = muscle == null ? named : muscle;
            }
            if (side == null) {
                side = isSideOnly(site) ? FieldReader.side(site) : fields.laterality(site, sites, at);
            }
        }
        Onset onset = onset(c, path);
        Integer days = onset.day == null ? null : (int) ChronoUnit.DAYS.between(onset.day, r.asOf);
        r.injuries.add(new Injury(type, muscle, side == null ? Side.BOTH : side, days));
    }

    /** A body site that is only a laterality qualifier (the second-bodySite shape). */
    private static boolean isSideOnly(CodeableConcept site) {
        return !site.getCoding().isEmpty() && site.getCoding().stream()
                .allMatch(coding -> Codes.SNOMED.equals(coding.getSystem())
                        && RecordReader.in(Codes.SIDE_BY_CODE.keySet(), coding.getCode()));
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
        LocalDate day = fields.day(text, at);
        return new Onset(day, FhirDates.orderKey(text));
    }

    // ---------------------------------------------------------------- procedures

    void procedure(Procedure p, String path) {
        boolean surgicalCategory = RecordReader.has(p.getCategory(), Codes.SNOMED, Codes.SCT_SURGICAL_PROCEDURE);
        Terminology.SurgeryCode standard = Terminology.surgery(p.getCode());
        if (!surgicalCategory && standard == null) {
            r.notUnderstood("Procedure");
            return;
        }
        if (p.getStatus() != null && PROCEDURE_NOT_FACT.contains(p.getStatus().toCode())) {
            r.notFact("Procedure");
            return;
        }
        r.used("Procedure");
        Region region = null;
        Side side = standard == null ? null : standard.side();
        List<CodeableConcept> sites = p.getBodySite();
        for (int i = 0; i < sites.size(); i++) {
            CodeableConcept site = sites.get(i);
            for (Coding coding : site.getCoding()) {
                if (Codes.SNOMED.equals(coding.getSystem()) && RecordReader.in(Codes.REGION_BY_SITE.keySet(), coding.getCode())) {
                    region = Codes.REGION_BY_SITE.get(coding.getCode());
                }
            }
            // The operated side, in the same shapes as an injury's (interchange v1.3 surgery side).
            if (side == null) {
                side = isSideOnly(site) ? FieldReader.side(site) : fields.laterality(site, sites, path + ".bodySite[" + i + "]");
            }
        }
        if (region == null && standard != null) {
            region = standard.region();
        }
        Integer days = null;
        if (p.hasPerformedDateTimeType()) {
            LocalDate day = fields.day(p.getPerformedDateTimeType().getValueAsString(), path + ".performedDateTime");
            days = day == null ? null : (int) ChronoUnit.DAYS.between(day, r.asOf);
        } else if (p.hasPerformedPeriod() && (p.getPerformedPeriod().hasEnd() || p.getPerformedPeriod().hasStart())) {
            boolean end = p.getPerformedPeriod().hasEnd();
            DateTimeType when = end ? p.getPerformedPeriod().getEndElement() : p.getPerformedPeriod().getStartElement();
            LocalDate day = fields.day(when.getValueAsString(), path + ".performedPeriod." + (end ? "end" : "start"));
            days = day == null ? null : (int) ChronoUnit.DAYS.between(day, r.asOf);
        }
        r.surgeries.add(new Surgery(region, days, side));
    }
}
