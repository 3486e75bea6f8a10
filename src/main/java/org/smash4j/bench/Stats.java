package org.smash4j.bench;

import org.smash4j.experiment.stats.Summary;

/** Median, 10th and 90th percentiles (numpy's linear definition, {@link Summary#quantiles}) and mean of timings. */
public record Stats(int count, double median, double p10, double p90, double mean) {
    public static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] q = Summary.quantiles(values, 0.5, 0.1, 0.9);
        return new Stats(values.length, q[0], q[1], q[2], Summary.mean(values));
    }
}
