package org.smash4j.nn;

import java.util.random.RandomGenerator;

/**
 * Weight initialisations computed in Java from a seeded generator, so that a network's initial weights
 * depend only on the run seed and never on libtorch's random state.
 */
public final class Init {
    private Init() {
    }

    /**
     * A (semi-)orthogonal matrix of rows x cols (Haar-distributed: Gram-Schmidt of a Gaussian matrix), returned
     * row-major. Used for every conv weight, flattened to [out, in*kh*kw], as the original does.
     */
    public static double[] orthogonal(int rows, int cols, RandomGenerator rng) {
        boolean transpose = rows > cols;
        int m = transpose ? cols : rows; // number of vectors to orthonormalise
        int len = transpose ? rows : cols; // their length, >= m
        double[][] v = new double[m][len];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < len; j++) {
                v[i][j] = rng.nextGaussian();
            }
            // Two passes of modified Gram-Schmidt keep the result orthonormal to rounding error.
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < i; p++) {
                    double dot = 0;
                    for (int j = 0; j < len; j++) {
                        dot += v[i][j] * v[p][j];
                    }
                    for (int j = 0; j < len; j++) {
                        v[i][j] -= dot * v[p][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < len; j++) {
                norm += v[i][j] * v[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < len; j++) {
                v[i][j] /= norm;
            }
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = transpose ? v[c][r] : v[r][c];
            }
        }
        return out;
    }

    /** U(-bound, bound) values, e.g. PyTorch's default Linear init with bound 1/sqrt(fan_in). */
    public static double[] uniform(int count, double bound, RandomGenerator rng) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return out;
    }

    /** {@code count} copies of {@code value}. */
    public static double[] constant(int count, double value) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
