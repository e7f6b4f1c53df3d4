package org.physiocds.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.physiocds.CdsEngine;
import org.physiocds.fhir.FhirMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cds knowledge --output fhir DIR}: the knowledge base as FHIR R4 knowledge artifacts, a
 * PlanDefinition (its rules) and a Library (its identity, sources and thresholds), written into
 * DIR.
 */
@Command(name = "knowledge",
        description = {"Writes the knowledge base as FHIR R4 knowledge artifacts into DIR (created if need be):"
                + " PlanDefinition-physiocds.json, its rules grouped by the phase of the plan with their guidance"
                + " and sources, and Library-physiocds.json, its version, content hash, sources and thresholds."
                + " The same knowledge base writes the same bytes (docs/fhir-mapping.md)."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 written, 2 a wrong option or a folder that cannot be written,"
                + " 1 failure inside the library."})
final class KnowledgeCommand implements Callable<Integer> {

    static final String PLAN_DEFINITION_FILE = "PlanDefinition-" + FhirMapping.PLAN_DEFINITION_ID + ".json";
    static final String LIBRARY_FILE = "Library-" + FhirMapping.LIBRARY_ID + ".json";

    @ParentCommand
    private Cds cds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--output", paramLabel = "FORMAT", required = true,
            description = "The format: fhir (FHIR R4 JSON, the only one).")
    private Output output;

    @Parameters(paramLabel = "DIR", description = "The folder to write the two files into.")
    private String dir;

    enum Output { fhir }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path folder;
        try {
            folder = Path.of(dir);
            Files.createDirectories(folder);
        } catch (IOException | InvalidPathException e) {
            err.println("cds: cannot write to the folder " + dir + ": " + why(e));
            return Cds.INVALID_INPUT;
        }
        CdsEngine engine = cds.engine();
        FhirMapping fhir = FhirMapping.create();
        String plan = fhir.writeJson(fhir.planDefinition(engine)) + "\n";
        String library = fhir.writeJson(fhir.library(engine)) + "\n";
        try {
            Files.writeString(folder.resolve(PLAN_DEFINITION_FILE), plan, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(LIBRARY_FILE), library, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cds: cannot write to the folder " + dir + ": " + why(e));
            return Cds.INVALID_INPUT;
        }
        spec.commandLine().getOut().println("Wrote " + folder.resolve(PLAN_DEFINITION_FILE) + " and "
                + folder.resolve(LIBRARY_FILE) + " (knowledge base " + engine.knowledgeBase().name() + " "
                + engine.knowledgeBase().version() + ").");
        return Cds.OK;
    }

    private static String why(Exception e) {
        return e instanceof FileAlreadyExistsException ? "not a directory" : CannotRead.why(e);
    }
}
