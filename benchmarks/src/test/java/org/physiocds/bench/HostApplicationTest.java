package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.example.host.Parcel;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.physiocds.CdsEngine;
import org.physiocds.Thresholds;

/**
 * An application with Drools rules of its own (a kmodule.xml with a default kbase and session,
 * and its DRL; see this module's test resources) can use the engine on the same class path: its
 * default kbase and session still work, and the engine's results are unchanged. Before rules-kb's
 * kmodule.xml stopped declaring defaults, Drools disabled every default ("Found more than one
 * default KieBase") and the host's {@code newKieSession()} failed.
 */
class HostApplicationTest {

    @Test
    void hostKieContainerAndEngine_sameClassPath_eachGivesItsOwnResults() {
        KieContainer host = KieServices.get().getKieClasspathContainer();
        CdsEngine engine = CdsEngine.builder().build();

        KieSession session = host.newKieSession();
        Parcel heavy = new Parcel(40);
        Parcel light = new Parcel(2);
        session.insert(heavy);
        session.insert(light);
        int fired = session.fireAllRules();
        session.dispose();

        assertEquals(1, fired);
        assertEquals("freight", heavy.getLabel());
        assertEquals(null, light.getLabel());
        assertEquals(HandCodedSubset.evaluate(Patients.TYPICAL, Thresholds.DEFAULTS),
                Decisions.of(engine.evaluate(Patients.TYPICAL)));
        assertEquals(HandCodedSubset.evaluate(Patients.COMPLEX, Thresholds.DEFAULTS),
                Decisions.of(engine.evaluate(Patients.COMPLEX)));
    }
}
