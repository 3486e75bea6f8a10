package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Phase;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Perturber;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A phase that perturbs the best architecture of some prefix of the history. {@link PerturbBest} keeps the prefix
 * fixed at the phase start (a fixed base), {@link HillClimbing} lets it grow to the whole history (a moving base).
 */
abstract class PerturbationStrategy implements SearchStrategy {
    private final Perturber perturber;
    private final AnnealingState state;
    private final String name;
    private final Phase phase;
    final long phaseStart;
    private final double probability;
    private final String what;

    /** @param what the phase in messages; {@code needs} what it needs earlier results for */
    PerturbationStrategy(SearchSpaceConfig config, long phaseStart, double probability, String name, Phase phase,
            String what, String needs) {
        if (phaseStart < 1) {
            throw new IllegalArgumentException("a " + what + " phase needs earlier results " + needs + ", but it"
                    + " would start at index " + phaseStart + "; put a random phase before it");
        }
        this.what = what;
        this.perturber = new Perturber(config);
        this.state = AnnealingState.finalState(config);
        this.name = name;
        this.phase = phase;
        this.phaseStart = phaseStart;
        this.probability = Mutation.checkProbability(probability, name);
    }

    /** The base is the best of results [0, baseEnd(index)). */
    abstract long baseEnd(long index);

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(long index, List<ScoredArchitecture> history, RandomGenerator rng) {
        if (index < phaseStart) {
            throw new IllegalArgumentException("the " + what + " phase starts at index " + phaseStart
                    + ", so it cannot propose index " + index);
        }
        HistoryQueries.checkHistory(history, index);
        ScoredArchitecture base = HistoryQueries.best(history, 0, baseEnd(index));
        return new Proposal(Mutation.changed(perturber, base.architecture(), probability, state, rng), phase,
                base.index());
    }
}
