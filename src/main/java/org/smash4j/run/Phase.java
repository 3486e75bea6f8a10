package org.smash4j.run;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which kind of search step proposed an architecture, as written in the {@code "phase"} field of
 * {@code results.jsonl}, so that a report can tell random samples from the results of local search.
 */
public enum Phase {
    /** Drawn by the sampler (also the random initial population of an evolution). */
    RANDOM("random"),
    /** A perturbation of the best architecture found before the perturbation phase began. */
    PERTURB("perturb"),
    /** A perturbation of the current base of greedy hill-climbing. */
    HILL_CLIMB("hill-climb"),
    /** A child of a tournament winner in regularized evolution. */
    EVOLUTION("evolution");

    private final String jsonName;

    Phase(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in files: random, perturb, hill-climb, evolution. */
    public String jsonName() {
        return jsonName;
    }

    /** The phase with this file name. */
    public static Phase fromJsonName(String name) {
        for (Phase p : values()) {
            if (p.jsonName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown search phase '" + name + "'; known phases: "
                + Arrays.stream(values()).map(Phase::jsonName).collect(Collectors.joining(", ")));
    }
}
