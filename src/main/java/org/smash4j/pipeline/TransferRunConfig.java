package org.smash4j.pipeline;

import org.smash4j.train.StandaloneRunConfig;

/**
 * A transfer run's settings, stored in its run.json: where the architecture came from, the preset whose plan set the
 * lengths and data sizes, and the stand-alone training of the adapted architecture on the target data (its space is
 * the source's, fitted to the target's channels, resolution and classes).
 */
public record TransferRunConfig(TransferSource source, String preset, StandaloneRunConfig training) {
}
