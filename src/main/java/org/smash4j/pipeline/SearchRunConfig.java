package org.smash4j.pipeline;

import org.smash4j.search.SmashScorer;

/**
 * A search run's settings, stored in its run.json: which one-shot run it scores with, the plan (random samples,
 * then perturbations of the best, greedy hill-climbing, or regularized evolution), the scorer options and the seed.
 */
public record SearchRunConfig(String smashRun, int random, int perturb, int hillClimb, int evolution,
        double perturbProbability, int population, int tournament, SmashScorer.Settings scorer, long seed,
        String device) {
    public SearchRunConfig {
        if (random < 1) {
            throw new IllegalArgumentException("a search starts with at least one random architecture");
        }
        if (perturb < 0 || hillClimb < 0 || evolution < 0) {
            throw new IllegalArgumentException("phase sizes must be >= 0");
        }
    }
}
