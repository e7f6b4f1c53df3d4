package org.physiocds.examples.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n} or {@code \r\n}) without ever holding more than {@code maxLength}
 * characters of one: a longer line is skipped to its end and returned as {@link #TOO_LONG}, so
 * one huge line cannot exhaust the memory of a batch run.
 */
final class LineReader {

    /** Stands for a line longer than the limit; compare by identity. */
    static final String TOO_LONG = new String("(line too long)");

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[65_536];
    private int position;
    private int limit;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or {@code null} at the end. */
    String next() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line == null && !tooLong) {
                        return null;
                    }
                    return tooLong ? TOO_LONG : strip(line);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean end = position < limit;
            int length = position - start;
            if (!tooLong) {
                if (line == null) {
                    line = new StringBuilder(Math.min(length + 16, maxLength + 1));
                }
                if (line.length() + length > maxLength + 1) { // +1: a \r before the \n does not count
                    tooLong = true;
                    line = null;
                } else {
                    line.append(buffer, start, length);
                }
            }
            if (end) {
                position++; // past the \n
                return tooLong ? TOO_LONG : strip(line);
            }
        }
    }

    /** The line without a trailing {@code \r}, or {@link #TOO_LONG}. */
    private String strip(StringBuilder line) {
        int length = line.length();
        String text = length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        return text.length() > maxLength ? TOO_LONG : text;
    }
}
