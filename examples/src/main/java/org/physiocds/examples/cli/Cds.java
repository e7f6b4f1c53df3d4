package org.physiocds.examples.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.physiocds.CdsEngine;
import org.physiocds.json.JsonCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command-line runner: {@code java -jar cds-examples.jar evaluate FILE}, {@code scenarios},
 * {@code batch FILE} (newline-delimited JSON), {@code generate --count N} (synthetic patients),
 * {@code diff} or {@code knowledge --output fhir DIR} (the knowledge base as FHIR artifacts).
 *
 * <p>Exit status: 0 success; 2 invalid input (the problems on stderr: a patient or scenario
 * file that does not follow the interchange format, a file that cannot be read, a wrong
 * option); 1 a failure inside the library (one line on stderr); {@code scenarios} also exits 1
 * when a scenario does not produce the outcome it must. No stack trace reaches the user.
 *
 * <p>A new subcommand is a class annotated with {@code @Command}, listed in {@code subcommands}
 * below, that takes the engine and codec from {@link #engine()} and {@link #json()} through
 * {@code @ParentCommand}.
 */
@Command(name = "cds",
        description = "PhysioCDS: clinical decision support for stretching and low back pain.%n"
                + "Reads patients in the interchange format v1 (JSON) and explains the advice.",
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        subcommands = {EvaluateCommand.class, ScenariosCommand.class, BatchCommand.class, GenerateCommand.class,
            DiffCommand.class, KnowledgeCommand.class},
        footer = {"", "Exit status: 0 success, 2 invalid input, 1 failure inside the library"
                + " (and, for scenarios, a scenario that did not pass)."})
public final class Cds implements Runnable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;

    private final Supplier<CdsEngine> engineFactory;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final JsonCodec json = new JsonCodec();
    private CdsEngine engine;

    @Spec
    private CommandSpec spec;

    Cds(Supplier<CdsEngine> engineFactory, InputStream stdin) {
        this(engineFactory, stdin, null);
    }

    /** With {@code stdout}, the stream under the command line's writer, for output written as bytes. */
    Cds(Supplier<CdsEngine> engineFactory, InputStream stdin, OutputStream stdout) {
        this.engineFactory = engineFactory;
        this.stdin = stdin;
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        // Standard output's file descriptor, not System.out: a PrintStream hides write errors, and
        // batch must see a closed pipe to stop. Buffered: batch writes gigabytes.
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = commandLine(new Cds(engineFactory(args), System.in, stdout), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** The subcommands that evaluate with {@link #engine()}: the engine is built ahead for them. */
    private static final Set<String> ENGINE_COMMANDS = Set.of("evaluate", "scenarios", "batch", "knowledge");

    /**
     * For a command that will need the engine, starts building it now, on a thread of its own:
     * building it (loading the knowledge base's classes, the Rete network) is the largest part of
     * a short run, and meanwhile this thread loads Jackson and picocli, parses the command line and
     * reads the input; on two cores they overlap. A run that ends without the engine (invalid
     * input, --help) exits without waiting for it. A failure is thrown where the engine is asked
     * for, as if it were built there. Other commands build nothing ahead.
     */
    static Supplier<CdsEngine> engineFactory(String[] args) {
        Supplier<CdsEngine> build = () -> CdsEngine.builder().build();
        if (args.length == 0 || !ENGINE_COMMANDS.contains(args[0])) {
            return build;
        }
        FutureTask<CdsEngine> ahead = new FutureTask<>(build::get);
        Thread thread = new Thread(ahead, "cds-engine-build");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return ahead.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the engine was built", e);
            }
        };
    }

    /** The command line, writing to {@code out} and {@code err}, with the exit codes above. */
    static CommandLine commandLine(Cds cds, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(cds);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            // Library messages never hold patient data; the class names the kind of failure.
            failed.getErr().println("cds: internal failure: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
            return FAILED;
        });
        return line;
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: evaluate, scenarios, batch, generate, diff or knowledge");
    }

    /** The engine, built on first use and shared by every evaluation of this run. */
    synchronized CdsEngine engine() {
        if (engine == null) {
            engine = engineFactory.get();
        }
        return engine;
    }

    JsonCodec json() {
        return json;
    }

    InputStream stdin() {
        return stdin;
    }

    /**
     * Standard output as bytes (batch writes UTF-8 it has encoded already): the stream under
     * {@code out}, once {@code out} is flushed; without one (tests), an adapter that hands each
     * write to {@code out} as text, so each write must hold whole characters (batch writes whole lines).
     */
    OutputStream stdout(PrintWriter out) {
        out.flush();
        return stdout != null ? stdout : new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(new String(b, off, len, StandardCharsets.UTF_8));
                if (out.checkError()) { // a PrintWriter swallows write errors; this flushes and asks
                    throw new IOException("cannot write the output");
                }
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    /** {@code --version}: the knowledge base every answer is stamped with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cds.class.getPackage().getImplementationVersion();
            return new String[] {"cds " + (version == null ? "(development build)" : version)};
        }
    }
}
