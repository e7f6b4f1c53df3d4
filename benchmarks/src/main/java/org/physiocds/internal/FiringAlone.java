package org.physiocds.internal;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.physiocds.Thresholds;
import org.physiocds.model.Patient;

/**
 * Drools' own firing for one patient, as the engine does it (a pooled session, the facts inserted,
 * the four stages fired, the session reset) but with no listener recording explanations and no
 * result assembled: the floor an evaluation with every explanation built is measured against.
 * In this package only to reach the knowledge base's {@code KieBase}; benchmark code, never shipped.
 */
public final class FiringAlone {

    private final KieSessionsPool sessions;

    public FiringAlone() {
        sessions = KnowledgeBase.load(FiringAlone.class.getClassLoader()).kieBase().newKieSessionsPool(1);
    }

    /** The number of rule firings, so that the work cannot be optimised away. */
    public int fire(Patient patient) {
        KieSession session = sessions.newKieSession();
        try {
            return Evaluator.fire(session, patient,
                    patient.startBack() == null ? null : StartBackScorer.score(patient.startBack()), Thresholds.DEFAULTS);
        } finally {
            session.dispose();
        }
    }
}
