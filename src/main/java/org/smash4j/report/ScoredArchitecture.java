package org.smash4j.report;

import org.smash4j.space.Architecture;

import java.util.List;

/**
 * One line of {@code search/results.jsonl}: an architecture and its SMASH score (validation error fraction with
 * generated weights; lower is better). Numbers a line lacks are NaN (counts: -1).
 *
 * @param index         the result's index in the search
 * @param phase         "random", "perturb", "hill-climb" or "evolution" ("" when absent)
 * @param architecture  the architecture, or null when its JSON could not be read
 * @param score         mean SMASH score over the noise draws
 * @param scores        one score per noise draw
 * @param scoreStd      standard deviation of {@code scores}
 * @param loss          validation loss with generated weights
 * @param params        stand-alone parameter count
 * @param macs          stand-alone multiply-accumulates per image
 * @param seconds       time spent scoring it
 * @param ensembleError running error of the ensemble of every architecture scored so far
 * @param parent        index of the architecture it was derived from, or null
 */
public record ScoredArchitecture(int index, String phase, Architecture architecture, double score,
        List<Double> scores, double scoreStd, double loss, long params, long macs, double seconds,
        double ensembleError, Integer parent) {
    public ScoredArchitecture {
        scores = List.copyOf(scores);
    }
}
