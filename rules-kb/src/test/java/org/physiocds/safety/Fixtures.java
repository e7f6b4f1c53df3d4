package org.physiocds.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.physiocds.CdsEngine;
import org.physiocds.model.Patient;

/** What the safety tests share: one engine (building it is the slow part) and list shuffling. */
final class Fixtures {

    static final CdsEngine ENGINE = CdsEngine.builder().build();

    /** The seed of the generated patients: fixed, so a run can be repeated; -Dphysiocds.seed=... to explore. */
    static final long SEED = Long.getLong("physiocds.seed", 20_251_120L);

    private Fixtures() {
    }

    /** The same patient with every list in another order. */
    static Patient shuffled(Patient p, Random random) {
        return new Patient(p.patientId(), p.age(), p.painRegion(), p.painDurationWeeks(), p.painIntensity(),
                shuffle(p.muscles(), random), shuffle(p.injuries(), random), shuffle(p.surgeries(), random),
                p.stretching(), shuffle(p.signs(), random), shuffle(p.lifestyle(), random),
                shuffle(p.redFlags(), random), p.startBack());
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
