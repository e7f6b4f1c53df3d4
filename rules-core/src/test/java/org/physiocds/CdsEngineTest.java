package org.physiocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.model.Target;

/** What an app developer meets before any rule runs: building the engine and its settings. */
class CdsEngineTest {

    @Test
    void build_knowledgeBaseNotOnTheClassPath_failsWithTheLibrarysOwnClearError() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        CdsException e = assertThrows(CdsException.class, () -> CdsEngine.builder().classLoader(empty).build());

        assertTrue(e.getMessage().contains("add the rules-kb artifact as a dependency"), e.getMessage());
    }

    @Test
    void thresholds_outOfRange_areRejectedNamingTheParameter() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> Thresholds.DEFAULTS.withRecentInjuryDays(-1));

        assertEquals("recentInjuryDays must be from 0 to 3650 days, was -1", e.getMessage());
    }

    @Test
    void thresholds_defaults_areTheDocumentedValues() {
        assertEquals(new Thresholds(42, 90, 60, 3, 12), Thresholds.DEFAULTS);
        assertEquals(30, Thresholds.DEFAULTS.withPainReturnMinutes(30).painReturnMinutes());
    }

    @Test
    void covers_region_coversItselfAndItsMusclesOnly() {
        assertTrue(Region.LOWER_BACK.covers(Region.LOWER_BACK));
        assertTrue(Region.LOWER_BACK.covers(Muscle.QUADRATUS_LUMBORUM));
        assertTrue(!Region.LOWER_BACK.covers(Muscle.HAMSTRINGS));
        assertTrue(!Muscle.HAMSTRINGS.covers(Region.HIP));
        assertTrue(!Target.GENERAL.covers(Muscle.GLUTES));
    }

    @Test
    void fromCode_everyCode_roundTrips() {
        for (Muscle m : Muscle.values()) {
            assertEquals(m, Target.fromCode(m.code()));
        }
        for (Region r : Region.values()) {
            assertEquals(r, Target.fromCode(r.code()));
        }
        assertEquals(Target.GENERAL, Target.fromCode("GENERAL"));
        assertEquals(null, Target.fromCode("ELBOW"));
    }
}
