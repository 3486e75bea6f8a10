package org.smash4j.pipeline;

import org.smash4j.train.OneShotSettings;

import org.smash4j.search.SmashScorer;
import org.smash4j.space.NormStyle;
import org.smash4j.train.DataSpec;

/**
 * Settings of a whole {@code smash run}, stored in its run.json; every stage derives its own from these.
 * {@code halvingEta} and {@code halvingMinImages} as in {@link SearchRunConfig}.
 */
public record PipelineConfig(String preset, DataSpec data, long seed, String device, int oneShotEpochs,
        int searchRandom, int searchPerturb, int searchHillClimb, int searchEvolution, double perturbProbability,
        SmashScorer.Settings scorer, int topK, int standaloneEpochs, NormStyle normStyle, int baselines,
        int halvingEta, int halvingMinImages, OneShotSettings oneShot) {
    public PipelineConfig {
        // Runs recorded before the setting existed are resumed from their one-shot folder, which holds its own.
        oneShot = oneShot == null ? OneShotSettings.standard() : oneShot;
    }
}
