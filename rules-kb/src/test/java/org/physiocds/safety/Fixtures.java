package org.physiocds.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.physiocds.CdsEngine;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Sign;

/** What the safety tests share: one engine (building it is the slow part) and list shuffling. */
final class Fixtures {

    static final CdsEngine ENGINE = CdsEngine.builder().build();

    /** The seed of the generated patients: fixed, so a run can be repeated; -Dphysiocds.seed=... to explore. */
    static final long SEED = Long.getLong("physiocds.seed", 20_251_120L);

    private Fixtures() {
    }

    /** The same patient with every list in another order. */
    static Patient shuffled(Patient p, Random random) {
        Patient.Builder b = Patient.builder().patientId(p.patientId()).age(p.age())
                .pain(p.painRegion(), p.painDurationWeeks(), p.painIntensity())
                .stretching(p.stretching()).startBack(p.startBack());
        shuffle(p.muscles(), random).forEach(b::muscle);
        shuffle(p.injuries(), random).forEach(b::injury);
        shuffle(p.surgeries(), random).forEach(b::surgery);
        return b.signs(shuffle(p.signs(), random).toArray(Sign[]::new))
                .lifestyle(shuffle(p.lifestyle(), random).toArray(Lifestyle[]::new))
                .redFlags(shuffle(p.redFlags(), random).toArray(RedFlag[]::new))
                .build();
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
