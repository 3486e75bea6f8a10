package org.smash4j.encoding;

/**
 * Which rows of an op's slices c marks (row h stands for generated output units [h*N, (h+1)*N)).
 *
 * <p>{@link #USED_UNITS} marks every row whose units the op's 1x1 conv uses, {@code ceil(n_b/N)} rows (our fix of
 * spec bug 10); {@link #OP_WIDTH} marks rows below the op's width g, as the original does. With a bottleneck
 * factor above 1 the first marks nearly every row of every op (95.8% of op cells on the quick space against
 * 82.5%), so it tells ops of different widths apart less; which one the HyperNet reads better is measured
 * (issue 10), not assumed.
 */
public enum RowMarking {
    USED_UNITS,
    OP_WIDTH;

    /** Rows marked for an op of width {@code width} whose 1x1 conv has {@code bottleneck} output channels. */
    int rows(int k, int n, int width, int bottleneck) {
        return switch (this) {
            case USED_UNITS -> Math.min(k, (bottleneck + n - 1) / n);
            case OP_WIDTH -> Math.min(k, width);
        };
    }
}
