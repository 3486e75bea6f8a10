package org.smash4j.space;

/**
 * The original's annealing schedule of the sampling law (spec 2.4): over the first half of training the
 * budget fraction's upper end rises from 0.5 to 1 and larger kernels become available; after that the law
 * stays at {@link AnnealingState#finalState}. The learning-rate schedule is not here (training owns it).
 */
public final class Annealing {
    private final SearchSpaceConfig config;
    private final long totalIterations;

    /** The schedule for a run of {@code totalIterations} (J) iterations. */
    public Annealing(SearchSpaceConfig config, long totalIterations) {
        if (config == null) {
            throw new IllegalArgumentException("annealing needs a search-space config");
        }
        if (totalIterations < 1) {
            throw new IllegalArgumentException("total iterations must be >= 1, got " + totalIterations);
        }
        this.config = config;
        this.totalIterations = totalIterations;
    }

    /** Annealing progress t = min(j / (0.5 J), 1). */
    public static double progress(long iteration, long totalIterations) {
        if (totalIterations < 1) {
            throw new IllegalArgumentException("total iterations must be >= 1, got " + totalIterations);
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        return Math.min(iteration / (0.5 * totalIterations), 1.0);
    }

    /** The sampling law's annealed parameters before iteration {@code iteration} (0-based). */
    public AnnealingState at(long iteration) {
        double t = progress(iteration, totalIterations);
        return new AnnealingState(maxKernelAt(config.maxKernel(), t), 0.5 + 0.5 * t);
    }

    /**
     * Largest allowed kernel at progress t. The original computes m = 3 + floor((K-3) t) and then allows the
     * odd sizes in range(3, m+2, 2), so for K = 7: 5x5 from t = .25, 7x7 from t = .75. Fixes spec bug 12: m
     * itself is even half of the time (4, 6), so the largest odd size that range admits (m, or m+1 when m is
     * even) is stored instead; the set of allowed sizes is exactly the original's.
     */
    static int maxKernelAt(int finalMaxKernel, double t) {
        int m = 3 + (int) Math.floor((finalMaxKernel - 3) * t);
        int largestOdd = m % 2 == 1 ? m : m + 1;
        return Math.min(largestOdd, finalMaxKernel);
    }
}
