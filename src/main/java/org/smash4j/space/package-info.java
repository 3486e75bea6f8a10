/**
 * The search space in plain Java, with no tensor library: configuration and presets, the immutable
 * {@link org.smash4j.space.Architecture} value, sampling, annealing, perturbation, validation, JSON,
 * exact parameter and FLOP counts, and the size of the space.
 */
package org.smash4j.space;
