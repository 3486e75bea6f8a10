package org.smash4j.space;

/**
 * One k x k conv of an op: kernel size and dilation per spatial dimension (odd kernels, possibly
 * non-square) and its number of groups. Padding is always chosen to keep the spatial size.
 */
public record ConvSpec(int kernelH, int kernelW, int dilationH, int dilationW, int groups) {
    /** The plain 3x3, dilation 1, one group conv used by the reference blocks of the paper's Figure 1. */
    public static ConvSpec plain3x3() {
        return new ConvSpec(3, 3, 1, 1, 1);
    }
}
