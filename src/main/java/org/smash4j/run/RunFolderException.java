package org.smash4j.run;

/**
 * A run folder that cannot be used as asked: {@code --out} onto files that are not a run, a run of another kind
 * or with other settings, a folder that is not a run. A usage error (the user names another folder), not a
 * failure of the run.
 */
public final class RunFolderException extends IllegalArgumentException {
    public RunFolderException(String message) {
        super(message);
    }
}
