package org.physiocds.examples.cli;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file could not be read, in a few words for the command line. */
final class CannotRead {

    private CannotRead() {
    }

    static String why(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        } else if (cause instanceof NotDirectoryException) {
            return "not a directory";
        } else if (cause instanceof AccessDeniedException) {
            return "permission denied";
        } else if (cause instanceof InvalidPathException) {
            return "not a valid file name";
        } else if (cause instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
