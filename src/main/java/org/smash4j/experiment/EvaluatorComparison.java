package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.nn.PathDropout;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.run.RunFolder;
import org.smash4j.train.WeightSharingEvaluator;
import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One-shot evaluators side by side in the correlation experiment: other one-shot runs (e.g. a weight-sharing run
 * beside a HyperNet run, trained on the same data with the same schedule and seed) score the same candidates with
 * the ordering scorer, so that their correlations with the same true errors, their training time per step and their
 * memory go into one table and one scatter plot. The path-dropout ablation (Bender et al.) is one more such run: a
 * weight-sharing network trained alike with path dropout off.
 */
final class EvaluatorComparison {
    /** Folder of the path-dropout ablation's one-shot run, inside the experiment folder. */
    static final String ABLATION_DIR = "smash-no-path-dropout";

    /**
     * One one-shot network of the comparison.
     *
     * @param key            its scores' name in the rows and correlations
     * @param secondsPerStep median seconds per one-shot training step (from images per second; NaN if unrecorded)
     * @param peakRssMiB     highest resident memory recorded during its training (NaN in runs older than the record)
     */
    record Network(String label, String run, String evaluator, String key, long parameters, double secondsPerStep,
            double peakRssMiB) {
    }

    private EvaluatorComparison() {
    }

    /** The one-shot runs to score besides the experiment's own: the compared ones, then the ablation's if asked. */
    static List<Path> runs(Path dir, CorrelationExperiment.Config c, OneShotRunConfig main, PrintStream progress)
            throws IOException {
        List<Path> out = new ArrayList<>();
        c.compareWith().forEach(r -> out.add(Path.of(r)));
        if (c.dropoutAblation()) {
            if (!main.evaluator().equals(WeightSharingEvaluator.NAME) || !main.pathDropout().enabled()) {
                throw new IllegalArgumentException("the path-dropout ablation needs a weight-sharing --smash run with "
                        + "path dropout; " + c.smashRun() + " is " + main.label());
            }
            Path ablation = dir.resolve(ABLATION_DIR);
            progress.println("== path-dropout ablation: the weight-sharing network trained alike without path dropout");
            OneShotSource.trainVariant(ablation, OneShotSource.variant(main, main.hyperNet(), main.epochs(),
                    main.seed(), c.device()).withEvaluator(WeightSharingEvaluator.NAME, PathDropout.off()), progress);
            out.add(ablation);
        }
        return out;
    }

    /**
     * Scores {@code archs} with each of {@code runs} (which must share the main run's space and data, so that they
     * score the same candidates on the same validation split) and the variant {@code v}; adds the scores to
     * {@code scores} under each network's key and returns the networks, the main one first.
     */
    static List<Network> score(Path smashRun, OneShotRunConfig main, long mainParameters, List<Path> runs,
            List<Architecture> archs, ScorerVariant v, long seed, Ledger ledger,
            Map<String, List<ScoreRecord>> scores, PrintStream progress) throws IOException {
        List<Network> out = new ArrayList<>();
        out.add(network(smashRun, main, main.label(), v.name(), mainParameters));
        for (Path run : runs) {
            try (OneShotSource src = OneShotSource.open(run)) {
                OneShotRunConfig other = src.config();
                if (!other.space().equals(main.space()) || !other.data().equals(main.data())) {
                    throw new IllegalArgumentException(run + " was trained on another search space or data than "
                            + smashRun + "; they cannot score the same candidates");
                }
                // Runs are told apart by their last two path elements (pilots/a/smash and pilots/b/smash both end in
                // "smash"): the key names the run's scores in the ledger, so two runs must never share one.
                String label = other.label() + " [" + shortName(run) + "]";
                String key = label + " / " + v.name();
                if (scores.containsKey(key)) {
                    throw new IllegalArgumentException("two compared runs are both named " + shortName(run)
                            + "; give them folders with different names");
                }
                SmashScorer scorer = src.scorer(v, seed);
                Progress bar = new Progress(progress, "score " + other.label(), archs.size());
                List<ScoreRecord> list = new ArrayList<>();
                for (int i = 0; i < archs.size(); i++) {
                    final int index = i;
                    list.add(ledger.computeIfAbsent("compare/" + key + "/" + i, ScoreRecord.class,
                            () -> OneShotSource.score(scorer, v, archs.get(index), src.network(), index)));
                    bar.update(i + 1);
                }
                bar.done();
                scores.put(key, list);
                out.add(network(run, other, label, key, src.network().parameters().count(null)));
            }
        }
        return out;
    }

