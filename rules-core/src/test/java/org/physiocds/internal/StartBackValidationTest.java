package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.StartBackAnswers;

/** STarT Back answers, when given, must be complete: a partial tool cannot be scored. */
class StartBackValidationTest {

    @Test
    void validate_noStartBackAtAll_isValid() {
        assertDoesNotThrow(() -> PatientValidator.validate(Patient.builder().age(40).build()));
    }

    @Test
    void validate_completeAnswers_isValid() {
        StartBackAnswers complete = new StartBackAnswers(false, false, false, false, false, false, false, false,
                Bothersomeness.NOT_AT_ALL);

        assertDoesNotThrow(() -> PatientValidator.validate(Patient.builder().startBack(complete)
                .redFlags(RedFlag.NIGHT_PAIN).build()));
    }

    @Test
    void validate_missingItems_reportsEachByItsPath() {
        StartBackAnswers partial = new StartBackAnswers(true, null, true, null, true, true, true, true, null);

        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> PatientValidator.validate(Patient.builder().startBack(partial).build()));

        assertEquals(List.of("startBack.item2", "startBack.item4", "startBack.item9"),
                e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void validate_emptyAnswers_reportsAllNineItems() {
        StartBackAnswers empty = new StartBackAnswers(null, null, null, null, null, null, null, null, null);

        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> PatientValidator.validate(Patient.builder().startBack(empty).build()));

        assertEquals(9, e.problems().size());
        assertEquals("startBack.item9", e.problems().get(8).path());
    }
}
