package org.smash4j.space;

/**
 * How a stand-alone op normalises (spec section 7). The one-shot network always uses
 * {@link #WEIGHT_NORM}; the stand-alone network defaults to {@link #SANDWICH} as the original does.
 */
public enum NormStyle {
    /** BN(n_in), ReLU, 1x1 conv, BN(n_b); then each active conv: ReLU, conv. Stem without ReLU. */
    SANDWICH,
    /** BN(n_in), ReLU, 1x1 conv; then each active conv: BN, ReLU, conv. Stem without ReLU. */
    FULL,
    /**
     * Exactly the one-shot op: 1x1 conv whose whole weight is divided by its Frobenius norm, ReLU; then each
     * active conv: ReLU, conv; no BN inside ops; stem followed by ReLU. Lets a stand-alone network hold the
     * very weights the HyperNet generated ("searched == trained").
     */
    WEIGHT_NORM
}
