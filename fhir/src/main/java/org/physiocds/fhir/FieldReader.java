package org.physiocds.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.physiocds.model.Side;

/**
 * Reads one element's value (a number, a boolean, a code of one of our code systems, a date, a
 * laterality) for the readers of each kind, reporting a problem at its path when it is not what
 * the mapping expects.
 */
final class FieldReader {

    private final RecordReader r;

    FieldReader(RecordReader reader) {
        this.r = reader;
    }

    /** A whole number from {@code min} to {@code max}: valueInteger, or valueQuantity with no fraction. */
    Integer integerValue(Type value, String path, int min, int max) {
        return number(value, path, min, max, false);
    }

    /**
     * A score from {@code min} to {@code max}; a decimal (Synthea writes {@code 2.3005}) is rounded
     * half up to the whole number, and the rounding noted for the report.
     */
    Integer scoreValue(Type value, String path, int min, int max) {
        return number(value, path, min, max, true);
    }

    private Integer number(Type value, String path, int min, int max, boolean round) {
        Integer n = null;
        String at = path + ".value[x]";
        String range = "a whole number from " + min + " to " + max + (round ? " (a decimal score is rounded half up)" : "");
        if (value instanceof IntegerType i && i.getValue() != null) {
            at = path + ".valueInteger";
            n = i.getValue();
        } else if (value instanceof Quantity q && q.getValue() != null) {
            at = path + ".valueQuantity.value";
            BigDecimal given = q.getValue();
            if (given.compareTo(BigDecimal.valueOf(min)) < 0 || given.compareTo(BigDecimal.valueOf(max)) > 0) {
                r.problem(at, range, given.toPlainString());
                return null;
            }
            if (given.stripTrailingZeros().scale() > 0) {
                if (!round) {
                    r.problem(at, range, given.toPlainString());
                    return null;
                }
                r.pendingNote = at + ": a decimal score, rounded half up to the whole number";
                return given.setScale(0, RoundingMode.HALF_UP).intValueExact();
            }
            n = given.intValueExact();
        }
        if (n == null) {
            r.problem(at, "valueQuantity or valueInteger: " + range);
            return null;
        }
        if (n < min || n > max) {
            r.problem(at, range, String.valueOf(n));
            return null;
        }
        return n;
    }

    Boolean booleanValue(Type value, String path) {
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b && b.getValue() != null) {
            return b.getValue();
        }
        r.problem(path + (value == null ? ".value[x]" : ".valueBoolean"), "valueBoolean: true or false");
        return null;
    }

    <E extends Enum<E>> E codedValue(Type value, String system, Class<E> type, String path) {
        if (value instanceof CodeableConcept concept && RecordReader.system(concept, system) != null) {
            return enumCode(concept, system, type, path + ".valueCodeableConcept");
        }
        r.problem(path + (value instanceof CodeableConcept ? ".valueCodeableConcept" : ".value[x]"),
                "valueCodeableConcept: a code of " + system + " (" + names(type) + ")");
        return null;
    }

    /** The code of {@code system} in the concept as a constant of {@code type}, or a problem. */
    <E extends Enum<E>> E enumCode(CodeableConcept concept, String system, Class<E> type, String at) {
        Coding coding = RecordReader.system(concept, system);
        if (coding == null) {
            r.problem(at, "a code of " + system + " (" + names(type) + ")");
            return null;
        }
        String code = coding.getCode();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        r.problem(at, "a code of " + system + " (" + names(type) + ")", code == null ? null : "\"" + code + "\"");
        return null;
    }

    /**
     * The laterality of a body site, in any of its standard shapes: a laterality extension on the
     * site (ours, or mCODE's laterality qualifier); a SNOMED CT laterality qualifier coded beside
     * the structure in the same concept; or another {@code bodySite} of the resource that is a
     * laterality qualifier alone. None: {@code null} (the caller decides: both sides, or the side a
     * code carries).
     */
    Side laterality(CodeableConcept site, List<CodeableConcept> others, String at) {
        for (Extension e : site.getExtension()) {
            if (isLateralityExtension(e.getUrl())) {
                Side side = e.getValue() instanceof CodeableConcept c ? side(c) : null;
                if (side == null) {
                    r.problem(at + ".extension", "a laterality: a SNOMED CT code 7771000 (left), 24028007 (right) or"
                            + " 51440002 (right and left)");
                }
                return side;
            }
        }
        Side side = side(site);
        if (side != null) {
            return side;
        }
        for (CodeableConcept other : others) {
            if (other != site && !other.getCoding().isEmpty() && other.getCoding().stream().allMatch(FieldReader::isSide)) {
                return side(other);
            }
        }
        return null;
    }

    static boolean isLateralityExtension(String url) {
        return Codes.EXT_LATERALITY.equals(url) || Codes.EXT_LATERALITY_MCODE.equals(url) || Codes.EXT_LATERALITY_HL7.equals(url);
    }

    /** A SNOMED CT laterality qualifier among the concept's codings, or {@code null}. */
    static Side side(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (isSide(coding)) {
                return Codes.SIDE_BY_CODE.get(coding.getCode());
            }
        }
        return null;
    }

    private static boolean isSide(Coding coding) {
        return Codes.SNOMED.equals(coding.getSystem()) && RecordReader.in(Codes.SIDE_BY_CODE.keySet(), coding.getCode());
    }

    /** A date of the past (a partial date at its latest day, capped at the as-of date), or a problem. */
    LocalDate day(String text, String at) {
        LocalDate latest = FhirDates.latestDay(text);
        if (latest == null) {
            r.problem(at, "a date or date-time (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)");
            return null;
        }
        if (FhirDates.earliestDay(text).isAfter(r.asOf)) {
            r.problem(at, "a date on or before the as-of date");
            return null;
        }
        return latest.isAfter(r.asOf) ? r.asOf : latest;
    }

    static String names(Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        return names.toString();
    }
}
