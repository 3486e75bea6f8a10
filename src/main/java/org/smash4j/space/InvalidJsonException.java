package org.smash4j.space;

/**
 * Thrown when a JSON text is not a well-formed architecture, architecture list, search-space configuration or
 * architecture document. The message names the offending field and where it is, as a JSON path such as
 * {@code blocks[1].ops[0]}, so a hand-edited file can be fixed without guessing.
 */
public class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
