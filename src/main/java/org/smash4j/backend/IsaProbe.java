package org.smash4j.backend;

import org.smash4j.run.Json;

/**
 * Entry point of the child process that checks one candidate: {@link IsaSelection} starts it with the
 * candidate's environment, it runs {@link ConvCheck} on the project's shapes and prints the result as one JSON
 * line on standard output. A crash or a hang is itself a verdict (the candidate is refused).
 */
public final class IsaProbe {
    /** Float32 repeats of every case. */
    static final int REPEATS = 3;

    private IsaProbe() {
    }

    public static void main(String[] args) throws Exception {
        // One warm-up pass so that the timing does not include oneDNN's kernel generation.
        ConvCheck.run(ConvCheck.projectCases().subList(0, 3), 1, 99);
        ConvCheck.Result r = ConvCheck.run(ConvCheck.projectCases(), REPEATS, 0);
        System.out.println(Json.LINE.writeValueAsString(r));
        System.out.flush();
        System.exit(0);
    }
}
