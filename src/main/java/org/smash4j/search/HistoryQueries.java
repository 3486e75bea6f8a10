package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;

import java.util.List;

/** Questions several strategies ask of the history, answered the same way everywhere (ties included). */
final class HistoryQueries {
    private HistoryQueries() {
    }

    /**
     * The result with the lowest score among indices {@code from..to-1}; on a tie the earliest wins, so
     * "best" never changes without a strict improvement. Whole-validation-set scores come before partial ones
     * ({@link ScoredArchitecture#BEST_FIRST}).
     */
    static ScoredArchitecture best(List<ScoredArchitecture> history, long from, long to) {
        checkHistory(history, to);
        ScoredArchitecture best = null;
        for (long i = Math.max(0, from); i < to; i++) {
            ScoredArchitecture r = history.get((int) i);
            if (best == null || ScoredArchitecture.BEST_FIRST.compare(r, best) < 0) {
                best = r;
            }
        }
        return best;
    }

    /** Fails with a clear message unless the history holds exactly indices 0..index-1. */
    static void checkHistory(List<ScoredArchitecture> history, long index) {
        if (history.size() < index) {
            throw new IllegalArgumentException("the history holds " + history.size() + " results, but a proposal for"
                    + " index " + index + " needs results 0.." + (index - 1));
        }
        if (index > 0 && history.get((int) index - 1).index() != index - 1) {
            throw new IllegalArgumentException("history entry " + (index - 1) + " has index "
                    + history.get((int) index - 1).index() + ": the history must hold results 0, 1, 2, ... in order");
        }
    }
}
