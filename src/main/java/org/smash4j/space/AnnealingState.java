package org.smash4j.space;

/**
 * The annealed part of the sampling law at one moment of training (spec 2.4): the largest kernel size
 * ops may draw and the upper end of the per-block budget fraction. Kept apart from
 * {@link SearchSpaceConfig} because it changes every iteration while the space itself does not.
 *
 * @param maxKernel largest allowed kernel size; always odd (3, 5, 7, ...)
 * @param maxBudget upper end of the uniform per-block budget fraction, in (0, 1]
 */
public record AnnealingState(int maxKernel, double maxBudget) {
    public AnnealingState {
        if (maxKernel < 3 || maxKernel % 2 == 0) {
            throw new IllegalArgumentException("annealing maxKernel must be odd and >= 3, got " + maxKernel);
        }
        if (!(maxBudget > 0 && maxBudget <= 1)) {
            throw new IllegalArgumentException("annealing maxBudget must be in (0, 1], got " + maxBudget);
        }
    }

    /** The state at the end of training, which evaluation and search keep: all kernel sizes, full budget. */
    public static AnnealingState finalState(SearchSpaceConfig config) {
        return new AnnealingState(config.maxKernel(), 1.0);
    }

    /** The state at iteration 0: 3x3 kernels only, budget fraction up to one half. */
    public static AnnealingState initialState() {
        return new AnnealingState(3, 0.5);
    }
}
