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
        return withSpecOptimizer(architecture, NormStyle.SANDWICH, data, epochs, SpecDefaults.BATCH,
                SpecDefaults.STANDALONE_LR, seed, device, checkpointEvery, metricsEvery);
    }

    /**
     * Given batch size and learning rate, the spec's momentum, weight decay, evaluation batch and loss limit
     * ({@link SpecDefaults}).
     */
    public static StandaloneRunConfig withSpecOptimizer(ArchitectureDocument architecture, NormStyle normStyle,
            DataSpec data, int epochs, int batchSize, double learningRate, long seed, String device,
            int checkpointEvery, int metricsEvery) {
        return new StandaloneRunConfig(architecture, normStyle, data, epochs, batchSize, learningRate,
                SpecDefaults.MOMENTUM, SpecDefaults.WEIGHT_DECAY, seed, device, checkpointEvery, metricsEvery,
                SpecDefaults.EVAL_BATCH, SpecDefaults.MAX_LOSS);
    }
}
