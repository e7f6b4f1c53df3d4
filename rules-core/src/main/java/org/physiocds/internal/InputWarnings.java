package org.physiocds.internal;

import java.util.ArrayList;
import java.util.List;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;

/**
 * What in a valid patient looks inconsistent: values each valid on its own that contradict each
 * other, so that one of them is probably a slip in the record. The patient is still evaluated as
 * given (the safer reading); the result carries each warning for the clinician to check. Warnings
 * name fields and codes, never patient data beyond the values compared.
 */
final class InputWarnings {

    private InputWarnings() {
    }

    static List<String> of(Patient p) {
        List<String> warnings = new ArrayList<>(1);
        if (p.redFlags().contains(RedFlag.AGE_OVER_50_NEW_PAIN) && p.age() != null && p.age() <= 50) {
            warnings.add("redFlags: AGE_OVER_50_NEW_PAIN (new back pain after the age of 50) was given for a"
                    + " patient whose age is " + p.age() + ": check the age and the red-flag screen; the flag"
                    + " is taken as given.");
        }
        if (p.startBack() != null && p.age() != null && p.age() < 16) {
            warnings.add("startBack: the STarT Back answers were given for a patient aged " + p.age() + "; the"
                    + " tool was developed and tested in adults, so its score is reported but no stratified care"
                    + " is given (a medical review comes first).");
        }
        return warnings;
    }
}
