package org.physiocds.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.physiocds.Evaluation;
import org.physiocds.text.TextReport;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.fhir.MappingReport;
import org.physiocds.fhir.PatientRecord;
import org.physiocds.model.Patient;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cds evaluate [--json | --output text|json|fhir] FILE} or {@code cds evaluate --fhir FILE
 * [--as-of DATE]}: one patient in, the advice and why out.
 */
@Command(name = "evaluate",
        description = {"Evaluates one patient and prints the recommendations grouped by phase, the flags"
                + " and the suppressed advice, each with its rationale, rule and sources.",
                "The patient is a JSON document in the interchange format v1, or with --fhir a FHIR R4 Bundle."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 evaluated, 2 invalid patient (every problem on stderr with its"
                + " JSON path), 1 failure inside the library."})
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    private Cds cds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the evaluation as an interchange v1 JSON document"
            + " (and invalid input as a JSON error document on stderr) instead of a report.")
    private boolean json;

    @Option(names = "--what-if", description = "Also report what could change the advice: each unknown fact"
            + " the rules read, the values that would change something, and what would change.")
    private boolean whatIf;

    @Option(names = "--output", paramLabel = "FORMAT", description = "What to print: text (a report, the default),"
            + " json (the interchange document, as --json) or fhir (a FHIR R4 Bundle: RequestGroup, DetectedIssues).")
    private Output output;

    @Option(names = "--fhir", paramLabel = "FILE", description = "Read the patient from a FHIR R4 Bundle"
            + " (docs/fhir-mapping.md), or - to read standard input, instead of an interchange document.")
    private String fhirFile;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "With --fhir: the date ages, days since an"
            + " injury or surgery and weeks of pain are counted to; with --output fhir also the date the STarT Back"
            + " Observation is effective (default: today).")
    private LocalDate asOf;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The patient document, or - to read standard input.")
    private String file;

    enum Output { text, json, fhir }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (fhirFile == null)) {
            throw new ParameterException(spec.commandLine(), "Give one patient: FILE, or --fhir FILE");
        }
        if (json && output != null && output != Output.json) {
            throw new ParameterException(spec.commandLine(), "--json and --output " + output + " disagree");
        }
        Output format = output != null ? output : json ? Output.json : Output.text;
        if (asOf != null && fhirFile == null && format != Output.fhir) {
            throw new ParameterException(spec.commandLine(), "--as-of is for a FHIR record (--fhir FILE) or --output fhir");
        }
        json = format == Output.json;
        Patient patient;
        try {
            patient = read();
        } catch (InvalidPatientException e) {
            printProblems(err, e);
            return Cds.INVALID_INPUT;
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            err.println("cds: cannot read " + name() + ": " + CannotRead.why(e));
            return Cds.INVALID_INPUT;
        }
        Evaluation evaluation = whatIf ? cds.engine().evaluateWithMissingData(patient) : cds.engine().evaluate(patient);
        out.println(switch (format) {
            case json -> cds.json().writeEvaluation(evaluation);
            case fhir -> FhirMapping.create().writeEvaluationJson(evaluation, asOf());
            case text -> TextReport.render(evaluation);
        });
        return Cds.OK;
    }

    private String name() {
        return fhirFile != null ? fhirFile : file;
    }

    private LocalDate asOf() {
        return asOf != null ? asOf : LocalDate.now();
    }

    private Patient read() throws IOException {
        if (fhirFile != null) {
            byte[] bytes = fhirFile.equals("-") ? cds.stdin().readAllBytes() : Files.readAllBytes(Path.of(fhirFile));
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            PatientRecord record = FhirMapping.create().readPatient(text, asOf());
            printReport(spec.commandLine().getErr(), record.report());
            return record.patient();
        }
        if (file.equals("-")) {
            return cds.json().readPatient(cds.stdin());
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return cds.json().readPatient(in);
        }
    }

    /**
     * What the mapping used and set aside, on stderr (the advice alone on stdout): one line in
     * text, a JSON document {@code {"mappingReport": {...}}} with --json. Types, counts and paths:
     * no patient value.
     */
    private void printReport(PrintWriter err, MappingReport report) {
        if (json) {
            err.println(report.toJson());
            return;
        }
        err.println("cds: FHIR record read: " + report.summary());
        if (report.nothingRelevant()) {
            err.println("cds: nothing in this record is a fact the knowledge base reads (docs/fhir-mapping.md)");
        }
        for (String note : report.notes()) {
            err.println("cds:   " + note);
        }
    }

    private void printProblems(PrintWriter err, InvalidPatientException e) {
        if (json) {
            err.println(cds.json().writeErrors(e.problems()));
            return;
        }
        int n = e.problems().size();
        err.println("cds: " + (name().equals("-") ? "the patient" : name()) + " is not a valid patient ("
                + n + (n == 1 ? " problem" : " problems") + "):");
        for (Problem p : e.problems()) {
            // An interchange document is the user's own, shown to them with the value they gave; a FHIR
            // record is a patient's chart, whose values are not echoed (as with --json).
            boolean echo = fhirFile == null && p.given() != null;
            err.println("  " + p.path() + ": expected " + p.expected() + (echo ? ", was " + p.given() : ""));
        }
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        if (paths.contains("patient") && paths.contains("expect")) {
            err.println("cds: this looks like a scenario file; run it with: scenarios FOLDER");
        }
    }
}
