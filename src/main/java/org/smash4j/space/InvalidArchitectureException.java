package org.smash4j.space;

import java.util.List;

/**
 * Thrown when an {@link Architecture} breaks a validity rule of its {@link SearchSpaceConfig}. It carries every
 * problem found, each a sentence that starts with its location ("block 2, op 5: ..."), so a user can fix a
 * hand-edited architecture file in one pass instead of one error at a time.
 */
public class InvalidArchitectureException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one message per broken rule; must not be empty */
    public InvalidArchitectureException(List<String> problems) {
        super(String.join("; ", requireNonEmpty(problems)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the validator met them. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireNonEmpty(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidArchitectureException needs at least one problem");
        }
        return problems;
    }
}
