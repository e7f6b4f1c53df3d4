package org.physiocds.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.physiocds.CdsException;
import org.physiocds.Evaluation;
import org.physiocds.StartBackResult;
import org.physiocds.Thresholds;
import org.physiocds.internal.kb.StartBackScore;
import org.physiocds.internal.kb.SurgicalRegions;
import org.physiocds.model.Muscle;
import org.physiocds.model.Injury;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Surgery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one patient through the knowledge base: a fresh session per evaluation (the shared
 * {@code KieBase} is thread-safe; sessions are not shared), facts inserted in a canonical order so
 * the input's list order cannot change the result.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /**
     * The knowledge base works in stages, each run to completion before the next, so that no
     * outcome depends on firing order: the default stage derives findings and proposes advice;
     * {@code resolve} sees every finding and proposal at once, so contraindications overrule
     * conflicting advice there (and red-flag referrals, which weigh all findings together, are made
     * there); {@code complete} adds what depends on the advice left standing (dosage, warm-up,
     * pairings); {@code resolve} then runs again, so a contraindication also overrules what
     * {@code complete} proposed.
     */
    static final List<String> LATER_STAGES = List.of("resolve", "complete", "resolve");

    /** A runaway rule loop is a fault in the knowledge base; stop it rather than hang. */
    static final int MAX_FIRINGS = 10_000;

    private static final Comparator<MuscleFinding> MUSCLE_ORDER = Comparator
            .comparing(MuscleFinding::muscle)
            .thenComparing(MuscleFinding::side)
            .thenComparing(MuscleFinding::strength, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MuscleFinding::length, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MuscleFinding::feelsTight, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Injury> INJURY_ORDER = Comparator
            .comparing(Injury::type)
            .thenComparing(Injury::muscle, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Injury::side)
            .thenComparing(Injury::daysAgo, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<Surgery> SURGERY_ORDER = Comparator
            .comparing(Surgery::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Surgery::daysAgo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Surgery::side, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final KnowledgeBase kb;
    private final Thresholds thresholds;
    /** Grows to the number of threads evaluating at once, and keeps that many sessions. */
    private final KieSessionsPool sessions;

    public Evaluator(KnowledgeBase kb, Thresholds thresholds) {
        this.kb = kb;
        this.thresholds = thresholds;
        this.sessions = kb.kieBase().newKieSessionsPool(1);
    }

    /**
     * Evaluates a patient that has already been validated, with the report of what unknown facts
     * could change the advice ({@link MissingData}).
     */
    public Evaluation evaluateWithMissingData(Patient patient) {
        Evaluation base = evaluate(patient);
        return base.withMissingData(MissingData.report(patient, base, thresholds, this::evaluate));
    }

    /** Evaluates a patient that has already been validated. */
    public Evaluation evaluate(Patient patient) {
        return evaluate(patient, true);
    }

    /**
     * Evaluates a patient that has already been validated; without {@code describeFacts}, for its
     * decisions only: the same result, but no explanation has facts (see {@link Firings}).
     */
    public Evaluation evaluate(Patient patient, boolean describeFacts) {
        Firings firings = new Firings(kb, describeFacts);
        StartBackResult startBack = patient.startBack() == null ? null : StartBackScorer.score(patient.startBack());
        KieSession session = sessions.newKieSession();
        try {
            if (describeFacts) {
                session.addEventListener(firings.agendaListener);
            }
            session.addEventListener(firings.insertionListener);
            int fired = fire(session, patient, startBack, thresholds);
            if (fired >= MAX_FIRINGS) {
                throw new CdsException("the knowledge base did not settle within " + MAX_FIRINGS + " rule firings");
            }
            LOG.debug("{} rule firings", fired);
        } catch (CdsException e) {
            throw e;
        } catch (RuntimeException e) {
            // Drools wraps consequence failures in its own types: never let them out.
            throw new CdsException("the knowledge base failed during evaluation: " + e.getClass().getSimpleName(), e);
        } finally {
            session.dispose(); // back to the pool, reset
        }
        return ResultAssembler.assemble(patient.patientId(), kb.info(), thresholds, firings, startBack,
                patient.redFlagsScreened(), InputWarnings.of(patient));
    }

    /**
     * Drools' own work for one patient: the facts in, the four stages fired; returns the number of
     * firings. Also what the firing-alone benchmark measures, without the listeners.
     */
    static int fire(KieSession session, Patient patient, StartBackResult startBack, Thresholds thresholds) {
        session.setGlobal("thresholds", thresholds);
        insertFacts(session, patient, thresholds);
        if (startBack != null) {
            session.insert(StartBackScore.of(startBack));
        }
        int fired = session.fireAllRules(MAX_FIRINGS);
        for (String stage : LATER_STAGES) {
            session.getAgenda().getAgendaGroup(stage).setFocus();
            fired += session.fireAllRules(MAX_FIRINGS);
        }
        return fired;
    }

    /**
     * The muscle findings, with a finding for both sides split into a left and a right one when a
     * muscle of its region has an injury on one side only, so that each side gets the advice it
     * needs: short hamstrings (or hip flexors) on both sides with a left hamstring strain are
     * stretched on the right only, the left waiting for clearance. Likewise for a muscle that a recent
     * one-sided surgery holds ({@link SurgicalRegions}): weak glutes on both sides after a right hip
     * operation are strengthened on the left, the right waiting for clearance.
     */
    static List<MuscleFinding> sidedFindings(Patient patient, Thresholds thresholds) {
        if (patient.injuries().isEmpty() && patient.surgeries().isEmpty()) {
            return patient.muscles();
        }
        List<MuscleFinding> findings = new ArrayList<>(patient.muscles().size());
        for (MuscleFinding f : patient.muscles()) {
            if (f.side() == Side.BOTH && (injuredOnOneSide(patient, f.muscle().region())
                    || operatedOnOneSide(patient, f.muscle(), thresholds))) {
                findings.add(new MuscleFinding(f.muscle(), Side.LEFT, f.strength(), f.length(), f.feelsTight()));
                findings.add(new MuscleFinding(f.muscle(), Side.RIGHT, f.strength(), f.length(), f.feelsTight()));
            } else {
                findings.add(f);
            }
        }
        return findings;
    }

    private static boolean injuredOnOneSide(Patient patient, Region region) {
        for (Injury i : patient.injuries()) {
            if (i.muscle() != null && i.muscle().region() == region && i.side() != Side.BOTH) {
                return true;
            }
        }
        return false;
    }

    private static boolean operatedOnOneSide(Patient patient, Muscle muscle, Thresholds thresholds) {
        for (Surgery s : patient.surgeries()) {
            if ((s.side() == Side.LEFT || s.side() == Side.RIGHT) && SurgicalRegions.holdsMuscle(s.region(), muscle)
                    && (s.daysAgo() == null || s.daysAgo() <= thresholds.recentSurgeryDays())) {
                return true;
            }
        }
        return false;
    }

    private static void insertFacts(KieSession session, Patient patient, Thresholds thresholds) {
        session.insert(patient);
        insertSorted(session, sidedFindings(patient, thresholds), MUSCLE_ORDER);
        insertSorted(session, patient.injuries(), INJURY_ORDER);
        insertSorted(session, patient.surgeries(), SURGERY_ORDER);
        if (patient.stretching() != null) {
            session.insert(patient.stretching());
        }
        insertDistinctSorted(session, patient.signs());
        insertDistinctSorted(session, patient.lifestyle());
        insertDistinctSorted(session, patient.redFlags());
    }

    private static <T> void insertSorted(KieSession session, List<T> facts, Comparator<? super T> order) {
        if (facts.size() > 1) {
            facts = new ArrayList<>(facts);
            facts.sort(order);
        }
        for (T fact : facts) {
            session.insert(fact);
        }
    }

    /** Signs, lifestyle factors and red flags are enum constants: each once, in declaration order. */
    private static <E extends Enum<E>> void insertDistinctSorted(KieSession session, List<E> facts) {
        if (facts.isEmpty()) {
            return;
        }
        EnumSet<E> distinct = EnumSet.copyOf(facts);
        for (E fact : distinct) {
            session.insert(fact);
        }
    }
}
