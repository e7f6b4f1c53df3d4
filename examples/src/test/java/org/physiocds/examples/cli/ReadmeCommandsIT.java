package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command-line example in the README and in {@code docs/} runs as written on this build, so
 * the documents cannot drift from the program. The commands are the lines of {@code ```sh} blocks
 * that run the packaged CLI ({@code java -jar examples/target/cds-examples.jar} or the
 * {@code examples/target/cds} launcher), in document order, from a folder where {@code examples/}
 * is this project's (so what they write lands in the temporary folder). The status expected is 0,
 * or N where the line's comment says "exit N". One change is made: a {@code generate --count}
 * of more than 500 patients runs with 500, to keep the build short. Commands that need a
 * server, a Spark installation or minutes of machine time (the other lines) are left out; the
 * CDS Hooks, population and benchmarks tests run their README commands themselves.
 */
class ReadmeCommandsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CLI = Pattern.compile("^(java -jar examples/target/cds-examples\\.jar|examples/target/cds) .*");
    private static final Pattern EXIT = Pattern.compile("#.*\\bexit (\\d)\\b");
    private static final Pattern COUNT = Pattern.compile("--count (\\d+)");

    record Command(String document, int line, String text, int status) {
    }

    @Test
    void everyCliCommand_inTheReadmeAndDocs_runsAsWritten(@TempDir Path work) throws Exception {
        Files.createSymbolicLink(work.resolve("examples"), ROOT.resolve("examples"));
        List<Command> commands = new ArrayList<>();
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("examples/scenarios/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        for (Path document : documents) {
            commands.addAll(commands(document));
        }
        assertTrue(commands.size() >= 10, "the README's command-line section is found: " + commands);

        List<String> failures = new ArrayList<>();
        for (Command c : commands) {
            Path out = work.resolve("stdout.txt");
            Path err = work.resolve("stderr.txt");
            Process shell = new ProcessBuilder("bash", "-c", c.text()).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!shell.waitFor(120, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
                failures.add(c + ": did not finish in 120 s");
                continue;
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (shell.exitValue() != c.status()) {
                failures.add(c + ": exit " + shell.exitValue() + "\n" + stderr);
            }
            if (stderr.contains("\tat ") || stderr.contains("Exception in thread")) {
                failures.add(c + ": a stack trace\n" + stderr);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void setUpCommand_ofTheReadme_runsTheScenarios() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("./mvnw -q -B -ntp package -DskipTests && java -jar examples/target/cds-examples.jar scenarios\n"),
                "the README's first command runs the scenarios with the jar this build makes");
    }

    /** The CLI lines of a document's {@code sh} blocks, with their expected status. */
    static List<Command> commands(Path document) throws IOException {
        List<Command> commands = new ArrayList<>();
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        boolean inShell = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inShell = !inShell && line.strip().equals("```sh");
                continue;
            }
            if (!inShell || !CLI.matcher(line).matches()) {
                continue;
            }
            Matcher exit = EXIT.matcher(line);
            int status = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
            String text = line.replaceFirst("\\s+#.*$", "");
            Matcher count = COUNT.matcher(text);
            if (count.find() && Long.parseLong(count.group(1)) > 500) {
                text = count.replaceFirst("--count 500");
            }
            commands.add(new Command(ROOT.relativize(document).toString(), i + 1, text, status));
        }
        return commands;
    }
}
