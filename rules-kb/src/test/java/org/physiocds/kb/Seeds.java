package org.physiocds.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The source documents under the repository's {@code seeds/}, and quote matching against them. */
final class Seeds {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Seeds() {
    }

    /**
     * Whether {@code quote} occurs in the file {@code source} (a path like {@code seeds/000_...txt}),
     * folding only whitespace and typographic quotes and dashes.
     */
    static boolean contains(String source, String quote) {
        Path file = ROOT.resolve(source).normalize();
        if (!file.startsWith(ROOT.resolve("seeds")) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return fold(Files.readString(file, StandardCharsets.UTF_8)).contains(fold(quote));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fold(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2014', '-').replace('\u2013', '-')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
