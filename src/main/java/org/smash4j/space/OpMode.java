package org.smash4j.space;

/**
 * Which of the four shared convolutions an op may use (spec 1.3). Gates, variable nonlinearities and
 * the original's {@code long_op} are out of scope: they are broken in the original and absent from the paper.
 */
public enum OpMode {
    /** Every op is a single conv W0 (the original's default). */
    SINGLE,
    /** Each op draws one of five conv patterns (the original's {@code var_op}). */
    VAR_OP,
    /** Every op uses all four convs (the original's {@code big_op}). */
    BIG_OP;

    /** Number of convs whose fields are encoded in c: 4 when an op can use more than W0, else 1. */
    public int encodedConvs() {
        return this == SINGLE ? 1 : 4;
    }

    /** Number of shared conv weights each block must hold. */
    public int sharedConvs() {
        return this == SINGLE ? 1 : 4;
    }
}
