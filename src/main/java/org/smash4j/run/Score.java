package org.smash4j.run;

import java.util.List;

/**
 * What a {@link org.smash4j.search.Scorer} says about one architecture: the SMASH score (validation error with generated
 * weights; lower is better) as the mean over one or more noise draws. Several draws address spec bug 19
 * (the original scored every architecture with a single z draw), and their spread says how much of a
 * difference between two scores is noise.
 *
 * @param error         the score: mean of {@code draws}; the quantity strategies minimise
 * @param draws         one score per noise draw, at least one, all finite
 * @param std           sample standard deviation of the draws (n-1 denominator; 0 for a single draw)
 * @param loss          mean validation loss, or NaN when the scorer has none
 * @param seconds       time the scorer spent on this architecture (0 when it was not scored again)
 * @param ensembleError running error of the ensemble of every architecture scored so far, or NaN when
 *                      the scorer does not track one; the only field allowed to depend on earlier calls
 * @param partialImages 0 for a score on the whole validation set; else the number of validation images a
 *                      successive-halving round scored it on before it was dropped (a cheaper, noisier score)
 */
public record Score(double error, List<Double> draws, double std, double loss, double seconds, double ensembleError,
        int partialImages) {
    public Score {
        if (partialImages < 0) {
            throw new IllegalArgumentException("partial images must be >= 0, got " + partialImages);
        }
        if (draws == null || draws.isEmpty()) {
            throw new IllegalArgumentException("a score needs at least one draw");
        }
        draws = List.copyOf(draws);
        for (int i = 0; i < draws.size(); i++) {
            if (!Double.isFinite(draws.get(i))) {
                throw new IllegalArgumentException("score draw " + i + " is " + draws.get(i) + ", not a finite number");
            }
        }
        if (!Double.isFinite(error)) {
            throw new IllegalArgumentException("score error must be a finite number, got " + error);
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("score std must be finite and >= 0, got " + std);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("score seconds must be finite and >= 0, got " + seconds);
        }
        if (Double.isInfinite(ensembleError)) {
            throw new IllegalArgumentException("ensemble error must be finite or NaN (unknown), got " + ensembleError);
        }
    }

    /** A score on the whole validation set. */
    public Score(double error, List<Double> draws, double std, double loss, double seconds, double ensembleError) {
        this(error, draws, std, loss, seconds, ensembleError, 0);
    }

    /** A score on the whole validation set without an ensemble error. */
    public Score(double error, List<Double> draws, double std, double loss, double seconds) {
        this(error, draws, std, loss, seconds, Double.NaN);
    }

    /** Whether this score covers only part of the validation set (dropped by successive halving). */
    public boolean partial() {
        return partialImages > 0;
    }

    /** The score of these draws: their mean and sample standard deviation; no ensemble error. */
    public static Score ofDraws(List<Double> draws, double loss, double seconds) {
        if (draws == null || draws.isEmpty()) {
            throw new IllegalArgumentException("a score needs at least one draw");
        }
        double sum = 0;
        for (double d : draws) {
            sum += d;
        }
        double mean = sum / draws.size();
        double squares = 0;
        for (double d : draws) {
            squares += (d - mean) * (d - mean);
        }
        double std = draws.size() > 1 ? Math.sqrt(squares / (draws.size() - 1)) : 0.0;
        return new Score(mean, draws, std, loss, seconds);
    }

    /** This score with the ensemble error {@code value} (NaN for unknown). */
    public Score withEnsembleError(double value) {
        return new Score(error, draws, std, loss, seconds, value, partialImages);
    }

    /** This score with {@code value} seconds spent. */
    public Score withSeconds(double value) {
        return new Score(error, draws, std, loss, value, ensembleError, partialImages);
    }

    /** This score marked as computed on the first {@code images} validation images only. */
    public Score withPartialImages(int images) {
        return new Score(error, draws, std, loss, seconds, ensembleError, images);
    }
}
