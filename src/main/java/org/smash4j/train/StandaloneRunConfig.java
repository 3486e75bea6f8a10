package org.smash4j.train;

import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.NormStyle;

/** Everything a stand-alone training run depends on, stored in run.json (spec 7 defaults in the CLI). */
public record StandaloneRunConfig(ArchitectureDocument architecture, NormStyle normStyle, DataSpec data, int epochs,
        int batchSize, double learningRate, double momentum, double weightDecay, long seed, String device,
        int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss) {
    public StandaloneRunConfig {
        TrainingLoop.Settings.check(epochs, batchSize, learningRate, evalBatch, checkpointEvery, metricsEvery, maxLoss,
                device);
    }

    /**
     * The stand-alone settings of {@code smash run}'s final training (spec 7): sandwich norm, batch 50, Nesterov SGD
     * with lr 0.1 (cosine per step), momentum 0.9, weight decay 1e-4, evaluation batch 100, loss limit 1e4.
     */
    public static StandaloneRunConfig standard(ArchitectureDocument architecture, DataSpec data, int epochs, long seed,
            String device, int checkpointEvery, int metricsEvery) {
        return new StandaloneRunConfig(architecture, NormStyle.SANDWICH, data, epochs, 50, 0.1, 0.9, 1e-4, seed, device,
                checkpointEvery, metricsEvery, 100, 1e4);
    }
}
