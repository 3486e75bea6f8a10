package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Phase;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Phase 1 of the original search (spec 6): fresh samples from the sampler as training left it, i.e. at
 * the final annealing state (all kernel sizes, budget fraction up to 1), ignoring the history.
 */
public final class RandomSampling implements SearchStrategy {
    public static final String NAME = "random";

    private final Sampler sampler;
    private final AnnealingState state;

    public RandomSampling(SearchSpaceConfig config) {
        this.sampler = new Sampler(config);
        this.state = AnnealingState.finalState(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean independentOfHistory() {
        return true;
    }

    @Override
    public Proposal propose(long index, List<ScoredArchitecture> history, RandomGenerator rng) {
        return new Proposal(sampler.sample(state, rng), Phase.RANDOM, null);
    }
}
