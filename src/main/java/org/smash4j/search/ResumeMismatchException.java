package org.smash4j.search;

/**
 * A recorded search cannot be continued because replaying its plan does not reproduce what it recorded:
 * the seed, plan or search space changed since it was started.
 */
public final class ResumeMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ResumeMismatchException(String message) {
        super(message);
    }
}
