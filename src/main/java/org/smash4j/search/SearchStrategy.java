package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One way of choosing the next architecture to score. A strategy is a PURE function of its arguments: it
 * keeps no state between calls, and all its randomness comes from {@code rng}, which the plan derives
 * from (seed, {@link #name()}, index). So a search can be resumed by replaying the proposals for the
 * recorded results, and two runs with the same seed and plan propose the same architectures.
 */
public interface SearchStrategy {
    /** The name of the random stream of this strategy (also shown in plan descriptions). */
    String name();

    /**
     * The architecture to score as result {@code index}.
     *
     * @param index   the index the proposal will get
     * @param history every result so far: indices 0..index-1, in order
     * @param rng     the random stream for this (seed, strategy, index)
     */
    Proposal propose(long index, List<ScoredArchitecture> history, RandomGenerator rng);

    /**
     * Whether proposals ignore the history (random sampling), so a whole phase can be proposed at once and
     * scored by {@link SuccessiveHalving}.
     */
    default boolean independentOfHistory() {
        return false;
    }
}
