package org.physiocds.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.json.JsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cds generate --count N [--seed S]}: synthetic patients as newline-delimited JSON. */
@Command(name = "generate",
        description = {"Writes N synthetic patients to standard output, one interchange v1 document per"
                + " line (the input of batch). The same seed gives the same patients, byte for byte, on"
                + " every machine: patient i depends only on the seed and i.",
                "The mix is made up but plausible: adults of 18 to 85, mostly low back pain, the muscles"
                + " a clinician would assess for the painful region, injuries, surgeries, stretching"
                + " habits, signs, lifestyle factors, now and then a red flag or a STarT Back screening."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 written, 2 a wrong option, 1 the output cannot be written."})
final class GenerateCommand implements Callable<Integer> {

    /** The library's writer: what generate writes is what readPatient reads back, equal. */
    private static final JsonCodec JSON = new JsonCodec();

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many patients.")
    private long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "The seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 0, was " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        PatientGenerator generator = new PatientGenerator(seed);
        for (long i = 0; i < count; i++) {
            out.write(JSON.writePatientLine(generator.patient(i)));
            out.write('\n');
            if (i % 10_000 == 9_999 && out.checkError()) { // a PrintWriter swallows write errors
                spec.commandLine().getErr().println("cds: cannot write the output, stopped");
                return Cds.FAILED;
            }
        }
        out.flush();
        return out.checkError() ? Cds.FAILED : Cds.OK;
    }
}
