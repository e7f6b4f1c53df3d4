package org.physiocds.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;

/**
 * Observations: the pain score (LOINC 72514-3, a decimal rounded), muscle findings, signs,
 * lifestyle factors and red flags. Of several observations of one thing the latest effective wins.
 */
final class ObservationReader {

    private static final int MAX_PAIN = 10;
    private static final Set<String> OBSERVATION_NOT_FACT = Set.of("entered-in-error", "cancelled", "registered");

    private final RecordReader r;
    private final FieldReader fields;

    ObservationReader(RecordReader reader) {
        this.r = reader;
        this.fields = new FieldReader(reader);
    }

    void observation(Observation o, String path) {
        CodeableConcept code = o.getCode();
        Kind kind = kind(code);
        if (kind == null) {
            r.notUnderstood("Observation");
            return;
        }
        if (o.getStatus() != null && OBSERVATION_NOT_FACT.contains(o.getStatus().toCode())) {
            r.notFact("Observation");
            return;
        }
        if (!o.hasValue() && o.hasDataAbsentReason()) {
            r.notFact("Observation");
            return;
        }
        r.used("Observation");
        long order = FhirDates.orderKey(effective(o));
        switch (kind) {
            case PAIN_INTENSITY -> {
                Integer value = fields.scoreValue(o.getValue(), path, 0, MAX_PAIN);
                r.intensity = r.latest(r.intensity, value, order, path, "pain intensity");
            }
            case MUSCLE_STRENGTH, MUSCLE_LENGTH, MUSCLE_FEELS_TIGHT -> muscleObservation(o, kind, order, path);
            case SIGN -> booleanFact(o, Sign.class, Codes.CS_SIGN, r.signs, order, path);
            case LIFESTYLE -> booleanFact(o, Lifestyle.class, Codes.CS_LIFESTYLE, r.lifestyle, order, path);
            case RED_FLAG -> booleanFact(o, RedFlag.class, Codes.CS_RED_FLAG, r.redFlags, order, path);
        }
    }

    private enum Kind {
        PAIN_INTENSITY, MUSCLE_STRENGTH, MUSCLE_LENGTH, MUSCLE_FEELS_TIGHT, SIGN, LIFESTYLE, RED_FLAG
    }

    private static Kind kind(CodeableConcept code) {
        if (RecordReader.has(code, Codes.LOINC, Codes.LOINC_PAIN_SEVERITY)) {
            return Kind.PAIN_INTENSITY;
        }
        if (RecordReader.has(code, Codes.CS_OBSERVATION, "muscle-strength")) {
            return Kind.MUSCLE_STRENGTH;
        }
        if (RecordReader.has(code, Codes.CS_OBSERVATION, "muscle-length")) {
            return Kind.MUSCLE_LENGTH;
        }
        if (RecordReader.has(code, Codes.CS_OBSERVATION, "muscle-feels-tight")) {
            return Kind.MUSCLE_FEELS_TIGHT;
        }
        if (RecordReader.system(code, Codes.CS_SIGN) != null) {
            return Kind.SIGN;
        }
        if (RecordReader.system(code, Codes.CS_LIFESTYLE) != null) {
            return Kind.LIFESTYLE;
        }
        if (RecordReader.system(code, Codes.CS_RED_FLAG) != null) {
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
    static final class Finding {
        final Muscle muscle;
        final Side side;
        RecordReader.Latest<Strength> strength;
        RecordReader.Latest<Length> length;
        RecordReader.Latest<Boolean> feelsTight;

        Finding(Muscle muscle, Side side) {
            this.muscle = muscle;
            this.side = side;
        }

        MuscleFinding build() {
            return new MuscleFinding(muscle, side, RecordReader.value(strength),
                    RecordReader.value(length), RecordReader.value(feelsTight));
        }
    }

    private void muscleObservation(Observation o, Kind kind, long order, String path) {
        Muscle muscle = null;
        Side side = Side.BOTH;
        String sitePath = path + ".bodySite";
        if (RecordReader.system(o.getBodySite(), Codes.CS_MUSCLE) == null) {
            r.problem(sitePath, "a muscle: a code of " + Codes.CS_MUSCLE);
        } else {
            muscle = fields.enumCode(o.getBodySite(), Codes.CS_MUSCLE, Muscle.class, sitePath);
            int before = r.pendingCount();
            Side given = fields.laterality(o.getBodySite(), List.of(), sitePath);
            side = given != null ? given : r.pendingCount() > before ? null : Side.BOTH;
        }
        Object value = switch (kind) {
            case MUSCLE_STRENGTH -> fields.codedValue(o.getValue(), Codes.CS_STRENGTH, Strength.class, path);
            case MUSCLE_LENGTH -> fields.codedValue(o.getValue(), Codes.CS_LENGTH, Length.class, path);
            default -> fields.booleanValue(o.getValue(), path);
        };
        if (muscle == null || side == null) {
            return; // which finding it is not known: its problems count
        }
        for (Finding other : r.findings.values()) {
            if (other.muscle == muscle && (other.side == Side.BOTH) != (side == Side.BOTH)) {
                r.problem(sitePath, "either findings for both sides (no laterality) or for the left and right side of a"
                        + " muscle, but another observation of this muscle is of the other kind");
                return;
            }
        }
        Muscle m = muscle;
        Side s = side;
        Finding finding = r.findings.computeIfAbsent(muscle + " " + side, k -> new Finding(m, s));
        String what = "muscle finding (" + kind.name().toLowerCase().replace('_', ' ') + ")";
        switch (kind) {
            case MUSCLE_STRENGTH -> finding.strength = r.latest(finding.strength, (Strength) value, order, path, what);
            case MUSCLE_LENGTH -> finding.length = r.latest(finding.length, (Length) value, order, path, what);
            default -> finding.feelsTight = r.latest(finding.feelsTight, (Boolean) value, order, path, what);
        }
    }

    private <E extends Enum<E>> void booleanFact(Observation o, Class<E> type, String system, Map<E, RecordReader.Latest<Boolean>> facts,
            long order, String path) {
        E code = fields.enumCode(o.getCode(), system, type, path + ".code");
        if (code == null) {
            return; // which fact it is not known: its problems count
        }
        Boolean present = fields.booleanValue(o.getValue(), path);
        facts.put(code, r.latest(facts.get(code), present, order, path, type.getSimpleName().toLowerCase()));
    }
}
