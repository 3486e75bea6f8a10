package org.smash4j.train;

import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.NormStyle;

/** Everything a stand-alone training run depends on, stored in run.json (spec 7 defaults in the CLI). */
public record StandaloneRunConfig(ArchitectureDocument architecture, NormStyle normStyle, DataSpec data, int epochs,
        int batchSize, double learningRate, double momentum, double weightDecay, long seed, String device,
        int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss) {
}
