/**
 * Networks on DJL: the HyperNet, the memory-bank executor shared by the one-shot SMASH network and the
 * stand-alone network, their parameters, initialisation and loss. Networks are plain functions of named
 * tensors (no DJL Blocks) because the one-shot graph changes at every step and slices shared weights. The same
 * code runs on images and voxel grids: the search space's {@code spatialDims} gives the weights their rank, and
 * {@link org.smash4j.nn.Layers} picks 2-D or 3-D convs and pools by the rank of the tensors.
 */
package org.smash4j.nn;
