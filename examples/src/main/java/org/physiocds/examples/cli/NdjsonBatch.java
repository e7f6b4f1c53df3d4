package org.physiocds.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongConsumer;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * Evaluates newline-delimited JSON: one patient per input line, one output line per input line,
 * in input order, on a pool of threads. The calling thread reads the input in chunks, hands each
 * to the pool, and writes the oldest chunk's output as soon as it is done; at most a few chunks
 * per thread are in flight, so memory stays bounded however long the input is.
 *
 * <p>Each output line is the evaluation in the run's {@link Format} (the interchange document of
 * {@link JsonCodec#writeEvaluationLine}, or {@link CompactFormat}'s line), or for a line
 * that is not a valid patient an error record {@code {"line":17,"errors":[{"path":...,
 * "expected":...}]}}, or for a failure inside the library {@code {"line":17,"failure":"..."}}
 * (the exception's class and first message line, which never hold patient data). Lines are
 * numbered from 1. Each chunk's lines are written as UTF-8 into one buffer by the thread that
 * evaluated them, and the calling thread copies the buffers to the output in order.
 */
final class NdjsonBatch {

    /** How an evaluation is written: its document on one line, as UTF-8, without the line break. */
    interface Format {
        void write(Evaluation evaluation, OutputStream out);

        /**
         * Whether the format writes the decisions only, no facts: then each patient is evaluated
         * with {@link CdsEngine#evaluateDecisions}, which does not put them into words.
         */
        default boolean decisionsOnly() {
            return false;
        }
    }

    /** Lines per task: large enough that handing work to the pool costs nothing, small enough to keep all threads busy. */
    static final int CHUNK = 256;
    /** Chunks in flight per thread: enough to keep every thread busy while the output is written. */
    static final int CHUNKS_PER_THREAD = 4;

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final Problem TOO_LONG = new Problem("$",
            "a JSON document of at most " + JsonCodec.MAX_DOCUMENT_LENGTH + " characters on one line");

    private final CdsEngine engine;
    private final JsonCodec json;
    private final Format format;
    private final int threads;
    private final boolean decisionsOnly;

    /** Writes each evaluation in {@code format}, reading the patients with {@code json}. */
    NdjsonBatch(CdsEngine engine, JsonCodec json, Format format, int threads) {
        this.engine = engine;
        this.json = json;
        this.format = format;
        this.threads = threads;
        this.decisionsOnly = format.decisionsOnly();
    }

    /** How a run went: lines read, lines that were not valid patients, lines the library failed on. */
    record Counts(long lines, long invalid, long failed) {
    }

    /** The output of one chunk, its lines in order as UTF-8, and what went wrong in it. */
    private record Done(Bytes output, int lines, int invalid, int failed) {
    }

    /** A byte buffer that can drop what was written after a given length. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        void truncate(int length) {
            count = length;
        }

        void writeLine(String text) {
            writeBytes(text.getBytes(StandardCharsets.UTF_8));
            write('\n');
        }
    }

    /**
     * Reads every line of {@code in}, writes one line per input line to {@code out}, and tells
     * {@code progress} the number of lines written after each chunk.
     *
     * @throws CannotWrite when the output cannot be written (a closed pipe): the run stops
     * @throws IOException  when reading fails (the lines written so far stay written)
     */
    Counts run(Reader in, OutputStream out, LongConsumer progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<Done>> inFlight = new ArrayDeque<>();
        LineReader lines = new LineReader(in, JsonCodec.MAX_DOCUMENT_LENGTH);
        long read = 0;
        long written = 0;
        long invalid = 0;
        long failed = 0;
        try {
            List<String> chunk = new ArrayList<>(CHUNK);
            for (String line = lines.next(); line != null; line = lines.next()) {
                chunk.add(line);
                read++;
                if (chunk.size() == CHUNK) {
                    inFlight.add(submit(pool, read - CHUNK + 1, chunk));
                    chunk = new ArrayList<>(CHUNK);
                }
                if (inFlight.size() >= threads * CHUNKS_PER_THREAD) {
                    Done done = write(inFlight.removeFirst(), out);
                    written += done.lines();
                    invalid += done.invalid();
                    failed += done.failed();
                    progress.accept(written);
                }
            }
            if (!chunk.isEmpty()) {
                inFlight.add(submit(pool, read - chunk.size() + 1, chunk));
            }
            while (!inFlight.isEmpty()) {
                Done done = write(inFlight.removeFirst(), out);
                written += done.lines();
                invalid += done.invalid();
                failed += done.failed();
                progress.accept(written);
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw new CannotWrite();
            }
            return new Counts(read, invalid, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private Future<Done> submit(ExecutorService pool, long firstLine, List<String> lines) {
        return pool.submit(() -> {
            Bytes output = new Bytes(lines.size() * 4_096);
            int invalid = 0;
            int failed = 0;
            long number = firstLine;
            for (String line : lines) {
                if (line == LineReader.TOO_LONG) {
                    invalid++;
                    output.writeLine(errors(number, List.of(TOO_LONG)));
                } else {
                    int start = output.size();
                    try {
                        Patient patient = json.readPatient(line);
                        format.write(decisionsOnly ? engine.evaluateDecisions(patient) : engine.evaluate(patient), output);
                        output.write('\n');
                    } catch (InvalidPatientException e) {
                        invalid++;
                        output.writeLine(errors(number, e.problems()));
                    } catch (RuntimeException e) {
                        failed++;
                        output.truncate(start); // whatever part of the line was written
                        output.writeLine(failure(number, e));
                    }
                }
                number++;
            }
            return new Done(output, lines.size(), invalid, failed);
        });
    }

    /** The output is gone (say, a pipe into {@code head} was closed): nothing more can be written. */
    static final class CannotWrite extends IOException {
        CannotWrite() {
            super("cannot write the output");
        }
    }

    private static Done write(Future<Done> next, OutputStream out) throws IOException {
        Done done;
        try {
            done = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch task failed", e.getCause()); // evaluate() catches everything
        }
        try {
            done.output().writeTo(out);
        } catch (IOException e) {
            throw new CannotWrite();
        }
        return done;
    }

    /** {@code {"line":17,"errors":[{"path":"age","expected":"..."}]}} */
    static String errors(long line, List<Problem> problems) {
        return record(line, g -> {
            g.writeArrayFieldStart("errors");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeStringField("expected", p.expected());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** {@code {"line":17,"failure":"CdsException: ..."}}: the library's messages never hold patient data. */
    static String failure(long line, RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return record(line, g -> g.writeStringField("failure", e.getClass().getSimpleName() + message));
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String record(long line, Fields fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("line", line);
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e); // never happens
        }
        return text.toString();
    }

    private static ThreadFactory daemonThreads() {
        return new ThreadFactory() {
            private int n;

            @Override
            public synchronized Thread newThread(Runnable task) {
                Thread t = new Thread(task, "cds-batch-" + ++n);
                t.setDaemon(true);
                return t;
            }
        };
    }
}
