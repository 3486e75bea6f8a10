package org.smash4j.experiment.stats;

/**
 * A number computed from paired samples (x[i], y[i]), such as a correlation between SMASH scores and true errors;
 * the bootstrap recomputes it on resampled pairs. Implementations must be pure: they must not keep the arrays
 * or depend on anything but their contents, and return NaN (not throw) when the value is undefined for the data.
 */
@FunctionalInterface
public interface PairedStatistic {
    double apply(double[] x, double[] y);
}
