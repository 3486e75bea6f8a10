package org.smash4j.experiment;

import org.smash4j.experiment.stats.Bootstrap;
import org.smash4j.experiment.stats.ConfidenceInterval;
import org.smash4j.experiment.stats.Correlation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Every predictor of true error on the same trained candidates, side by side: the SMASH scorers and the baselines
 * that need no one-shot network, parameter count and multiply-accumulates (both oriented so that a larger network
 * is predicted to be better, the usual prior; a positive correlation then means the prior holds). A SMASH scorer
 * has signal of its own only where it beats them; the constant-c scorer ({@link ScorerVariant}) tells how much of
 * that signal comes from reading c rather than from the architecture's structure.
 *
 * @param correlations by predictor name, scorers first
 * @param versusFirst  Spearman rho of the ordering scorer minus that of each other predictor, with a paired
 *                     bootstrap interval (the same resampled candidates for both)
 */
record Predictors(Map<String, CorrelationAnalysis> correlations, Map<String, CorrelationAnalysis.Coefficient> versusFirst) {
    static final String PARAMS = "baseline: -params";
    static final String MACS = "baseline: -MACs";

    static Predictors of(List<CorrelationExperiment.Row> rows, List<String> scorers, long seed, int resamples) {
        List<CorrelationExperiment.Row> trained = rows.stream().filter(r -> r.trueError() != null).toList();
        double[] truth = trained.stream().mapToDouble(r -> r.trueError().testError()).toArray();
        Map<String, double[]> predicted = new LinkedHashMap<>();
        for (String s : scorers) {
            predicted.put(s, values(trained, r -> r.scores().get(s).error()));
        }
        predicted.put(PARAMS, values(trained, r -> -r.params()));
        predicted.put(MACS, values(trained, r -> -r.macs()));
        Map<String, CorrelationAnalysis> correlations = new LinkedHashMap<>();
        predicted.forEach((name, x) -> correlations.put(name, CorrelationAnalysis.of(x, truth, seed, resamples)));
        Map<String, CorrelationAnalysis.Coefficient> versus = new LinkedHashMap<>();
        double[] first = predicted.get(scorers.get(0));
        for (Map.Entry<String, double[]> e : predicted.entrySet()) {
            if (!e.getKey().equals(scorers.get(0)) && truth.length >= 3) {
                versus.put(e.getKey(), rhoDifference(first, e.getValue(), truth, seed, resamples));
            }
        }
        return new Predictors(correlations, versus);
    }

    private static double[] values(List<CorrelationExperiment.Row> rows, ToDoubleFunction<CorrelationExperiment.Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    /**
     * rho(a, truth) - rho(b, truth) with a percentile interval over candidates resampled with replacement; the
     * bootstrap resamples candidate indices (x) and the statistic looks the three values up by index.
     */
    static CorrelationAnalysis.Coefficient rhoDifference(double[] a, double[] b, double[] truth, long seed,
            int resamples) {
        double[] index = new double[truth.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        ConfidenceInterval ci;
        try {
            ci = Bootstrap.withSeed(seed).withResamples(resamples).percentile(index, index, (x, y) -> {
                double[] ra = new double[x.length];
                double[] rb = new double[x.length];
                double[] rt = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    int k = (int) x[i];
                    ra[i] = a[k];
                    rb[i] = b[k];
                    rt[i] = truth[k];
                }
                if (Correlation.undefinedReason(ra, rt).isPresent() || Correlation.undefinedReason(rb, rt).isPresent()) {
                    return Double.NaN;
                }
                return Correlation.spearman(ra, rt) - Correlation.spearman(rb, rt);
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
        return new CorrelationAnalysis.Coefficient(ci.estimate(), ci.lower(), ci.upper(), ci.resamples(), ci.skipped());
    }

    /** The side-by-side table: every predictor's correlations, and its Spearman difference to the first scorer. */
    void addTo(ExperimentPage page, String first) {
        List<List<String>> t = CorrelationExperiment.correlationTable(correlations);
        t.get(0).add("rho(" + first + ") - rho [95% CI]");
        for (int r = 1; r < t.size(); r++) {
            CorrelationAnalysis.Coefficient d = versusFirst.get(t.get(r).get(0));
            t.get(r).add(d == null ? "" : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", d.estimate(),
                    d.lower(), d.upper()));
        }
        page.paragraph("Every predictor on the same trained candidates. Baselines need no one-shot network: minus the"
                + " parameter count and minus the multiply-accumulates (a bigger network predicted better). A"
                + " 'constc' scorer feeds the HyperNet an encoding without marks, so it cannot read the architecture"
                + " from c. The last column is the first scorer's Spearman rho minus this predictor's, with a paired"
                + " bootstrap interval; an interval above 0 means the first scorer ranks better.");
        page.table(t);
    }
}
