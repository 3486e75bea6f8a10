package org.smash4j.pipeline;

import org.smash4j.search.SmashScorer;
import org.smash4j.search.SuccessiveHalving;

/**
 * A search run's settings, stored in its run.json: which one-shot run it scores with, the plan (random samples,
 * then perturbations of the best, greedy hill-climbing, or regularized evolution), the scorer options and the seed.
 * {@code halvingEta} 0 scores every random sample on the whole validation set; >= 2 scores the random phase by
 * successive halving with that factor, from at least {@code halvingMinImages} images (0 in run folders written
 * before the option existed: off).
 */
public record SearchRunConfig(String smashRun, int random, int perturb, int hillClimb, int evolution,
        double perturbProbability, int population, int tournament, SmashScorer.Settings scorer, long seed,
        String device, int halvingEta, int halvingMinImages) {
    public SearchRunConfig {
        halving(); // refuses invalid successive-halving settings
        if (random < 1) {
            throw new IllegalArgumentException("a search starts with at least one random architecture");
        }
        if (perturb < 0 || hillClimb < 0 || evolution < 0) {
            throw new IllegalArgumentException("phase sizes must be >= 0");
        }
        if (!(perturbProbability >= 0 && perturbProbability <= 1)) {
            throw new IllegalArgumentException("perturbation probability must be in [0, 1], got "
                    + perturbProbability);
        }
        if (smashRun == null || smashRun.isBlank()) {
            throw new IllegalArgumentException("a search needs the one-shot run it scores with (--smash RUN)");
        }
        org.smash4j.nn.Placement.check(device);
    }

    /** The successive-halving settings of the random phase, or null when it is off. */
    public SuccessiveHalving.Settings halving() {
        return halvingEta == 0 ? null : new SuccessiveHalving.Settings(halvingEta, halvingMinImages);
    }
}
