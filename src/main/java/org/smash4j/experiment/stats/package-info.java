/**
 * Statistics for the paper's experiments: the correlation between SMASH scores and true errors (Pearson, Spearman,
 * Kendall tau-b), least-squares lines for scatter plots, seeded paired bootstrap confidence intervals (percentile
 * and BCa), and summary helpers (mean, sample std, numpy-style quantiles, average ranks). The numerics are
 * Hipparchus's; what is ours is the seeded bootstrap, the numpy quantile definition and the conventions below.
 *
 * <p>Conventions shared by every class here: inputs are {@code double[]} that are never modified; NaN or infinite
 * inputs, mismatched lengths and too-short samples are rejected with an {@link IllegalArgumentException} that names
 * the problem; a statistic that is mathematically undefined for valid data (a correlation of a constant sample)
 * is returned as NaN, so that the bootstrap can skip and count such resamples.
 */
package org.smash4j.experiment.stats;
