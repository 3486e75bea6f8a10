package org.smash4j.train;

import java.util.Locale;

/**
 * How long each preset trains and on how much data. {@code paper} is the paper's schedule (one-shot 100 epochs,
 * stand-alone 300, all data); {@code quick} is sized so that a complete search on Fashion-MNIST fits in about
 * 16 minutes on 2 CPU cores (15 min 52 s measured; see the README); {@code tiny} trains for seconds.
 *
 * @param trainLimit images drawn (seeded) from the training set before the validation split; 0 = all
 * @param testLimit  images drawn from the test set; 0 = all
 * @param searchRandom, searchPerturb, searchHillClimb sizes of the search phases ({@code paper}: the original's
 *                   evaluate.py defaults 500, 100, 100)
 */
public record TrainingPlan(int oneShotEpochs, int standaloneEpochs, int trainLimit, int testLimit,
        int checkpointEvery, int metricsEvery, int searchRandom, int searchPerturb, int searchHillClimb) {

    public static TrainingPlan forPreset(String preset) {
        switch (preset.toLowerCase(Locale.ROOT)) {
            case "tiny":
                return new TrainingPlan(1, 1, 600, 200, 0, 2, 6, 2, 2);
            case "quick":
                return new TrainingPlan(5, 6, 10000, 0, 100, 10, 150, 50, 50);
            case "paper":
                return new TrainingPlan(100, 300, 0, 0, 500, 50, 500, 100, 100);
            default:
                throw new IllegalArgumentException("no training plan for preset '" + preset + "'");
        }
    }
}
