package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.Agenda;
import org.kie.api.runtime.rule.AgendaGroup;
import org.physiocds.CdsException;
import org.physiocds.Thresholds;
import org.physiocds.model.Patient;

/**
 * The seam between the library and Drools: whatever Drools throws, callers see only the library's
 * own exception, and the session is always disposed (returned to the pool, reset). Drools is mocked here only to make it fail;
 * the rules themselves are tested against the real engine in rules-kb.
 */
class EvaluatorTest {

    private final KnowledgeBase kb = mock(KnowledgeBase.class);
    private final KieSession session = mock(KieSession.class);

    EvaluatorTest() {
        KieBase kieBase = mock(KieBase.class);
        when(kb.kieBase()).thenReturn(kieBase);
        KieSessionsPool pool = mock(KieSessionsPool.class);
        when(kieBase.newKieSessionsPool(anyInt())).thenReturn(pool);
        when(pool.newKieSession()).thenReturn(session);
        Agenda agenda = mock(Agenda.class);
        when(session.getAgenda()).thenReturn(agenda);
        when(agenda.getAgendaGroup(anyString())).thenReturn(mock(AgendaGroup.class));
    }

    @Test
    void evaluate_droolsFailsInAConsequence_throwsCdsExceptionAndDisposesTheSession() {
        RuntimeException droolsFailure = new IllegalStateException("consequence failed");
        when(session.fireAllRules(anyInt())).thenThrow(droolsFailure);

        CdsException e = assertThrows(CdsException.class,
                () -> new Evaluator(kb, Thresholds.DEFAULTS).evaluate(Patient.builder().patientId("secret-id").build()));

        assertSame(droolsFailure, e.getCause());
        assertFalse(e.getMessage().contains("secret-id"));
        verify(session).dispose();
    }

    @Test
    void evaluate_rulesThatNeverSettle_stopAtTheFiringLimit() {
        when(session.fireAllRules(anyInt())).thenReturn(Evaluator.MAX_FIRINGS);

        CdsException e = assertThrows(CdsException.class,
                () -> new Evaluator(kb, Thresholds.DEFAULTS).evaluate(Patient.builder().build()));

        assertEquals("the knowledge base did not settle within 10000 rule firings", e.getMessage());
        verify(session).dispose();
    }
}
