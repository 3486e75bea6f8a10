package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smash4j.experiment.stats.ConfidenceInterval.Method;
import org.smash4j.experiment.stats.Correlation.Measure;
import org.smash4j.util.RandomStreams;

/**
 * The bootstrap against truths that do not come from its own code: its documented resampling stream, bootstrap
 * distributions that can be enumerated by hand, normal theory for large samples, and scipy's BCa.
 */
class BootstrapTest {
    private static final PairedStatistic MEAN_OF_X = (x, y) -> Summary.mean(x);

    @Test
    void resamplesArePairsDrawnFromTheNamedStream() {
        // x = indices, y = 10 * indices: each resampled x is the drawn index itself, and y must stay its partner.
        int n = 7;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 10 * i;
        }
        List<double[]> seen = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        PairedStatistic recorder = (xs, ys) -> {
            if (calls.getAndIncrement() > 0) { // call 0 is the estimate on the original sample
                for (int i = 0; i < xs.length; i++) {
                    assertEquals(10 * xs[i], ys[i], 0.0, "pairs must be resampled together");
                }
                seen.add(xs.clone());
            }
            return 0;
        };
        new Bootstrap(3, 0.9, 42).percentile(x, y, recorder);
        SplittableRandom stream = RandomStreams.of(42, "bootstrap");
        assertEquals(3, seen.size());
        for (double[] resample : seen) {
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = stream.nextInt(n);
            }
            assertArrayEquals(expected, resample, 0.0);
        }
    }

    @Test
    void fixedSeedGivesAFixedInterval() {
        double[] x = new double[40];
        double[] y = new double[40];
        SplittableRandom data = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = data.nextGaussian();
            y[i] = 0.5 * x[i] + data.nextGaussian();
        }
        Bootstrap bootstrap = Bootstrap.withSeed(11).withResamples(2000);
        ConfidenceInterval first = bootstrap.percentile(x, y, Measure.SPEARMAN);
        ConfidenceInterval again = bootstrap.percentile(x, y, Measure.SPEARMAN);
        assertEquals(first, again);
        assertEquals(Correlation.spearman(x, y), first.estimate(), 0.0);
        assertTrue(first.contains(first.estimate()), first.toString());
        assertEquals(Method.PERCENTILE, first.method());
        assertEquals(0.95, first.level(), 0.0);
        assertEquals(2000, first.resamples());
        assertEquals(11, first.seed());
        // Regression pin of this implementation's output (not an independent truth; those are the other tests):
        // it fails if the resampling order documented in Bootstrap changes, which would silently change the
        // intervals of experiments already reported under the same seeds.
        assertEquals(0.20090891133379404, first.lower(), 1e-12);
        assertEquals(0.7272485547829355, first.upper(), 1e-12);
        ConfidenceInterval otherSeed = new Bootstrap(2000, 0.95, 12).percentile(x, y, Measure.SPEARMAN);
        assertNotEquals(first.lower(), otherSeed.lower());
        assertEquals(first.estimate(), otherSeed.estimate(), 0.0);
    }

    @Test
    void twoPointSampleHasAnEnumerableDistribution() {
        // Resampling [a, b] twice: mean = a w.p. 1/4, (a+b)/2 w.p. 1/2, b w.p. 1/4. The 2.5% and 97.5% quantiles
        // of 10,000 such draws are a and b; the 30% and 70% quantiles (level 0.4) are both (a+b)/2. Leaving the
        // intended values needs a deviation of 22 standard deviations of the empirical shares.
        double[] x = {2, 6};
        double[] y = {0, 0};
        ConfidenceInterval wide = Bootstrap.withSeed(3).percentile(x, y, MEAN_OF_X);
        assertEquals(2.0, wide.lower(), 0.0);
        assertEquals(6.0, wide.upper(), 0.0);
        assertEquals(4.0, wide.estimate(), 0.0);
        ConfidenceInterval narrow = Bootstrap.withSeed(3).withLevel(0.4).percentile(x, y, MEAN_OF_X);
        assertEquals(4.0, narrow.lower(), 0.0);
        assertEquals(4.0, narrow.upper(), 0.0);
    }

    @Test
    void intervalForAMeanMatchesNormalTheory() {
        // For the mean of n = 400 values the bootstrap distribution is close to N(mean, s^2/n), s the plug-in
        // (divisor n) std, so the 95% percentile interval is mean -+ 1.96 s/sqrt(n). Monte Carlo error of the
        // bounds with B = 10,000 is about 0.03 s/sqrt(n); the tolerance is 0.15 s/sqrt(n).
        int n = 400;
        double[] x = new double[n];
        SplittableRandom data = new SplittableRandom(77);
        for (int i = 0; i < n; i++) {
            x[i] = 3 + 2 * data.nextGaussian();
        }
        double mean = Summary.mean(x);
        double plugInStd = Summary.sampleStd(x) * Math.sqrt((n - 1.0) / n);
        double se = plugInStd / Math.sqrt(n);
        ConfidenceInterval ci = Bootstrap.withSeed(1).percentile(x, new double[n], MEAN_OF_X);
        assertEquals(mean - 1.959963984540054 * se, ci.lower(), 0.15 * se);
        assertEquals(mean + 1.959963984540054 * se, ci.upper(), 0.15 * se);
        assertEquals(10_000, ci.resamples());
        assertEquals(0, ci.skipped());
    }

    @Test
    void pearsonIntervalMatchesFisherTheory() {
        // Bivariate normal with rho = 0.6, n = 1000: the Fisher-z interval tanh(atanh(r) -+ 1.96/sqrt(n-3)) is
        // accurate for normal data; the bootstrap percentile interval must agree within 15% of its width.
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom data = new SplittableRandom(2018);
        for (int i = 0; i < n; i++) {
            x[i] = data.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * data.nextGaussian();
        }
        double r = Correlation.pearson(x, y);
        double half = 1.959963984540054 / Math.sqrt(n - 3);
        double fisherLower = Math.tanh(atanh(r) - half);
        double fisherUpper = Math.tanh(atanh(r) + half);
        ConfidenceInterval ci = Bootstrap.withSeed(9).withResamples(2000).percentile(x, y, Measure.PEARSON);
        double width = fisherUpper - fisherLower;
        assertEquals(fisherLower, ci.lower(), 0.15 * width, ci.toString());
        assertEquals(fisherUpper, ci.upper(), 0.15 * width, ci.toString());
    }

    @Test
    void intervalNarrowsAsTheSampleGrows() {
        // Same process at n = 25, 100, 400: the width shrinks like 1/sqrt(n), i.e. by about 2 per step.
        double[] widths = new double[3];
        int[] sizes = {25, 100, 400};
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double[] x = new double[n];
            double[] y = new double[n];
            SplittableRandom data = new SplittableRandom(100 + s);
            for (int i = 0; i < n; i++) {
                x[i] = data.nextGaussian();
                y[i] = 0.7 * x[i] + data.nextGaussian();
            }
            ConfidenceInterval ci = Bootstrap.withSeed(4).withResamples(2000).percentile(x, y, Measure.SPEARMAN);
            assertTrue(ci.contains(ci.estimate()), ci.toString());
            widths[s] = ci.width();
        }
        assertTrue(widths[0] > widths[1] && widths[1] > widths[2], Arrays.toString(widths));
        double ratio = widths[0] / widths[2];
        assertTrue(ratio > 2.5 && ratio < 6.5, "width(25)/width(400) should be near 4, got " + ratio);
    }

    @Test
    void perfectlyCorrelatedSampleGivesOneOne() {
        // Every resample with two distinct x values is perfectly monotone (rank measures exactly 1); resamples with
        // a single distinct value are constant, NaN, and skipped.
        double[] x = new double[12];
        double[] cube = new double[12];
        double[] line = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i - 4.5;
            cube[i] = x[i] * x[i] * x[i];
            line[i] = 2 * x[i] + 1;
        }
        Bootstrap bootstrap = Bootstrap.withSeed(8).withResamples(2000);
        for (Measure rank : new Measure[] {Measure.SPEARMAN, Measure.KENDALL_TAU_B}) {
            ConfidenceInterval ci = bootstrap.percentile(x, cube, rank);
            assertEquals(1.0, ci.estimate(), 0.0, rank.label());
            assertEquals(1.0, ci.lower(), 0.0, rank.label());
            assertEquals(1.0, ci.upper(), 0.0, rank.label());
            ConfidenceInterval bca = bootstrap.bca(x, cube, rank);
            assertEquals(1.0, bca.lower(), 0.0, rank.label());
            assertEquals(1.0, bca.upper(), 0.0, rank.label());
        }
        ConfidenceInterval pearson = bootstrap.percentile(x, line, Measure.PEARSON);
        assertEquals(1.0, pearson.lower(), 1e-14);
        assertEquals(1.0, pearson.upper(), 1e-14);
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = -cube[i];
        }
        ConfidenceInterval negative = bootstrap.percentile(x, reversed, Measure.KENDALL_TAU_B);
        assertEquals(-1.0, negative.lower(), 0.0);
        assertEquals(-1.0, negative.upper(), 0.0);
    }

    @Test
    void undefinedResamplesAreSkippedAndCounted() {
        // With 3 distinct pairs a resample is constant (r undefined) when all 3 draws pick the same pair:
        // probability 3 * (1/3)^3 = 1/9, so about 1111 of 10,000 (binomial sd 31); allow 5 sd.
        ConfidenceInterval ci = Bootstrap.withSeed(6).percentile(
                new double[] {1, 2, 3}, new double[] {1, 3, 2}, Measure.PEARSON);
        assertTrue(Math.abs(ci.skipped() - 10_000 / 9.0) < 160, "skipped " + ci.skipped());
        assertEquals(10_000 - ci.skipped(), ci.used());
    }

    @Test
    void bcaBoundsMatchTheFormulaEvaluatedByScipy() {
        // t*_b = 0.1 b + 0.001 b^2 (b = 0..20), estimate 1.3, jackknife [1.2,1.25,1.31,1.28,1.5,1.22,1.27,1.9].
        // numpy/scipy: 12 of 21 below -> z0 = ndtri(12/21) = 0.18001236979270496; a = -0.10000720268110547;
        // bounds = np.percentile(t, 100 * ndtr(z0 + (z0+z)/(1 - a (z0+z)))) for z = ndtri(alpha), ndtri(1-alpha).
        double[] t = new double[21];
        for (int b = 0; b < 21; b++) {
            t[b] = 0.1 * b + 0.001 * b * b;
        }
        double[] jackknife = {1.2, 1.25, 1.31, 1.28, 1.5, 1.22, 1.27, 1.9};
        double[] at90 = Bootstrap.bcaBounds(t, 1.3, jackknife, 0.9);
        assertEquals(0.12621074226630974, at90[0], 1e-12);
        assertEquals(2.282065205593945, at90[1], 1e-12);
        double[] at95 = Bootstrap.bcaBounds(t, 1.3, jackknife, 0.95);
        assertEquals(0.047570995281877894, at95[0], 1e-12);
        assertEquals(2.327654141043433, at95[1], 1e-12);
    }

    @Test
    void bcaWithoutBiasOrSkewIsThePercentileInterval() {
        // t* = -10..10 without 0, estimate 0: half below -> z0 = 0; symmetric jackknife -> a = 0; so the bounds
        // are the plain 5% and 95% quantiles: h = 19 * 0.05 = 0.95 -> -10 + 0.95 = -9.05, and +9.05.
        double[] t = new double[20];
        for (int i = 0; i < 10; i++) {
            t[i] = i - 10;
            t[19 - i] = 10 - i;
        }
        double[] bounds = Bootstrap.bcaBounds(t, 0, new double[] {-1, 0, 1}, 0.9);
        assertEquals(-9.05, bounds[0], 1e-12);
        assertEquals(9.05, bounds[1], 1e-12);
    }

    @Test
    void bcaShiftsRightForASkewedMeanLikeScipy() {
        // Exponential quantiles x_i = -ln(1 - (i+0.5)/50): right-skewed, so a > 0 and z0 > 0 and BCa moves both
        // bounds up relative to the percentile interval. scipy.stats.bootstrap(method='BCa', n_resamples=10000)
        // over seeds 0..4 gives [0.764..0.769, 1.312..1.320]; percentile gives [0.737..0.742, 1.269..1.281].
        int n = 50;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.log1p(-(i + 0.5) / n);
        }
        Bootstrap bootstrap = Bootstrap.withSeed(2);
        ConfidenceInterval bca = bootstrap.bca(x, new double[n], MEAN_OF_X);
        ConfidenceInterval percentile = bootstrap.percentile(x, new double[n], MEAN_OF_X);
        assertEquals(Method.BCA, bca.method());
        assertEquals(0.9930851944722277, bca.estimate(), 1e-14);
        assertEquals(0.766, bca.lower(), 0.012, bca.toString());
        assertEquals(1.316, bca.upper(), 0.012, bca.toString());
        assertEquals(0.740, percentile.lower(), 0.012, percentile.toString());
        assertEquals(1.274, percentile.upper(), 0.012, percentile.toString());
        assertTrue(bca.lower() > percentile.lower() && bca.upper() > percentile.upper());
    }

    @Test
    void invalidUseIsRejected() {
        double[] x = {1, 2, 3, 4};
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withSeed(1).percentile(x, new double[] {2, 2, 2, 2}, Measure.SPEARMAN));
        assertTrue(constant.getMessage().contains("undefined (NaN) on the original 4 pairs"),
                constant.getMessage());
        IllegalArgumentException leaveOneOut = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withSeed(1).withResamples(100).bca(new double[] {1, 1, 1, 2}, x, Measure.PEARSON));
        assertTrue(leaveOneOut.getMessage().contains("leaving out pair 3"), leaveOneOut.getMessage());
        AtomicInteger calls = new AtomicInteger();
        PairedStatistic definedOnlyOnce = (a, b) -> calls.getAndIncrement() == 0 ? 0 : Double.NaN;
        IllegalStateException allSkipped = assertThrows(IllegalStateException.class,
                () -> Bootstrap.withSeed(1).withResamples(50).percentile(x, x, definedOnlyOnce));
        assertTrue(allSkipped.getMessage().contains("all 50 resamples"), allSkipped.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.withSeed(1).withLevel(1.0));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withSeed(1).percentile(x, new double[] {1, 2}, Measure.PEARSON));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
