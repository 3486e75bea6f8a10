/**
 * Networks on DJL: the HyperNet, the memory-bank executor shared by the one-shot SMASH network and the
 * stand-alone network, their parameters, initialisation and loss. Networks are plain functions of named
 * tensors (no DJL Blocks) because the one-shot graph changes at every step and slices shared weights.
 */
package org.smash4j.nn;
