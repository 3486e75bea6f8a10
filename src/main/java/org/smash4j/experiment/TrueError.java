package org.smash4j.experiment;

/**
 * What training an architecture from scratch gave: its errors at the last epoch.
 *
 * @param testError  test error (the "true error" the experiments compare scores with)
 * @param valError   error on the held-out validation split
 * @param trainError training error of the last epoch
 * @param seconds    wall time of the training run (as its metrics record it)
 */
public record TrueError(double testError, double valError, double trainError, double seconds) {
}
