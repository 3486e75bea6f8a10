package org.smash4j.train;

import org.smash4j.nn.HyperNetShape;
import org.smash4j.space.SearchSpaceConfig;

/**
 * Everything a one-shot training run depends on, fully resolved and stored in run.json so that {@code --resume}
 * rebuilds the same run.
 */
public record OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
        int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
        int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss) {
}
