package org.smash4j.space;

/**
 * Trainable parameters and multiply-accumulates of one op of the stand-alone network, as counted by
 * {@link CostModel}; {@code describe} prints one per line.
 *
 * @param block              block index (0..2)
 * @param op                 op index within the block
 * @param inChannels         n_in: channels read from the banks
 * @param bottleneckChannels n_b: output channels of the 1x1 conv
 * @param outChannels        n_out = width*N: output channels of every conv of the op
 * @param resolution         spatial size of the block
 * @param params             trainable parameters (convs, plus BN gamma and beta as the norm style puts them)
 * @param macs               multiply-accumulates per image
 */
public record OpCost(int block, int op, int inChannels, int bottleneckChannels, int outChannels, int resolution,
                     long params, long macs) {
}
