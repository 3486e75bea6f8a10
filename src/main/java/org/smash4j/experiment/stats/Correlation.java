package org.smash4j.experiment.stats;

import org.hipparchus.stat.correlation.KendallsCorrelation;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

import java.util.Optional;

/**
 * Correlation coefficients between paired samples, for the paper's central question: does the SMASH score rank
 * architectures the way their true (trained) errors do? Pearson measures a linear relation, Spearman's rho and
 * Kendall's tau-b a monotone one; the rank measures are what matters when SMASH is used to pick architectures.
 *
 * <p>Undefined cases, decided once for all three: fewer than 2 pairs, mismatched lengths, or NaN/infinite values
 * are errors of the caller and throw {@link IllegalArgumentException}; a constant x or y (zero variance, or all
 * pairs tied in a variable) is valid data for which the coefficient does not exist, so it returns NaN
 * ({@link #undefinedReason} says why) and the bootstrap skips such resamples.
 */
public final class Correlation {
    private Correlation() {
    }

    /** The three coefficients by name, usable wherever a {@link PairedStatistic} is expected. */
    public enum Measure implements PairedStatistic {
        PEARSON("Pearson r"),
        SPEARMAN("Spearman rho"),
        KENDALL_TAU_B("Kendall tau-b");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        /** Human-readable name for reports and plot legends. */
        public String label() {
            return label;
        }

        @Override
        public double apply(double[] x, double[] y) {
            return switch (this) {
                case PEARSON -> pearson(x, y);
                case SPEARMAN -> spearman(x, y);
                case KENDALL_TAU_B -> kendallTauB(x, y);
            };
        }
    }

    /**
     * Pearson's product-moment correlation r = Sxy / sqrt(Sxx Syy) over deviations from the means; NaN when x or y
     * is constant. Clamped to [-1, 1] so rounding never reports an impossible |r| > 1.
     */
    public static double pearson(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        if (Samples.isConstant(x) || Samples.isConstant(y)) {
            return Double.NaN;
        }
        return clamp(new PearsonsCorrelation().correlation(x, y));
    }

    /** Spearman's rho: Pearson's r of the average ranks (ties share their mean rank); NaN when x or y is constant. */
    public static double spearman(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        return pearson(Summary.ranks(x), Summary.ranks(y));
    }

    /**
     * Kendall's tau-b, (C - D) / sqrt((n0 - n1)(n0 - n2)) with C/D the concordant/discordant pairs, n0 = n(n-1)/2,
     * n1 and n2 the pairs tied in x and in y (Hipparchus, O(n log n)). NaN when x or y is constant.
     */
    public static double kendallTauB(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        if (Samples.isConstant(x) || Samples.isConstant(y)) {
            return Double.NaN;
        }
        return clamp(new KendallsCorrelation().correlation(Samples.withoutNegativeZero(x),
                Samples.withoutNegativeZero(y)));
    }

    /**
     * Why the coefficients are undefined (NaN) for these pairs, or empty when they are defined; for reports that
     * must say why a correlation is missing. Throws like the coefficients for invalid input.
     */
    public static Optional<String> undefinedReason(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        if (Samples.isConstant(x)) {
            return Optional.of("x is constant (all " + x.length + " values are " + x[0]
                    + "), so no correlation is defined");
        }
        if (Samples.isConstant(y)) {
            return Optional.of("y is constant (all " + y.length + " values are " + y[0]
                    + "), so no correlation is defined");
        }
        return Optional.empty();
    }

    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
