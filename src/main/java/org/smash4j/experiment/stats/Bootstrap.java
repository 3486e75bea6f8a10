package org.smash4j.experiment.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.distribution.continuous.NormalDistribution;

import org.smash4j.util.RandomStreams;

/**
 * Seeded bootstrap confidence intervals for any statistic of paired samples, e.g. the Spearman correlation between
 * SMASH scores and true errors of the 50 trained architectures. Pairs (x[i], y[i]) are resampled together, with
 * replacement, so the dependence between x and y that the statistic measures is preserved.
 *
 * <p>Reproducibility: resample b draws its n indices with {@code nextInt(n)}, in order, from the single stream
 * {@code RandomStreams.of(seed, "bootstrap")}, b = 0..B-1. The same seed therefore gives the same resamples for every
 * statistic and both methods, so intervals for different statistics of one experiment are paired.
 *
 * @param resamples B, the number of resamples (default 10,000)
 * @param level     nominal coverage in (0, 1) (default 0.95)
 * @param seed      run seed of the "bootstrap" stream
 */
public record Bootstrap(int resamples, double level, long seed) {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final double DEFAULT_LEVEL = 0.95;
    /** The purpose name of the random stream, fixed so intervals can be reproduced from the seed alone. */
    public static final String STREAM = "bootstrap";

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least 1 resample, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** B = 10,000 resamples at level 0.95. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed);
    }

    public Bootstrap withResamples(int newResamples) {
        return new Bootstrap(newResamples, level, seed);
    }

    public Bootstrap withLevel(double newLevel) {
        return new Bootstrap(resamples, newLevel, seed);
    }

    /**
     * Percentile interval: the (1-level)/2 and (1+level)/2 quantiles (linear interpolation, as
     * {@link Summary#quantile}) of the statistic over the resamples whose statistic is not NaN.
     *
     * @throws IllegalArgumentException if the statistic is NaN on the original sample
     * @throws IllegalStateException    if it is NaN on every resample
     */
    public ConfidenceInterval percentile(double[] x, double[] y, PairedStatistic statistic) {
        Distribution d = resample(x, y, statistic);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(ConfidenceInterval.Method.PERCENTILE, d.estimate,
                Summary.quantileOfSorted(d.sorted, alpha), Summary.quantileOfSorted(d.sorted, 1 - alpha),
                level, resamples, d.skipped, seed);
    }

    /**
     * Bias-corrected and accelerated (BCa) interval, drawn from the same resamples as {@link #percentile}. The bias
     * correction z0 = Phi^-1(share of resampled statistics strictly below the estimate); the acceleration a comes
     * from the jackknife (leave-one-pair-out) values; see {@link #bcaBounds}. Needs the statistic to be defined on
     * every leave-one-out sample.
     */
    public ConfidenceInterval bca(double[] x, double[] y, PairedStatistic statistic) {
        Distribution d = resample(x, y, statistic);
        double[] jackknife = jackknife(x, y, statistic);
        double[] bounds = bcaBounds(d.sorted, d.estimate, jackknife, level);
        return new ConfidenceInterval(ConfidenceInterval.Method.BCA, d.estimate, bounds[0], bounds[1],
                level, resamples, d.skipped, seed);
    }

    /**
     * The BCa bounds from the sorted bootstrap statistics, the original estimate and the jackknife values
     * (Efron and Tibshirani 1993, eqs. 14.9-14.15): z0 = Phi^-1(#{t* < estimate} / B), a = sum d^3 / (6 (sum
     * d^2)^1.5) with d_i = mean(jackknife) - jackknife_i, and each bound is the Phi(z0 + (z0 + z)/(1 - a (z0 + z)))
     * quantile for z = Phi^-1((1 -+ level)/2). When all jackknife values are equal a = 0. When no (or every)
     * resampled statistic is below the estimate z0 is infinite and both bounds collapse onto the smallest (largest)
     * resampled value, which is the limit of the formula.
     */
    static double[] bcaBounds(double[] sortedStatistics, double estimate, double[] jackknife, double level) {
        int below = 0;
        while (below < sortedStatistics.length && sortedStatistics[below] < estimate) {
            below++;
        }
        double z0 = NORMAL.inverseCumulativeProbability((double) below / sortedStatistics.length);
        double jackMean = 0;
        for (double v : jackknife) {
            jackMean += v;
        }
        jackMean /= jackknife.length;
        double squares = 0;
        double cubes = 0;
        for (double v : jackknife) {
            double d = jackMean - v;
            squares += d * d;
            cubes += d * d * d;
        }
        double acceleration = squares == 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
        double alpha = (1 - level) / 2;
        double[] bounds = new double[2];
        double[] tails = {alpha, 1 - alpha};
        for (int i = 0; i < 2; i++) {
            double adjusted;
            if (Double.isInfinite(z0)) {
                adjusted = z0 < 0 ? 0 : 1;
            } else {
                double z = z0 + NORMAL.inverseCumulativeProbability(tails[i]);
                adjusted = NORMAL.cumulativeProbability(z0 + z / (1 - acceleration * z));
            }
            bounds[i] = Summary.quantileOfSorted(sortedStatistics, adjusted);
        }
        return bounds;
    }

    /** The statistic on the original pairs and on each resample, NaN results dropped and counted. */
    private Distribution resample(double[] x, double[] y, PairedStatistic statistic) {
        Samples.requirePaired(x, y, 1);
        if (statistic == null) {
            throw new IllegalArgumentException("the bootstrap needs a statistic, got none");
        }
        int n = x.length;
        // Copies, so a statistic that sorts its input in place cannot disturb the caller's data.
        double estimate = statistic.apply(x.clone(), y.clone());
        if (Double.isNaN(estimate)) {
            throw new IllegalArgumentException(
                    "the statistic is undefined (NaN) on the original " + n + " pairs, so there is nothing to bound");
        }
        SplittableRandom rng = RandomStreams.of(seed, STREAM);
        double[] values = new double[resamples];
        double[] xs = new double[n];
        double[] ys = new double[n];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int pick = rng.nextInt(n);
                xs[i] = x[pick];
                ys[i] = y[pick];
            }
            double value = statistic.apply(xs, ys);
            if (!Double.isNaN(value)) {
                values[kept++] = value;
            }
        }
        if (kept == 0) {
            throw new IllegalStateException("the statistic was undefined (NaN) on all " + resamples
                    + " resamples of " + n + " pairs; no interval can be formed");
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Distribution(estimate, sorted, resamples - kept);
    }

    private static double[] jackknife(double[] x, double[] y, PairedStatistic statistic) {
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("the BCa interval needs at least 3 pairs for its jackknife, got " + n);
        }
        double[] values = new double[n];
        double[] xs = new double[n - 1];
        double[] ys = new double[n - 1];
        for (int left = 0; left < n; left++) {
            System.arraycopy(x, 0, xs, 0, left);
            System.arraycopy(x, left + 1, xs, left, n - 1 - left);
            System.arraycopy(y, 0, ys, 0, left);
            System.arraycopy(y, left + 1, ys, left, n - 1 - left);
            values[left] = statistic.apply(xs, ys);
            if (Double.isNaN(values[left])) {
                throw new IllegalArgumentException("the BCa interval needs the statistic on every leave-one-out"
                        + " sample, but leaving out pair " + left + " makes it undefined (NaN); use the"
                        + " percentile interval instead");
            }
        }
        return values;
    }

    private record Distribution(double estimate, double[] sorted, int skipped) {
    }
}
