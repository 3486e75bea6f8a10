package org.smash4j.experiment.stats;

/**
 * Input checks shared by the statistics, so that every method rejects bad data with the same precise messages
 * instead of silently propagating NaN from a typo'd or truncated results file.
 */
final class Samples {
    private Samples() {
    }

    /** Rejects a null or empty array and any NaN or infinite entry, naming {@code what} and the index. */
    static void requireFinite(String what, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        what + "[" + i + "] is " + values[i] + "; statistics need finite values");
            }
        }
    }

    /** Rejects x and y unless both are finite, of equal length, and hold at least {@code minPairs} pairs. */
    static void requirePaired(double[] x, double[] y, int minPairs) {
        requireFinite("x", x);
        requireFinite("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "x and y must be paired, but x has " + x.length + " values and y has " + y.length);
        }
        if (x.length < minPairs) {
            throw new IllegalArgumentException(
                    "needs at least " + minPairs + " pairs, got " + x.length);
        }
    }

    /** True when every value equals the first (so spread-based statistics are undefined). */
    static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy with -0.0 made 0.0: the libraries compare with Double.compare, which orders -0.0 before 0.0, while
     * they are the same number and must tie.
     */
    static double[] withoutNegativeZero(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += 0.0;
        }
        return out;
    }
}
