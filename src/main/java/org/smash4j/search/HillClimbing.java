package org.smash4j.search;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Perturber;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Phase 3 of the original search, which the original calls a "Markov chain" but which is greedy
 * hill-climbing (spec 6 and bug 13): perturb the current base; a result replaces the base only if its
 * score is strictly lower. Written as a pure function of the history: the base is the best result so far
 * (earliest on a tie), which is exactly where greedy acceptance, started from the best result before the
 * phase, has moved the base to.
 */
public final class HillClimbing implements SearchStrategy {
    public static final String NAME = "hill-climb";

    private final Perturber perturber;
    private final AnnealingState state;
    private final long phaseStart;
    private final double probability;

    /**
     * @param phaseStart  index of this phase's first proposal; the climb starts from the best result before it
     * @param probability per-field perturbation probability p
     */
    public HillClimbing(SearchSpaceConfig config, long phaseStart, double probability) {
        if (phaseStart < 1) {
            throw new IllegalArgumentException("a hill-climbing phase needs earlier results to start from, but it"
                    + " would start at index " + phaseStart + "; put a random phase before it");
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
            throw new IllegalArgumentException("the hill-climbing phase starts at index " + phaseStart
                    + ", so it cannot propose index " + index);
        }
        HistoryQueries.checkHistory(history, index);
        ScoredArchitecture base = HistoryQueries.best(history, 0, index);
        return new Proposal(Mutation.changed(perturber, base.architecture(), probability, state, rng),
                Phase.HILL_CLIMB, base.index());
    }
}
