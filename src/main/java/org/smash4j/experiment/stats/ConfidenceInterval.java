package org.smash4j.experiment.stats;

/**
 * A bootstrap confidence interval together with everything needed to reproduce and judge it: the method, the
 * seed, how many resamples were drawn and how many of them were skipped because the statistic was undefined.
 *
 * @param method    how the bounds were derived from the resampled statistics
 * @param estimate  the statistic on the original sample
 * @param lower     lower bound
 * @param upper     upper bound
 * @param level     nominal coverage, e.g. 0.95
 * @param resamples number of resamples drawn (B), skipped ones included
 * @param skipped   resamples whose statistic was NaN (e.g. a resample with constant x) and were left out
 * @param seed      run seed of the "bootstrap" random stream
 */
public record ConfidenceInterval(Method method, double estimate, double lower, double upper, double level,
        int resamples, int skipped, long seed) {

    /** How the interval's bounds are read off the bootstrap distribution. */
    public enum Method {
        /** The (1-level)/2 and (1+level)/2 quantiles of the resampled statistics. */
        PERCENTILE,
        /** Bias-corrected and accelerated quantiles (Efron 1987), correcting median bias and skew. */
        BCA
    }

    public ConfidenceInterval {
        if (method == null) {
            throw new IllegalArgumentException("a confidence interval needs a method, got none");
        }
        if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("a confidence interval needs defined numbers, got estimate "
                    + estimate + ", bounds [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "lower bound " + lower + " is above upper bound " + upper);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (resamples < 1 || skipped < 0 || skipped >= resamples) {
            throw new IllegalArgumentException("need 0 <= skipped < resamples, got " + skipped
                    + " skipped of " + resamples);
        }
    }

    /** Resamples that contributed to the bounds. */
    public int used() {
        return resamples - skipped;
    }

    /** upper - lower. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies within [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
