package org.physiocds.examples.cli;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.physiocds.CdsEngine;
import org.physiocds.CdsException;
import org.physiocds.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cds batch FILE}: newline-delimited JSON patients in, one evaluation per line out. */
@Command(name = "batch",
        description = {"Evaluates newline-delimited JSON: one patient document (interchange format v1)"
                + " per line in, one evaluation document per line out, in input order, on every core.",
                "A line that is not a valid patient gives an error record instead,"
                + " {\"line\":N,\"errors\":[{\"path\":...,\"expected\":...}]}, and the run goes on;"
                + " a failure inside the library gives {\"line\":N,\"failure\":...}. Lines are"
                + " numbered from 1. On a terminal, a progress bar is drawn on stderr.",
                "With --compact --rules RULES, for population work: each line holds the decisions"
                + " only (action, target, side, topic, phase, dosage, referral, restriction, the rule"
                + " and guidance ids), no rule names, rationales, facts or citations; the file RULES"
                + " holds the knowledge base, the thresholds and every rule named on the lines with its"
                + " name, guidance ids and citations, once (see docs/interchange-additions.md)."},
        mixinStandardHelpOptions = true,
        versionProvider = Cds.Version.class,
        footer = {"", "Exit status: 0 every line evaluated, 2 some lines were not valid patients (or the"
                + " input cannot be read), 1 a failure inside the library on some line."})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    private Cds cds;

    @Spec
    private CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads evaluating patients (default: one per core, ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--compact",
            description = "Write the decisions without prose, one line per patient; needs --rules.")
    private boolean compact;

    @Option(names = "--rules", paramLabel = "RULES",
            description = "With --compact: the file to write the rules named on the lines to, once (JSON).")
    private Path rulesFile;

    @Option(names = "--thresholds", paramLabel = "JSON",
            description = "Evaluate under these clinical thresholds, a JSON object such as {\"recentInjuryDays\": 28}"
                    + " (those left out keep their defaults; values past their clinical limits are allowed and"
                    + " every evaluation says so), as for cds diff and the population job.")
    private Path thresholdsFile;

    @Parameters(paramLabel = "FILE", description = "The patients, one JSON document per line, or - to read standard input.")
    private String file;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        if (compact != (rulesFile != null)) {
            throw new ParameterException(spec.commandLine(), compact ? "--compact needs --rules RULES, the file"
                    + " for the rules named on the lines" : "--rules is for --compact only");
        }
        PrintWriter err = spec.commandLine().getErr();
        OutputStream out = cds.stdout(spec.commandLine().getOut());
        CompactFormat compactFormat = compact ? new CompactFormat() : null;
        NdjsonBatch.Format format = compact ? compactFormat : cds.json()::writeEvaluationLine;
        CdsEngine engine = thresholdsFile == null ? cds.engine() : CdsEngine.builder()
                .thresholds(readThresholds()).allowUnsafeThresholds().build();
        NdjsonBatch batch = new NdjsonBatch(engine, cds.json(), format, threads);
        try (CountingInputStream in = new CountingInputStream(open());
             OutputStream rules = compact ? openRules(err) : null) {
            Progress progress = System.console() == null ? null
                    : new Progress(err, in::count, file.equals("-") ? -1 : Files.size(Path.of(file)));
            NdjsonBatch.Counts counts = batch.run(new InputStreamReader(in, StandardCharsets.UTF_8), out,
                    progress == null ? lines -> { } : progress::update);
            if (progress != null) {
                progress.finish(counts.lines());
            }
            if (compact) {
                try {
                    compactFormat.writeRules(engine.knowledgeBase(), engine.thresholds(), rules);
                    rules.flush();
                } catch (IOException e) {
                    err.println("cds: cannot write the rules to " + rulesFile + ": " + CannotRead.why(e));
                    return Cds.FAILED;
                }
            }
            if (counts.failed() > 0) {
                err.println("cds: the library failed on " + counts.failed() + " of " + counts.lines() + " lines");
                return Cds.FAILED;
            }
            if (counts.invalid() > 0) {
                err.println("cds: " + counts.invalid() + " of " + counts.lines() + " lines were not valid patients");
                return Cds.INVALID_INPUT;
            }
            return Cds.OK;
        } catch (NdjsonBatch.CannotWrite e) {
            err.println("cds: cannot write the output, stopped");
            return Cds.FAILED;
        } catch (CannotOpenRules e) {
            return Cds.INVALID_INPUT;
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            err.println("cds: cannot read " + file + ": " + CannotRead.why(e));
            return Cds.INVALID_INPUT;
        }
    }

    private Thresholds readThresholds() {
        try {
            return cds.json().readThresholds(Files.readString(thresholdsFile, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the thresholds " + thresholdsFile + ": "
                    + CannotRead.why(e));
        } catch (CdsException e) {
            throw new ParameterException(spec.commandLine(), thresholdsFile + ": " + e.getMessage());
        }
    }

    /** Thrown once the reason is on stderr. */
    private static final class CannotOpenRules extends IOException {
    }

    /** The rules file, opened (and emptied) before any patient is evaluated, so that a wrong path fails at once. */
    private OutputStream openRules(PrintWriter err) throws CannotOpenRules {
        try {
            return new BufferedOutputStream(Files.newOutputStream(rulesFile), 1 << 16);
        } catch (IOException | InvalidPathException e) {
            err.println("cds: cannot write the rules to " + rulesFile + ": " + CannotRead.why(e));
            throw new CannotOpenRules();
        }
    }

    private InputStream open() throws IOException {
        return file.equals("-") ? new NotClosing(cds.stdin()) : Files.newInputStream(Path.of(file));
    }

    /** Counts the bytes read, for the progress bar. */
    private static class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Standard input is not ours to close. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
