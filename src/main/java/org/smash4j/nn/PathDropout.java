package org.smash4j.nn;

/**
 * The path-dropout schedule of weight-sharing training (Bender et al., ICML 2018, "Understanding and Simplifying
 * One-Shot Architecture Search"): no dropout at the first step, then a rate that rises linearly to
 * {@code finalRate}, reached after {@code rampFraction} of the training steps and kept from there on. What a
 * path is and how the rate turns into per-path drop probabilities is {@link PathMask}'s.
 *
 * <p>Defaults ({@link #standard()}): final rate 0.1 reached at the end of training. The ramp is the paper's (it
 * raises the rate linearly over training, like the ScheduledDropPath it builds on); the final value is our choice
 * for this space, not a number from the paper, whose best value depends on its search space. Rate 0 ({@link #off()})
 * is the ablation without path dropout.
 *
 * @param finalRate    r at the end of the ramp: the probability that every op write into a bank is dropped, in [0, 1)
 * @param rampFraction fraction of the training steps over which r rises from 0 to finalRate, in (0, 1]
 */
public record PathDropout(double finalRate, double rampFraction) {
    public PathDropout {
        if (!(finalRate >= 0 && finalRate < 1) || !(rampFraction > 0 && rampFraction <= 1)) {
            throw new IllegalArgumentException("path dropout needs a final rate in [0, 1) and a ramp fraction in"
                    + " (0, 1], got " + finalRate + " and " + rampFraction);
        }
    }

    /** Final rate 0.1, reached at the last step. */
    public static PathDropout standard() {
        return new PathDropout(0.1, 1.0);
    }

    /** No path dropout (the ablation). */
    public static PathDropout off() {
        return new PathDropout(0, 1.0);
    }

    /** Whether any path is ever dropped. */
    public boolean enabled() {
        return finalRate > 0;
    }

    /** r at 0-based step {@code step} of {@code totalSteps}: 0 at step 0, linear up to finalRate, then constant. */
    public double rateAt(long step, long totalSteps) {
        if (!enabled() || totalSteps <= 1) {
            return enabled() ? finalRate : 0;
        }
        double rampSteps = rampFraction * (totalSteps - 1);
        return finalRate * Math.min(1.0, step / rampSteps);
    }

    /** A short description for tables and logs, e.g. "path dropout 0.1 (ramp 100%)" or "no path dropout". */
    public String describe() {
        return enabled() ? String.format(java.util.Locale.ROOT, "path dropout %s (ramp %.0f%%)",
                stripZeros(finalRate), 100 * rampFraction) : "no path dropout";
    }

    private static String stripZeros(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
