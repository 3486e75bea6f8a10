package org.smash4j.search;

import org.smash4j.run.Score;

import org.smash4j.space.Architecture;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic {@link SliceScorer}: each of {@code images} validation images is answered wrongly with probability
 * 0.1 + 0.8 * {@link TargetConvScorer#distance}, by a coin drawn from (architecture's index, image), so a slice's
 * wrong answers are exactly those of the same images in a full scoring. It counts the images it scored, and its
 * seconds are a function of the slice, so results files can be compared byte for byte.
 */
final class ImageCoinScorer implements SliceScorer {
    private final int images;
    long imagesScored;
    /** Slices that start at image 0: one per architecture each time a phase is halved. */
    long firstSlices;
    final List<Long> fullScores = new ArrayList<>();

    ImageCoinScorer(int images) {
        this.images = images;
    }

    private boolean wrong(Architecture a, long index, int image) {
        double p = 0.1 + 0.8 * TargetConvScorer.distance(a);
        SplittableRandom rng = RandomStreams.of(17, "coin", index * 100_003L + image);
        return rng.nextDouble() < p;
    }

    @Override
    public Score score(Architecture architecture, long index) {
        return combine(architecture, index, List.of(scoreSlice(architecture, index, 0, images)));
    }

    @Override
    public int validationSize() {
        return images;
    }

    @Override
    public Slice scoreSlice(Architecture architecture, long index, int from, int to) {
        long w = 0;
        for (int i = from; i < to; i++) {
            w += wrong(architecture, index, i) ? 1 : 0;
        }
        imagesScored += to - from;
        firstSlices += from == 0 ? 1 : 0;
        return new Slice(from, to, new long[] {w}, w, 0.001 * (to - from), new float[0]);
    }

    @Override
    public Score combine(Architecture architecture, long index, List<Slice> slices) {
        long w = 0;
        int n = 0;
        double seconds = 0;
        for (Slice s : slices) {
            w += s.wrongPerDraw()[0];
            n = s.to();
            seconds += s.seconds();
        }
        Score s = Score.ofDraws(List.of((double) w / n), (double) w / n, seconds);
        if (n < images) {
            return s.withPartialImages(n);
        }
        fullScores.add(index);
        return s;
    }
}
