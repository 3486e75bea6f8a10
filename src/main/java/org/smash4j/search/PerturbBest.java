package org.smash4j.search;

import org.smash4j.run.Phase;

import org.smash4j.space.SearchSpaceConfig;

/**
 * Phase 2 of the original search (spec 6): independent perturbations of ONE base, the best result found
 * before this phase began (in the original's plan, the best random sample). The base never moves, so the
 * phase samples the neighbourhood of that architecture rather than walking away from it.
 */
public final class PerturbBest extends PerturbationStrategy {
    public static final String NAME = "perturb";
    /** The original's perturb_prob. */
    public static final double DEFAULT_PROBABILITY = 0.05;

    /**
     * @param phaseStart  index of this phase's first proposal; the base is the best of the results before it
     * @param probability per-field perturbation probability p
     */
    public PerturbBest(SearchSpaceConfig config, long phaseStart, double probability) {
        super(config, phaseStart, probability, NAME, Phase.PERTURB, "perturbation", "to take its base from");
    }

    @Override
    long baseEnd(long index) {
        return phaseStart;
    }
}
