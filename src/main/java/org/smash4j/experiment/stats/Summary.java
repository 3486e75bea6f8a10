package org.smash4j.experiment.stats;

import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

import java.util.Arrays;

/**
 * Descriptive statistics for experiment reports (error bars over seeds, medians of SMASH scores) and the average
 * ranks behind Spearman's rho. Quantiles follow numpy's default ("linear") definition so that numbers in our
 * reports can be compared with the original authors' numpy-based analysis.
 */
public final class Summary {
    private Summary() {
    }

    /** Arithmetic mean of at least one finite value. */
    public static double mean(double[] values) {
        Samples.requireFinite("values", values);
        return StatUtils.mean(values); // with a correction pass for the rounding error of the plain sum
    }

    /** Sample standard deviation (divisor n-1, numpy {@code ddof=1}); needs at least two values. */
    public static double sampleStd(double[] values) {
        Samples.requireFinite("values", values);
        if (values.length < 2) {
            throw new IllegalArgumentException(
                    "the sample standard deviation needs at least 2 values, got " + values.length);
        }
        return new StandardDeviation(true).evaluate(values);
    }

    /** Median: the middle value, or the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The q-quantile, q in [0, 1], by linear interpolation between order statistics (numpy's default): with the
     * values sorted ascending as s[0..n-1], h = (n-1)q and the result is s[floor(h)] + (h - floor(h)) * (s[floor(h)+1]
     * - s[floor(h)]).
     */
    public static double quantile(double[] values, double q) {
        Samples.requireFinite("values", values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, q);
    }

    /** Several quantiles of the same values (sorted once), in the order of {@code qs}. */
    public static double[] quantiles(double[] values, double... qs) {
        Samples.requireFinite("values", values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            out[i] = quantileOfSorted(sorted, qs[i]);
        }
        return out;
    }

    /** The linear-interpolation quantile of values already sorted ascending (not checked, not copied). */
    static double quantileOfSorted(double[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - lo;
        return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * Ranks 1..n of the values, ties receiving the average of the ranks they span (e.g. [10, 20, 20, 30, 20] ->
     * [1, 3, 3, 5, 3]), as Spearman's rho with ties requires.
     */
    public static double[] ranks(double[] values) {
        Samples.requireFinite("values", values);
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(Samples.withoutNegativeZero(values));
    }
}
