package org.smash4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file is missing, truncated or not in the format its loader expects. Every loader reports such a
 * problem through this one type, with the file's path in {@link #path()} and at the start of the message,
 * so a user sees at once which file to fix and what is wrong with it.
 */
public final class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public DataFormatException(Path path, String problem) {
        super(path + ": " + Objects.requireNonNull(problem, "problem"));
        this.path = Objects.requireNonNull(path, "path");
    }

    public DataFormatException(Path path, String problem, Throwable cause) {
        this(path, problem);
        initCause(cause);
    }

    /** The file that is missing or malformed. */
    public Path path() {
        return path;
    }
}
