package org.smash4j.cli;

import org.smash4j.train.TrainingDivergedException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * What the process exit code says, for scripts: 0 done; 2 bad usage or bad input (options, files, data, a folder that
 * cannot be used: every refusal with a reason, and picocli's own code for usage errors); 3 the training diverged (a
 * non-finite or exploding loss that replaying from the checkpoint did not cure); 1 the run failed otherwise
 * (libtorch, memory, a bug). Reading and writing files report IOExceptions that name the file, which the user can
 * act on, so they count as bad input.
 */
public final class ExitCodes {
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int DIVERGED = 3;
    /** Set to any value to print the full stack trace after the one-line message. */
    public static final String DEBUG_VARIABLE = "SMASH_DEBUG";

    private ExitCodes() {
    }

    /** The exit code of a command that ended with {@code e}. */
    public static int of(Throwable e) {
        if (e instanceof ExceptionInInitializerError init && init.getCause() != null) {
            return of(init.getCause());
        }
        if (e instanceof TrainingDivergedException) {
            return DIVERGED;
        }
        if (e instanceof IllegalArgumentException || e instanceof IOException) {
            return USAGE;
        }
        return FAILED;
    }

    /** The one line printed for {@code e}: its message, and what it is when the message alone would not say. */
    public static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": not found";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        if (e instanceof ExceptionInInitializerError init && init.getCause() != null) {
            return message(init.getCause());
        }
        String m = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + (m == null ? "OutOfMemoryError" : m) + "); give Java more with"
                    + " SMASH_JAVA_OPTS=-Xmx... (default -Xmx8g) or use a smaller --batch or preset";
        }
        if (e instanceof Error) {
            return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m) + " (rerun with "
                    + DEBUG_VARIABLE + "=1 for the stack trace)";
        }
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + (e instanceof IOException ? " (an I/O error)" : " (a bug; rerun with "
                    + DEBUG_VARIABLE + "=1 for the stack trace)");
        }
        return m;
    }
}
