package org.physiocds.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.physiocds.Evaluation;
import org.physiocds.Phase;
import org.physiocds.text.TextReport;
import org.physiocds.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cds scenarios [--reports] [--dir DIR] [NAME...]}: runs the example scenarios and checks their outcomes. */
@Command(name = "scenarios",
        description = {"Runs every scenario file (*.json) in the folder, in name order, or the scenarios NAMEd:"
                + " evaluates its patient and prints one line, PASS or FAIL, its name and the first item of"
                + " the plan's safety phase, then a total. With --reports, or for scenarios NAMEd, each"
                + " scenario's full report comes first. The format is described in examples/scenarios/README.md."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 every scenario passed, 1 a scenario failed (or a failure inside the"
                + " library), 2 a scenario file is invalid or DIR cannot be read."})
final class ScenariosCommand implements Callable<Integer> {

    static final String DEFAULT_DIR = "examples/scenarios";

    @ParentCommand
    private Cds cds;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-r", "--reports"}, description = "Print each scenario's full report before its result line.")
    private boolean reports;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "The folder of scenario files (default: ${DEFAULT-VALUE}, from the project root).")
    private Path dir;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Run only these scenarios (file names without .json) and print their reports.")
    private List<String> names = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            err.println("cds: cannot read the scenario folder " + dir + ": " + CannotRead.why(e)
                    + (dir.toString().equals(DEFAULT_DIR) ? " (run from the project root, or name the folder)" : ""));
            return Cds.INVALID_INPUT;
        }
        if (files.isEmpty()) {
            err.println("cds: no scenario files (*.json) in " + dir);
            return Cds.INVALID_INPUT;
        }
        if (!names.isEmpty()) {
            List<String> unknown = names.stream().filter(n -> !Files.isRegularFile(dir.resolve(n + ".json"))).toList();
            if (!unknown.isEmpty()) {
                err.println("cds: no scenario " + String.join(", ", unknown) + " in " + dir
                        + " (name a file without .json; scenarios --help)");
                return Cds.INVALID_INPUT;
            }
            files = names.stream().distinct().map(n -> dir.resolve(n + ".json")).toList();
        }
        boolean showReports = reports || !names.isEmpty();
        List<String> failed = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(file, cds.json());
            } catch (ScenarioReader.InvalidScenarioException e) {
                invalid.add(name);
                out.println("INVALID " + name + " (the problems are on stderr)");
                err.println("cds: " + file + " is not a valid scenario:");
                for (Problem p : e.problems()) {
                    err.println("  " + p.path() + ": expected " + p.expected()
                            + (p.given() == null ? "" : ", was " + p.given()));
                }
                continue;
            } catch (IOException | UncheckedIOException e) {
                invalid.add(name);
                out.println("INVALID " + name + " (the problems are on stderr)");
                err.println("cds: cannot read " + file + ": " + CannotRead.why(e));
                continue;
            }
            Evaluation evaluation = cds.engine().evaluate(scenario.patient());
            if (showReports) {
                out.println("=".repeat(TextReport.WIDTH));
                out.println("Scenario " + name);
                TextReport.wrap("  ", "  ", scenario.description()).forEach(out::println);
                out.println("-".repeat(TextReport.WIDTH));
                out.println(TextReport.render(evaluation));
                out.println();
            }
            List<String> failures = scenario.expect().check(evaluation);
            String line = name + "  " + firstSafetyItem(evaluation);
            if (failures.isEmpty()) {
                out.println("PASS " + line);
            } else {
                failed.add(name);
                out.println("FAIL " + line);
                failures.forEach(f -> out.println("  - " + f));
            }
        }
        out.println();
        out.println(summary(files.size(), failed, invalid));
        return !invalid.isEmpty() ? Cds.INVALID_INPUT : !failed.isEmpty() ? Cds.FAILED : Cds.OK;
    }

    /** What a clinician reads first: the plan's first safety item, or that it has none. */
    private static String firstSafetyItem(Evaluation evaluation) {
        return evaluation.recommendations().stream().filter(r -> r.phase() == Phase.SAFETY).findFirst()
                .map(TextReport::summaryLine).map(s -> "safety: " + s).orElse("no safety item");
    }

    private static String summary(int total, List<String> failed, List<String> invalid) {
        if (failed.isEmpty() && invalid.isEmpty()) {
            return "All " + total + " scenarios passed.";
        }
        int passed = total - failed.size() - invalid.size();
        return passed + " of " + total + " scenarios passed"
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed))
                + (invalid.isEmpty() ? "" : "; invalid: " + String.join(", ", invalid)) + ".";
    }
}
