package org.smash4j.experiment.stats;

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
        double meanX = Summary.mean(x);
        double meanY = Summary.mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double product = sxx * syy;
        // sqrt(fl(a*a)) == a exactly, so identical inputs (e.g. identical ranks) give exactly 1; split the root
        // only where the product would overflow.
        double norm = Double.isInfinite(product) ? Math.sqrt(sxx) * Math.sqrt(syy) : Math.sqrt(product);
        return clamp(sxy / norm);
    }

    /** Spearman's rho: Pearson's r of the average ranks (ties share their mean rank); NaN when x or y is constant. */
    public static double spearman(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        return pearson(Summary.ranks(x), Summary.ranks(y));
    }

    /**
     * Kendall's tau-b, (C - D) / sqrt((n0 - n1)(n0 - n2)) with C/D the concordant/discordant pairs, n0 = n(n-1)/2,
     * n1 and n2 the pairs tied in x and in y. Computed in O(n log n) (Knight's method): sort by (x, y), count the
     * strict inversions in y that a stable sort by y removes (these are D), and get C from n0, the ties and D.
     * NaN when x or y is constant.
     */
    public static double kendallTauB(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        int n = x.length;
        long allPairs = (long) n * (n - 1) / 2;
        int[] order = IndexSort.byKeys(x, y);
        long tiedX = tiedPairs(order, x, null);
        long tiedBoth = tiedPairs(order, x, y);
        // Pairs tied in x are already ascending in y, so every strict inversion left is a discordant pair.
        long discordant = IndexSort.sortCountingInversions(order, y);
        long tiedY = tiedPairs(order, y, null);
        if (tiedX == allPairs || tiedY == allPairs) {
            return Double.NaN;
        }
        // C + D + (tied in x only) + (tied in y only) + (tied in both) = n0, hence C - D as below.
        long concordantMinusDiscordant = allPairs - tiedX - tiedY + tiedBoth - 2 * discordant;
        double denominator = Math.sqrt((double) (allPairs - tiedX) * (double) (allPairs - tiedY));
        return clamp(concordantMinusDiscordant / denominator);
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

    /** Pairs whose key (and second key, if given) are equal, summed as t(t-1)/2 over runs of the sorted order. */
    private static long tiedPairs(int[] order, double[] key, double[] secondKey) {
        long pairs = 0;
        long run = 1;
        for (int i = 1; i < order.length; i++) {
            boolean tied = key[order[i]] == key[order[i - 1]]
                    && (secondKey == null || secondKey[order[i]] == secondKey[order[i - 1]]);
            if (tied) {
                run++;
            } else {
                pairs += run * (run - 1) / 2;
                run = 1;
            }
        }
        return pairs + run * (run - 1) / 2;
    }

    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
