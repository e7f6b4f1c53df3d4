package org.physiocds.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source documents under the repository's {@code seeds/}, for checking that a citation's
 * quote occurs in the file it names. Comparison folds only what typography changes: runs of
 * whitespace, typographic quotes and dashes.
 */
public final class SeedFiles {

    /** The repository root: the nearest directory above the working directory that has {@code seeds/}. */
    public static final Path ROOT = findRoot();
    private static final Path SEEDS = ROOT.resolve("seeds");

    private final Map<String, Optional<String>> folded = new ConcurrentHashMap<>();
    private final Map<Quote, Boolean> checked = new ConcurrentHashMap<>();

    private record Quote(String source, String text) {
    }

    /** Whether {@code source} is a file under {@code seeds/} that contains {@code quote}. */
    public boolean quotes(String source, String quote) {
        if (quote == null || quote.isBlank()) {
            return false;
        }
        return checked.computeIfAbsent(new Quote(source, quote), q -> folded.computeIfAbsent(source, SeedFiles::read)
                .map(text -> text.contains(fold(quote)))
                .orElse(false));
    }

    private static Optional<String> read(String source) {
        Path file = ROOT.resolve(source).normalize();
        if (!file.startsWith(SEEDS) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fold(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fold(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2014', '-').replace('\u2013', '-')
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static Path findRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("seeds")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no seeds/ directory above " + Paths.get("").toAbsolutePath());
    }
}
