package org.physiocds.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for a terminal: lines done, rate, and (when the input's size
 * is known) a bar and percentage from the bytes read so far. Redrawn at most five times a second.
 */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long lastDrawn;

    /** {@code totalBytes} is negative when unknown (standard input). */
    Progress(PrintWriter err, LongSupplier bytesRead, long totalBytes) {
        this.err = err;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
    }

    void update(long lines) {
        long now = System.nanoTime();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\r" + line(lines, bytesRead.getAsLong(), now - start));
            err.flush();
        }
    }

    void finish(long lines) {
        err.println("\r" + line(lines, totalBytes < 0 ? -1 : totalBytes, System.nanoTime() - start));
    }

    String line(long lines, long bytes, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
        String counts = String.format(Locale.ROOT, "%,d patients  %,.0f/s  %.1f s", lines, lines / seconds, seconds);
        if (totalBytes <= 0 || bytes < 0) {
            return counts;
        }
        double done = Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(done * WIDTH);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%%  ", done * 100) + counts;
    }
}
