package org.smash4j.experiment;

import org.smash4j.run.Score;

import java.util.List;

/**
 * One SMASH score as the experiments record it.
 *
 * @param error   validation error (mean over the noise draws)
 * @param std     standard deviation over the draws (0 for one draw)
 * @param loss    mean validation cross-entropy
 * @param draws   error of each draw
 * @param seconds time taken
 */
public record ScoreRecord(double error, double std, double loss, List<Double> draws, double seconds) {
    static ScoreRecord of(Score s) {
        return new ScoreRecord(s.error(), s.std(), s.loss(), s.draws(), s.seconds());
    }

    /** Lower error is better; equal errors are told apart by the loss. */
    boolean betterThan(ScoreRecord other) {
        return error < other.error || (error == other.error && loss < other.loss);
    }
}
