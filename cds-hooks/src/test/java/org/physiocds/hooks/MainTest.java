package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's configuration errors: one clear line, no stack trace, exit 2. */
class MainTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertConfigError(Run run, String expected) {
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void trustedClients_missingFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("clients.json");
        assertConfigError(run("--trusted-clients", missing.toString(), "--public-url", "https://cds.test.example"),
                "--trusted-clients " + missing + ": no such file");
    }

    @Test
    void trustedClients_notJsonOrWrongShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clients.json");
        Files.writeString(file, "{not json");
        assertConfigError(run("--trusted-clients", file.toString(), "--public-url", "https://cds.test.example"),
                "--trusted-clients " + file + ": not a JSON document");
        Files.writeString(file, "{\"clients\":[{\"iss\":\"https://ehr.example\"}]}");
        assertConfigError(run("--trusted-clients", file.toString(), "--public-url", "https://cds.test.example"),
                "clients[0] needs jwks or jku");
    }

    @Test
    void publicUrl_requiredOutsideDev(@TempDir Path dir) throws Exception {
        assertConfigError(run("--trusted-clients", ServiceProcess.trustedClientsFile(dir)),
                "--public-url URL is required");
    }

    @Test
    void database_unusableUrl(@TempDir Path dir) throws Exception {
        assertConfigError(run("--trusted-clients", ServiceProcess.trustedClientsFile(dir), "--public-url",
                "https://cds.test.example", "--database", "jdbc:nosuchdriver:somewhere;password=secret"),
                "cannot open the database jdbc:nosuchdriver:somewhere");
        assertFalse(run("--trusted-clients", ServiceProcess.trustedClientsFile(dir), "--public-url",
                "https://cds.test.example", "--database", "jdbc:nosuchdriver:somewhere;password=secret").err()
                .contains("secret"), "the URL's parameters (a password) are not printed");
    }

    @Test
    void badPortOrMissingValue() throws Exception {
        assertConfigError(run("--dev", "--port", "eighty"), "--port must be a number");
        assertConfigError(run("--dev", "--port"), "--port needs a value");
    }

    @Test
    void feedbackReport_noSuchDatabase_errorAndNothingCreated(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("elsewhere/cds-hooks");
        assertConfigError(run("feedback-report", "--database", "jdbc:h2:file:" + db),
                "no database at jdbc:h2:file:" + db + ": it does not exist");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no empty database created");
        }
    }
}
