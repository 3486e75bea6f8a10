package org.smash4j.search;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Perturber;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Phase 2 of the original search (spec 6): independent perturbations of ONE base, the best result found
 * before this phase began (in the original's plan, the best random sample). The base never moves, so the
 * phase samples the neighbourhood of that architecture rather than walking away from it.
 */
public final class PerturbBest implements SearchStrategy {
    public static final String NAME = "perturb";
    /** The original's perturb_prob. */
    public static final double DEFAULT_PROBABILITY = 0.05;

    private final Perturber perturber;
    private final AnnealingState state;
    private final long phaseStart;
    private final double probability;

    /**
     * @param phaseStart  index of this phase's first proposal; the base is the best of the results before it
     * @param probability per-field perturbation probability p
     */
    public PerturbBest(SearchSpaceConfig config, long phaseStart, double probability) {
        if (phaseStart < 1) {
            throw new IllegalArgumentException("a perturbation phase needs earlier results to take its base from,"
                    + " but it would start at index " + phaseStart + "; put a random phase before it");
        }
        this.perturber = new Perturber(config);
        this.state = AnnealingState.finalState(config);
        this.phaseStart = phaseStart;
        this.probability = Mutation.checkProbability(probability, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Proposal propose(long index, List<ScoredArchitecture> history, RandomGenerator rng) {
        if (index < phaseStart) {
            throw new IllegalArgumentException("the perturbation phase starts at index " + phaseStart
                    + ", so it cannot propose index " + index);
        }
        HistoryQueries.checkHistory(history, index);
        ScoredArchitecture base = HistoryQueries.best(history, 0, phaseStart);
        return new Proposal(Mutation.changed(perturber, base.architecture(), probability, state, rng),
                Phase.PERTURB, base.index());
    }
}
