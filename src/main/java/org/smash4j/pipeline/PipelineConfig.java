package org.smash4j.pipeline;

import org.smash4j.nn.PathDropout;
import org.smash4j.train.OneShotEvaluator;
import org.smash4j.train.OneShotSettings;

import org.smash4j.search.SmashScorer;
import org.smash4j.space.NormStyle;
import org.smash4j.train.DataSpec;

/**
 * Settings of a whole {@code smash run}, stored in its run.json; every stage derives its own from these.
 * {@code halvingEta} and {@code halvingMinImages} as in {@link SearchRunConfig}; {@code evaluator} and
 * {@code pathDropout} as in {@link org.smash4j.train.OneShotRunConfig} (null evaluator: the HyperNet).
 */
public record PipelineConfig(String preset, DataSpec data, long seed, String device, int oneShotEpochs,
        int searchRandom, int searchPerturb, int searchHillClimb, int searchEvolution, double perturbProbability,
        SmashScorer.Settings scorer, int topK, int standaloneEpochs, NormStyle normStyle, int baselines,
        int halvingEta, int halvingMinImages, OneShotSettings oneShot, String evaluator, PathDropout pathDropout) {
    public PipelineConfig {
        // Runs recorded before the setting existed are resumed from their one-shot folder, which holds its own.
        oneShot = oneShot == null ? OneShotSettings.standard() : oneShot;
        evaluator = OneShotEvaluator.of(evaluator).name();
    }

    public PipelineConfig(String preset, DataSpec data, long seed, String device, int oneShotEpochs,
            int searchRandom, int searchPerturb, int searchHillClimb, int searchEvolution, double perturbProbability,
            SmashScorer.Settings scorer, int topK, int standaloneEpochs, NormStyle normStyle, int baselines,
            int halvingEta, int halvingMinImages, OneShotSettings oneShot) {
        this(preset, data, seed, device, oneShotEpochs, searchRandom, searchPerturb, searchHillClimb, searchEvolution,
                perturbProbability, scorer, topK, standaloneEpochs, normStyle, baselines, halvingEta, halvingMinImages,
                oneShot, null, null);
    }

    /** These settings with the one-shot network trained by another evaluator (path dropout: weight sharing only). */
    public PipelineConfig withEvaluator(String name, PathDropout dropout) {
        return new PipelineConfig(preset, data, seed, device, oneShotEpochs, searchRandom, searchPerturb,
                searchHillClimb, searchEvolution, perturbProbability, scorer, topK, standaloneEpochs, normStyle,
                baselines, halvingEta, halvingMinImages, oneShot, name, dropout);
    }
}
