package org.physiocds.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void main_fourPatients_rendersEachEvaluationAndTheInvalidOnesProblems() {
        String out = captureStdout(() -> EmbeddingExample.main(new String[0]));

        assertAll(
                () -> assertTrue(out.contains("Patient desk-worker"), out),
                () -> assertTrue(out.contains("MOBILIZE: STRETCH hip flexors, hold 30-60 s"), out),
                () -> assertTrue(out.contains("ACTIVATE: STRENGTHEN glutes"), out),
                () -> assertTrue(out.contains("SAFETY: DO_NOT_STRETCH glutes (NOT_INDICATED)"), out),
                () -> assertTrue(out.contains("DAILY_PRACTICE: ADVISE a daily practice"), out),
                () -> assertTrue(out.contains("Patient runner"), out),
                () -> assertTrue(out.contains("SAFETY: REFER left hamstrings (ROUTINE, INJURY_CLEARANCE)"), out),
                () -> assertTrue(out.contains("SAFETY: DO_NOT_STRETCH left hamstrings (CONTRAINDICATED)"), out),
                () -> assertTrue(out.contains("NOT STRETCH left hamstrings, suppressed by SAF-02"), out),
                () -> assertTrue(out.contains("MOBILIZE: STRETCH right hamstrings, hold 30-60 s, 3-5 repetitions; pain-free range, mild discomfort only, no bouncing\n"), out),
                () -> assertTrue(out.contains("FLAG RECENT_INJURY"), out),
                () -> assertTrue(out.contains("Patient app-42"), out),
                () -> assertTrue(out.contains("MOBILIZE: STRETCH upper trapezius"), out),
                () -> assertTrue(out.contains("rule SAF-02, guidance G01 G02; seeds/000_d332fd75da60d9b3.txt"), out),
                () -> assertTrue(out.contains("Invalid patient, not evaluated:\n"
                        + "  age: expected an integer from 0 to 120, was 340\n"
                        + "  painRegion: expected one of LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE, was \"BACK\""),
                        out));
    }

    static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
