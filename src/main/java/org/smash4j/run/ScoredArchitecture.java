package org.smash4j.run;

import org.smash4j.space.Architecture;

/**
 * One line of {@code results.jsonl}: an architecture the search scored, with its provenance and the
 * stand-alone network's size. The history that strategies read is the list of these, in index order.
 *
 * @param index        position in the search, 0-based; the history holds indices 0, 1, 2, ... in order
 * @param phase        the kind of step that proposed it
 * @param architecture the architecture
 * @param score        its score
 * @param params       parameters of its stand-alone network ({@link org.smash4j.space.NormStyle#SANDWICH})
 * @param macs         multiply-accumulates per image of its stand-alone network
 * @param parent       index of the result it was derived from, or null for a random sample
 */
public record ScoredArchitecture(long index, Phase phase, Architecture architecture, Score score, long params,
                                 long macs, Long parent) {
    public ScoredArchitecture {
        if (index < 0) {
            throw new IllegalArgumentException("result index must be >= 0, got " + index);
        }
        if (phase == null || architecture == null || score == null) {
            throw new IllegalArgumentException("a scored architecture needs a phase, an architecture and a score");
        }
        if (parent != null && (parent < 0 || parent >= index)) {
            throw new IllegalArgumentException("result " + index + " names parent " + parent
                    + ", which is not an earlier result");
        }
    }

    /** The SMASH score (lower is better). */
    public double error() {
        return score.error();
    }

    /**
     * Best first: a score on the whole validation set before a partial one (successive halving dropped those
     * after beating them on the same images), then the lower score, then the earlier index.
     */
    public static final java.util.Comparator<ScoredArchitecture> BEST_FIRST = java.util.Comparator
            .comparing((ScoredArchitecture r) -> r.score().partial())
            .thenComparing((ScoredArchitecture r) -> -r.score().partialImages())
            .thenComparingDouble(ScoredArchitecture::error)
            .thenComparingLong(ScoredArchitecture::index);
}
