package org.smash4j.space;

/**
 * Trainable parameters and multiply-accumulates of one fixed layer of the stand-alone network (the stem, a
 * transition, the head), as counted by {@link CostModel}.
 *
 * @param name        what the layer is, e.g. "stem" or "transition 0->1"
 * @param inChannels  channels entering the layer
 * @param outChannels channels leaving it (classes for the head)
 * @param resolution  spatial size at which its conv runs (1 for the head's linear layer)
 * @param params      trainable parameters, BN gamma and beta included
 * @param macs        multiply-accumulates per image
 */
public record LayerCost(String name, int inChannels, int outChannels, int resolution, long params, long macs) {
}
