package org.smash4j.bench;

import java.util.Arrays;

/** Median and percentiles of timings (seconds). */
public record Stats(int count, double median, double p10, double p90, double mean) {
    public static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new Stats(v.length, quantile(v, 0.5), quantile(v, 0.1), quantile(v, 0.9), Arrays.stream(v).average()
                .orElse(Double.NaN));
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
