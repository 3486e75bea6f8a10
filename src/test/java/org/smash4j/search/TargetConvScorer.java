package org.smash4j.search;

import org.smash4j.run.Score;

import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic scorer with a known optimum, for testing strategies without a network. The distance of an
 * architecture is the mean, over all its convs, of how far the conv is from the target "7x7, one group":
 * <pre>
 *   d(conv) = ( (7-kh + 7-kw)/8 + log2(groups)/3 ) / 2      in [0, 1] (kernels 3..7, groups 1..8)
 * </pre>
 * An architecture without convs gets 1. The optimum 0 is reached by any architecture whose convs are all
 * 7x7 with one group, which exists for every sampled structure (7x7 allows dilation 1, one group divides
 * everything). A random quick-preset architecture scores about 0.5.
 *
 * <p>With {@code draws > 1} or {@code noise > 0}, each draw adds Gaussian noise of that std from the random
 * stream (noiseSeed, "synthetic-noise", index), so the score is deterministic in (architecture, index), as
 * the Scorer contract asks. The ensemble error it reports is the running mean of the scores it has computed
 * (a stand-in for a real ensemble, with state that {@link #restore} must rebuild on resume); its
 * "seconds" are a function of the index, so that results files can be compared byte for byte.
 */
final class TargetConvScorer implements Scorer {
    private final int draws;
    private final double noise;
    private final long noiseSeed;
    private double ensembleSum;
    private long ensembleCount;
    /** Indices passed to {@link #score}, in call order (to check which results were really scored). */
    final List<Long> scoredIndices = new ArrayList<>();
    final List<Long> restoredIndices = new ArrayList<>();

    TargetConvScorer(int draws, double noise, long noiseSeed) {
        this.draws = draws;
        this.noise = noise;
        this.noiseSeed = noiseSeed;
    }

    /** Noise-free, one draw. */
    TargetConvScorer() {
        this(1, 0, 0);
    }

    static double distance(Architecture a) {
        double sum = 0;
        int convs = 0;
        for (Block b : a.blocks()) {
            for (Op op : b.ops()) {
                for (ConvSpec c : op.convs()) {
                    double kernel = (7 - c.kernelH() + 7 - c.kernelW()) / 8.0;
                    double groups = (31 - Integer.numberOfLeadingZeros(c.groups())) / 3.0;
                    sum += (kernel + groups) / 2;
                    convs++;
                }
            }
        }
        return convs == 0 ? 1.0 : sum / convs;
    }

    @Override
    public Score score(Architecture architecture, long index) {
        scoredIndices.add(index);
        double d = distance(architecture);
        SplittableRandom rng = RandomStreams.of(noiseSeed, "synthetic-noise", index);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            values.add(d + noise * rng.nextGaussian());
        }
        Score s = Score.ofDraws(values, 2 * d, 0.5 + index % 3);
        ensembleSum += s.error();
        ensembleCount++;
        return s.withEnsembleError(ensembleSum / ensembleCount);
    }

    @Override
    public void restore(Architecture architecture, long index, Score recorded) {
        restoredIndices.add(index);
        ensembleSum += recorded.error();
        ensembleCount++;
    }
}
