package org.smash4j.search;

import org.smash4j.run.Score;

import org.smash4j.space.Architecture;

/**
 * Turns an architecture into a {@link Score}. The real one generates weights with the trained HyperNet and
 * measures the validation error; tests use synthetic scorers with a known optimum.
 *
 * <p>Contract: {@link #score} is deterministic in (architecture, index), e.g. the noise draws come from a
 * random stream of the index, so that a resumed search scores what an uninterrupted one would. Only
 * {@link Score#ensembleError()} may depend on earlier calls; a scorer that tracks it rebuilds its state in
 * {@link #restore} when a search is resumed.
 */
public interface Scorer {
    /** Scores {@code architecture}, the search's result number {@code index} (0-based). */
    Score score(Architecture architecture, long index);

    /**
     * Called on resume, in index order, for every recorded result that was scored (not for duplicates,
     * whose earlier score was reused), instead of {@link #score}: a scorer with running state (the ensemble)
     * brings it to where it was after that call. The default keeps no state and does nothing.
     */
    default void restore(Architecture architecture, long index, Score recorded) {
    }
}
