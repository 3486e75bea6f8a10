package org.smash4j.experiment;

import org.smash4j.experiment.stats.Bootstrap;
import org.smash4j.experiment.stats.ConfidenceInterval;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.experiment.stats.LeastSquares;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How well scores rank architectures like their true errors: Pearson, Spearman and Kendall tau-b between the two,
 * each with a seeded percentile-bootstrap 95% interval, and the least-squares line of true error on score.
 *
 * @param n            pairs
 * @param coefficients by measure label; absent when undefined (a constant sample)
 * @param fit          least-squares line, or null when undefined
 * @param undefined    why the coefficients are undefined, or null
 */
public record CorrelationAnalysis(int n, Map<String, Coefficient> coefficients, LeastSquares fit, String undefined) {

    /** A coefficient with its bootstrap interval. */
    public record Coefficient(double estimate, double lower, double upper, int resamples, int skipped) {
    }

    static CorrelationAnalysis of(double[] score, double[] trueError, long seed, int resamples) {
        Optional<String> why = score.length < 3 ? Optional.of("fewer than 3 pairs")
                : Correlation.undefinedReason(score, trueError);
        if (why.isPresent()) {
            return new CorrelationAnalysis(score.length, Map.of(), null, why.get());
        }
        Bootstrap boot = Bootstrap.withSeed(seed).withResamples(resamples);
        Map<String, Coefficient> out = new LinkedHashMap<>();
        for (Correlation.Measure m : Correlation.Measure.values()) {
            ConfidenceInterval ci = boot.percentile(score, trueError, m);
            out.put(m.label(), new Coefficient(ci.estimate(), ci.lower(), ci.upper(), ci.resamples(), ci.skipped()));
        }
        return new CorrelationAnalysis(score.length, out, LeastSquares.fit(score, trueError), null);
    }

    /** "rho = 0.52 [0.21, 0.75]" for a measure, or "undefined". */
    String text(String label) {
        Coefficient c = coefficients.get(label);
        return c == null ? "undefined" : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", c.estimate(),
                c.lower(), c.upper());
    }
}
