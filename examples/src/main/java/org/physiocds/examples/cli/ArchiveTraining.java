package org.physiocds.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's training run for the class-data-sharing archive the launcher starts with
 * ({@code examples/target/cds-examples.jsa}, made with {@code -XX:ArchiveClassesAtExit}): runs
 * several command lines in one JVM, separated by {@code --then}, so that the archive holds the
 * classes of each, here the interchange path ({@code evaluate FILE}) and the FHIR path
 * ({@code evaluate --fhir FILE}, HAPI's classes), though one run of the CLI takes one of them only.
 * Output goes to standard output (the build keeps it in {@code cds-examples.jsa.log}); a command
 * that does not succeed fails the build.
 */
final class ArchiveTraining {

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        List<List<String>> runs = new ArrayList<>(List.of(new ArrayList<>()));
        for (String arg : args) {
            if (arg.equals("--then")) {
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(arg);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        for (List<String> run : runs) {
            String[] line = run.toArray(String[]::new);
            int status = Cds.commandLine(new Cds(Cds.engineFactory(line), System.in, System.out),
                    out, new PrintWriter(System.err, true)).execute(line);
            if (status != Cds.OK) {
                throw new IllegalStateException("training run " + Arrays.toString(line) + " exited " + status);
            }
        }
    }
}