    /** What a one-shot run cost to train, from its run folder's metrics. */
    static Network network(Path run, OneShotRunConfig c, String label, String key, long parameters)
            throws IOException {
        List<Double> stepSeconds = new ArrayList<>();
        double rss = Double.NaN;
        for (JsonNode n : RunFolder.open(run).readLines(RunFiles.METRICS)) {
            if (!n.path("type").asText().equals("step")) {
                continue;
            }
            double ips = n.path("imagesPerSecond").asDouble(Double.NaN);
            if (ips > 0) {
                stepSeconds.add(c.batchSize() / ips);
            }
            double r = n.path("rssMiB").asDouble(Double.NaN);
            if (r > 0) {
                rss = Double.isNaN(rss) ? r : Math.max(rss, r);
            }
        }
        return new Network(label, run.toString(), c.evaluator(), key, parameters, median(stepSeconds), rss);
    }

    /** The last two elements of a run's path ("default/smash"), or its only one. */
    static String shortName(Path run) {
        Path p = run.normalize();
        int n = p.getNameCount();
        return n >= 2 ? p.getName(n - 2) + "/" + p.getName(n - 1) : p.toString();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The side-by-side table and scatter plot of the networks' scores against the candidates' true errors. */
    static void addTo(ExperimentPage page, List<Network> networks, List<CorrelationExperiment.Row> rows,
            Map<String, CorrelationAnalysis> correlations) {
        List<CorrelationExperiment.Row> trained = rows.stream().filter(r -> r.trueError() != null).toList();
        double[] truth = trained.stream().mapToDouble(r -> r.trueError().testError()).toArray();
        List<List<String>> t = new ArrayList<>();
        t.add(List.of("one-shot network", "run", "n", "Pearson r [95% CI]", "Spearman rho [95% CI]",
                "Kendall tau-b [95% CI]", "parameters", "s per training step (median)", "peak RSS (MiB)"));
        List<ExperimentPlots.Group> groups = new ArrayList<>();
        for (Network n : networks) {
            CorrelationAnalysis a = correlations.get(n.key());
            t.add(List.of(n.label(), n.run(), Integer.toString(a.n()), a.text(Correlation.Measure.PEARSON.label()),
                    a.text(Correlation.Measure.SPEARMAN.label()), a.text(Correlation.Measure.KENDALL_TAU_B.label()),
                    String.format(Locale.ROOT, "%,d", n.parameters()), number(n.secondsPerStep(), "%.3f"),
                    number(n.peakRssMiB(), "%.0f")));
            groups.add(new ExperimentPlots.Group(n.label(), trained.stream().mapToDouble(r -> r.scores()
                    .get(n.key()).error()).toArray(), truth, a.fit()));
        }
        page.paragraph("One-shot evaluators side by side: each network below scores the same candidates with the"
                + " same scorer on the same validation split, against the same true errors. Training time per step"
                + " and peak resident memory come from each run's metrics (the step time of runs that shared the"
                + " machine with other jobs is inflated). Weight-sharing networks score with each batch's own BN"
                + " statistics unless the scorer says otherwise.");
        page.table(t);
        page.plot(ExperimentPlots.scatter("evaluators.png", "One-shot evaluators: score vs true error",
                "one-shot score: validation error (%)", "test error after training from scratch (%)", groups,
                "The same trained candidates scored by each one-shot network, with least-squares lines."));
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }
}
