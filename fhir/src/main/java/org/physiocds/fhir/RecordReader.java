package org.physiocds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Reads the facts of one record (see {@code docs/fhir-mapping.md} for the table), collecting every
 * problem rather than stopping at the first. One instance per read: not thread-safe. The record's
 * patient is found first; then each resource is read by the reader of its kind
 * ({@link ConditionReader} for conditions and procedures, {@link ObservationReader},
 * {@link ResponseReader}), and the facts are assembled here.
 *
 * <p>Problems carry the FHIR path of the element at fault and what was expected there, in words
 * that never quote the record; an out-of-range number or an unknown code goes to
 * {@link Problem#given()} as the JSON codec does. A problem in a fact of which only the latest
 * counts (a pain score, a muscle finding...) rejects the record only when that resource is the one
 * used: one a later resource superseded is reported, not fatal.
 */
final class RecordReader {

    static final int MAX_AGE = 120;
    private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    final LocalDate asOf;
    /** The problems that reject the record. */
    private final List<Problem> problems = new ArrayList<>();
    /** Problems of the resource being read, until it is known whether they count. */
    private List<Problem> pending = new ArrayList<>();
    /** A note about the value of the resource being read (a rounding), kept with it. */
    String pendingNote;
    private final Map<String, Integer> used = new HashMap<>();
    private final Map<String, Integer> ignored = new HashMap<>();
    private final Map<String, Integer> notUnderstood = new HashMap<>();
    private final Map<String, Integer> notFacts = new HashMap<>();
    private final Map<String, Integer> otherPatients = new HashMap<>();
    private final List<String> superseded = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private String patientId;
    private Integer age;
    /** The references that name the record's patient: {@code Patient/id}, its fullUrl. */
    private final Set<String> patientKeys = new LinkedHashSet<>();
    private final List<Identifier> patientIdentifiers = new ArrayList<>();
    private boolean patientGiven;

    // The facts, filled by the readers of each kind.
    Latest<ConditionReader.Pain> pain;
    Latest<Integer> intensity;
    /** Per muscle and side (in order of first appearance): the latest of each property. */
    final Map<String, ObservationReader.Finding> findings = new LinkedHashMap<>();
    final List<Injury> injuries = new ArrayList<>();
    final List<Surgery> surgeries = new ArrayList<>();
    Latest<StretchingHistory> stretching;
    Latest<StartBackAnswers> startBack;
    final Map<Sign, Latest<Boolean>> signs = new EnumMap<>(Sign.class);
    final Map<Lifestyle, Latest<Boolean>> lifestyle = new EnumMap<>(Lifestyle.class);
    final Map<RedFlag, Latest<Boolean>> redFlags = new EnumMap<>(RedFlag.class);
    /** Red flags a condition records (a cancer, an infection): present whatever an observation says. */
    final Set<RedFlag> conditionRedFlags = EnumSet.noneOf(RedFlag.class);
    boolean osteoporosis;

    private final ConditionReader conditions = new ConditionReader(this);
    private final ObservationReader observations = new ObservationReader(this);
    private final ResponseReader responses = new ResponseReader(this);

    RecordReader(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** A resource, where it sits in what was given ({@code Bundle.entry[3].resource}), and its entry's fullUrl. */
    record Located(IBaseResource resource, String path, String fullUrl) {
    }

    /** Flattens bundles (and bundles in a list) into the resources the mapping reads; counts the others. */
    static void flatten(IBaseResource resource, String path, String fullUrl, List<Located> into,
            Map<String, Integer> ignored) {
        if (resource instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                if (entry.getResource() != null) {
                    flatten(entry.getResource(), path + ".entry[" + i + "].resource", entry.getFullUrl(), into, ignored);
                }
            }
        } else if (resource != null) {
            if (EntryReader.READ.contains(resource.fhirType())) {
                into.add(new Located(resource, path, fullUrl));
            } else {
                ignored.merge(resource.fhirType(), 1, Integer::sum);
            }
        }
    }

    /**
     * Reads the resources the entry reader kept.
     *
     * @param alreadyIgnored resources the entry reader counted without building them
     * @param earlier        problems found while picking the entries (an unknown resource type)
     */
    PatientRecord read(List<Located> resources, Map<String, Integer> alreadyIgnored, List<Problem> earlier) {
        problems.addAll(earlier);
        alreadyIgnored.forEach((type, n) -> ignored.merge(type, n, Integer::sum));
        List<Located> patients = resources.stream()
                .filter(l -> l.resource() instanceof org.hl7.fhir.r4.model.Patient).toList();
        readPatients(patients);
        problems.addAll(pending);
        List<String> subjects = new ArrayList<>(); // without a Patient: the distinct subjects, and where first seen
        List<String> subjectPaths = new ArrayList<>();
        for (Located located : resources) {
            if (!(located.resource() instanceof Resource r) || r instanceof org.hl7.fhir.r4.model.Patient) {
                continue;
            }
            Reference subject = subject(r);
            if (subject != null && patientGiven && !isThePatient(subject)) {
                count(otherPatients, r.fhirType());
                continue;
            }
            if (subject != null && !patientGiven && subject.hasReference()
                    && !subjects.contains(subject.getReference())) {
                subjects.add(subject.getReference());
                subjectPaths.add(located.path());
            }
            pending = new ArrayList<>();
            pendingNote = null;
            read(r, located.path());
            problems.addAll(pending);
        }
        if (subjects.size() > 1) {
            problems.add(new Problem(subjectPaths.get(1) + ".subject", "one patient per record: the resources are about "
                    + subjects.size() + " patients (this one's subject differs from that of " + subjectPaths.get(0)
                    + "); give the Patient resource, or one patient's resources"));
        }
        settle();
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(atMost(problems));
        }
        return new PatientRecord(build(), new MappingReport(used, ignored, notUnderstood, notFacts, otherPatients,
                superseded, notes));
    }

    private Patient build() {
        Patient.Builder patient = Patient.builder().patientId(patientId).age(age);
        if (pain != null || intensity != null) {
            patient.pain(value(pain) == null ? null : value(pain).region(), value(pain) == null ? null : value(pain).weeks(),
                    value(intensity));
        }
        findings.values().forEach(f -> patient.muscle(f.build()));
        if (osteoporosis && !injuries.isEmpty()) {
            conditionRedFlags.add(RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS);
            notes.add("osteoporosis and an injury or fracture in the record: " + RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS);
        }
        injuries.forEach(patient::injury);
        surgeries.forEach(patient::surgery);
        if (value(stretching) != null) {
            patient.stretching(value(stretching));
        }
        Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        flags.addAll(present(redFlags));
        flags.addAll(conditionRedFlags);
        patient.signs(present(signs).toArray(Sign[]::new));
        patient.lifestyle(present(lifestyle).toArray(Lifestyle[]::new));
        // Screened (interchange v1.3: redFlags present, maybe empty) only when the record says
        // something of red flags: an answer to a red-flag question, true or false, or a condition
        // that is one. A record silent on them is "not screened", never "screened, none".
        if (!redFlags.isEmpty() || !flags.isEmpty()) {
            patient.redFlags(flags.toArray(RedFlag[]::new));
        }
        if (value(startBack) != null) {
            patient.startBack(value(startBack));
        }
        return patient.build();
    }

    /** The winners' problems now count; their notes (a rounding) go to the report. */
    private void settle() {
        List<Latest<?>> winners = new ArrayList<>();
        winners.add(pain);
        winners.add(intensity);
        winners.add(stretching);
        winners.add(startBack);
        findings.values().forEach(f -> {
            winners.add(f.strength);
            winners.add(f.length);
            winners.add(f.feelsTight);
        });
        winners.addAll(signs.values());
        winners.addAll(lifestyle.values());
        winners.addAll(redFlags.values());
        for (Latest<?> winner : winners) {
            if (winner != null) {
                problems.addAll(winner.problems());
                if (winner.note() != null) {
                    notes.add(winner.note());
                }
            }
        }
    }

    // ---------------------------------------------------------------- dispatch

    private void read(Resource resource, String path) {
        if (resource instanceof Condition c) {
            conditions.condition(c, path);
        } else if (resource instanceof Observation o) {
            observations.observation(o, path);
        } else if (resource instanceof Procedure p) {
            conditions.procedure(p, path);
        } else if (resource instanceof QuestionnaireResponse q) {
            responses.response(q, path);
        } else {
            count(ignored, resource.fhirType());
        }
    }

    // ---------------------------------------------------------------- the patient

    /**
     * The record's one patient: two Patient resources that are not the same patient (the same id)
     * are a problem naming both entries. Its identity: the id, else its first business identifier,
     * else its entry's fullUrl.
     */
    private void readPatients(List<Located> patients) {
        Located first = null;
        for (Located located : patients) {
            org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) located.resource();
            String id = p.getIdElement().getIdPart();
            count(used, "Patient");
            if (first != null) {
                String firstId = ((org.hl7.fhir.r4.model.Patient) first.resource()).getIdElement().getIdPart();
                if (id == null || !id.equals(firstId)) {
                    problem(located.path(), "one Patient per record: this Patient and the one at " + first.path()
                            + " are two patients");
                }
                continue;
            }
            first = located;
            if (id != null) {
                patientKeys.add("Patient/" + id);
            }
            if (located.fullUrl() != null) {
                patientKeys.add(located.fullUrl());
            }
            for (Identifier identifier : p.getIdentifier()) {
                if (identifier.hasValue()) {
                    patientIdentifiers.add(identifier);
                }
            }
            patientGiven = true;
            patientId = id != null ? id
                    : !patientIdentifiers.isEmpty() ? patientIdentifiers.get(0).getValue()
                    : located.fullUrl();
            birthDate(p, located.path());
        }
    }

    private void birthDate(org.hl7.fhir.r4.model.Patient p, String path) {
        if (!p.hasBirthDateElement()) {
            return;
        }
        var element = p.getBirthDateElement();
        String text = element.getValueAsString();
        if (text == null) {
            boolean absent = false;
            for (Extension e : element.getExtension()) {
                absent |= DATA_ABSENT_REASON.equals(e.getUrl());
            }
            if (!absent) {
                problem(path + ".birthDate", "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            return; // US Core: a birth date not known, with its data-absent reason: no age
        }
        LocalDate born = FhirDates.latestDay(text);
        if (born == null || FhirDates.earliestDay(text) == null) {
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

    /** The subject (or patient) a resource is about, or {@code null} when it names none. */
    private static Reference subject(Resource r) {
        Reference subject = null;
        if (r instanceof Condition c) {
            subject = c.getSubject();
        } else if (r instanceof Observation o) {
            subject = o.getSubject();
        } else if (r instanceof Procedure p) {
            subject = p.getSubject();
        } else if (r instanceof QuestionnaireResponse q) {
            subject = q.getSubject();
        }
        return subject == null || (!subject.hasReference() && !subject.hasIdentifier()) ? null : subject;
    }

    /**
     * Whether a reference names the record's patient: its {@code Patient/id} (relative, or absolute
     * ending so), its fullUrl, or one of its identifiers.
     */
    private boolean isThePatient(Reference subject) {
        if (subject.hasReference()) {
            String ref = subject.getReference();
            if (patientKeys.contains(ref)) {
                return true;
            }
            for (String key : patientKeys) {
                if (key.startsWith("Patient/") && ref.endsWith("/" + key)) {
                    return true;
                }
            }
            return false;
        }
        Identifier given = subject.getIdentifier();
        for (Identifier identifier : patientIdentifiers) {
            if (identifier.getValue().equals(given.getValue())
                    && (given.getSystem() == null || given.getSystem().equals(identifier.getSystem()))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the report

    void used(String type) {
        count(used, type);
    }

    void ignored(String type) {
        count(ignored, type);
    }

    /** A resource of a kind the mapping reads whose codes it does not know. */
    void notUnderstood(String type) {
        count(notUnderstood, type);
    }

    void notFact(String type) {
        count(notFacts, type);
    }

    void note(String note) {
        notes.add(note);
    }

    // ---------------------------------------------------------------- latest wins

    /** A fact and the resource it came from, with the problems of that resource and a note. */
    record Latest<T>(T value, long order, String path, List<Problem> problems, String note) {
    }

    /**
     * The later of two readings of the same fact (later effective time; on a tie, the later in the
     * record). The resource being read takes its pending problems along: they count only if it wins.
     */
    <T> Latest<T> latest(Latest<T> current, T value, long order, String path, String what) {
        Latest<T> candidate = new Latest<>(value, order, path, List.copyOf(pending), pendingNote);
        pending.clear();
        pendingNote = null;
        if (current == null) {
            return candidate;
        }
        Latest<T> winner = candidate.order() >= current.order() ? candidate : current;
        Latest<T> loser = winner == candidate ? current : candidate;
        StringBuilder line = new StringBuilder(loser.path() + " (" + what + "): superseded by " + winner.path()
                + ", the latest effective");
        for (Problem p : loser.problems()) {
            line.append("; not readable, and not used: ").append(p.path()).append(": expected ").append(p.expected());
        }
        superseded.add(line.toString());
        return winner;
    }

    static <T> T value(Latest<T> latest) {
        return latest == null ? null : latest.value();
    }

    private static <E extends Enum<E>> List<E> present(Map<E, Latest<Boolean>> facts) {
        List<E> present = new ArrayList<>();
        facts.forEach((code, latest) -> {
            if (Boolean.TRUE.equals(latest.value())) {
                present.add(code);
            }
        });
        return present;
    }

    // ---------------------------------------------------------------- problems

    int pendingCount() {
        return pending.size();
    }

    void problem(String path, String expected) {
        pending.add(new Problem(path, expected));
    }

    void problem(String path, String expected, String given) {
        pending.add(new Problem(path, expected, given));
    }

    private static void count(Map<String, Integer> counts, String type) {
        counts.merge(type, 1, Integer::sum);
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

    // ---------------------------------------------------------------- codes

    static boolean has(CodeableConcept concept, String system, String code) {
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

    static boolean has(List<CodeableConcept> concepts, String system, String code) {
        return concepts.stream().anyMatch(c -> has(c, system, code));
    }

    static Coding system(CodeableConcept concept, String system) {
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

    static String code(CodeableConcept concept) {
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
    static boolean in(Set<String> set, String value) {
        return value != null && set.contains(value);
    }
}
