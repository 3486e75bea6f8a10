package org.smash4j.search;

import org.smash4j.run.Phase;

import org.smash4j.space.SearchSpaceConfig;

/**
 * Phase 3 of the original search, which the original calls a "Markov chain" but which is greedy
 * hill-climbing (spec 6 and bug 13): perturb the current base; a result replaces the base only if its
 * score is strictly lower. Written as a pure function of the history: the base is the best result so far
 * (earliest on a tie), which is exactly where greedy acceptance, started from the best result before the
 * phase, has moved the base to.
 */
public final class HillClimbing extends PerturbationStrategy {
    public static final String NAME = "hill-climb";

    /**
     * @param phaseStart  index of this phase's first proposal; the climb starts from the best result before it
     * @param probability per-field perturbation probability p
     */
    public HillClimbing(SearchSpaceConfig config, long phaseStart, double probability) {
        super(config, phaseStart, probability, NAME, Phase.HILL_CLIMB, "hill-climbing", "to start from");
    }

    @Override
    long baseEnd(long index) {
        return index;
    }
}
