package org.smash4j.search;

import org.smash4j.run.Score;

import org.smash4j.space.Architecture;

import java.util.List;

/**
 * A {@link Scorer} that can score an architecture on a range of validation images, so that
 * {@link SuccessiveHalving} can score many candidates on a few images and only the best on all of them. Scoring
 * images [a, b) and then [b, c) gives exactly what scoring [a, c) gives: each image is scored on its own, with
 * the same weights and noise draws (deterministic in architecture and index).
 */
public interface SliceScorer extends Scorer {
    /** What scoring images [from, to) gave. */
    record Slice(int from, int to, long[] wrongPerDraw, double lossSum, double seconds, float[] logProbs) {
        public int images() {
            return to - from;
        }
    }

    /** Images in the validation set. */
    int validationSize();

    /** Scores images [from, to) of the validation set (0 <= from < to <= validationSize()). */
    Slice scoreSlice(Architecture architecture, long index, int from, int to);

    /**
     * The score of an architecture from slices covering images [0, n) in order: when n is the whole set, what
     * {@link #score} gives (and it joins a running ensemble if the scorer keeps one); else a partial score
     * ({@link Score#partialImages()} = n).
     */
    Score combine(Architecture architecture, long index, List<Slice> slices);
}
