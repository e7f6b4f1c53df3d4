package org.physiocds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a host application gets from an invalid patient: a message safe to log (paths and
 * expectations, no given value, no made-up field name), and problems that keep the exact detail
 * and survive Java serialisation (a job queue, a remote call, a session store).
 */
class InvalidPatientExceptionTest {

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("age", "an integer from 0 to 120", "130"),
            new Problem("painRegion", "one of LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE", "\"lower_back\""),
            new Problem("stretching.bouncing", "one of the fields sessionsPerWeek, ...; this field is unknown"),
            new Problem("muscles[1].feelsTight", "true or false, was a string"));

    @Test
    void message_pathsAndExpectations_neitherGivenValuesNorUnknownNames() {
        InvalidPatientException e = new InvalidPatientException(PROBLEMS);

        assertEquals("4 invalid field(s): age: expected an integer from 0 to 120; painRegion: expected one of"
                + " LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE; stretching.<unknown field>: expected one"
                + " of the fields sessionsPerWeek, ...; this field is unknown; muscles[1].feelsTight: expected true or"
                + " false, was a string", e.getMessage());
        for (String given : List.of("130", "lower_back", "bouncing")) {
            assertFalse(e.getMessage().contains(given), given);
        }
        assertEquals(PROBLEMS, e.problems());
    }

    @Test
    void serialisation_roundTrip_keepsEveryProblemWithItsDetail() throws IOException, ClassNotFoundException {
        InvalidPatientException original = new InvalidPatientException(PROBLEMS);

        InvalidPatientException copy = (InvalidPatientException) roundTrip(original);

        assertEquals(PROBLEMS, copy.problems());
        assertEquals("\"lower_back\"", copy.problems().get(1).given());
        assertEquals("stretching.bouncing", copy.problems().get(2).path());
        assertEquals(original.getMessage(), copy.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> copy.problems().add(new Problem("x", "y")));
    }

    @Test
    void serialisation_invalidThresholds_keepsTheNames() throws IOException, ClassNotFoundException {
        InvalidThresholdsException original = assertThrows(InvalidThresholdsException.class,
                () -> new Thresholds(-1, 90, 60, 3, 12));

        InvalidThresholdsException copy = (InvalidThresholdsException) roundTrip(original);

        assertEquals(List.of("recentInjuryDays"), copy.thresholds());
        assertEquals(original.getMessage(), copy.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$                                 | $",
        "age                               | age",
        "muscles[12].strength              | muscles[12].strength",
        "startBack.item9                   | startBack.item9",
        "weight                            | <unknown field>",
        "stretching.bouncing               | stretching.<unknown field>",
        "muscles[0].tight                  | muscles[0].<unknown field>",
        "john_smith.age                    | <unknown field>",
        "stretching[\"\"]                  | stretching.<unknown field>",
        "[\"a.b\"]                         | <unknown field>",
        "[\"muscles\"][0]                  | <unknown field>",
        "muscles[x]                        | muscles.<unknown field>",
        "muscles[]                         | muscles.<unknown field>",
        ".age                              | <unknown field>",
        "muscles[0].age                    | muscles[0].age",
    })
    void loggablePath_namesOnlyFieldsOfTheFormatAndIndices(String path, String loggable) {
        Problem p = new Problem(path, "something", "\"secret\"");

        assertEquals(loggable, p.loggablePath());
        assertEquals(loggable + ": expected something", p.toString());
    }

    @Test
    void problem_withoutGiven_isTheTwoArgumentProblem() {
        assertEquals(new Problem("age", "an integer"), new Problem("age", "an integer", null));
        assertThrows(NullPointerException.class, () -> new Problem(null, "x"));
        assertThrows(NullPointerException.class, () -> new Problem("x", null));
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object copy = in.readObject();
            assertTrue(o.getClass().isInstance(copy));
            return copy;
        }
    }
}
