package org.smash4j.experiment;

import org.smash4j.experiment.stats.Correlation;
import org.smash4j.experiment.stats.Summary;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores over several one-shot networks (paper section 4.1, Fig. 5b): S networks trained like the given one but with
 * seeds seed, seed+1, ..., each scores the same architectures; the plot shows the mean score by rank with the
 * standard deviation across networks. How much of a score is the architecture and how much the one-shot seed?
 */
public final class SeedsExperiment {
    public static final String NAME = "seeds";

    /**
     * @param correlation   a correlation experiment whose trained candidates to score, or null to sample
     * @param seeds         S, one-shot networks including {@code smashRun}
     * @param architectures N, sampled architectures when {@code correlation} is null
     */
    public record Config(String smashRun, String correlation, int seeds, int architectures, long seed, String device,
            int bootstrap) {
        public Config {
            org.smash4j.nn.Placement.check(device);
            if (seeds < 2 || architectures < 2 || bootstrap < 1) {
                throw new IllegalArgumentException("seeds and architectures must be >= 2");
            }
        }

        public static Config forScale(String scale, String smashRun, String correlation, long seed, String device) {
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "tiny" -> new Config(smashRun, correlation, 2, 3, seed, device, 1000);
                case "quick" -> new Config(smashRun, correlation, 3, 20, seed, device, 10_000);
                case "paper" -> new Config(smashRun, correlation, 5, 50, seed, device, 10_000);
                default -> throw new IllegalArgumentException("unknown scale '" + scale + "'; use tiny, quick or paper");
            };
        }
    }

    /** One architecture: its score under each one-shot network, their mean and standard deviation. */
    public record Row(int index, List<ScoreRecord> scores, double mean, double std, TrueError trueError) {
    }

    /**
     * What results.json holds. {@code seedAgreement} is the Spearman correlation of the first network's scores with
     * each other network's; {@code correlations} (with a correlation experiment) compare the first network's score
     * and the mean score with the true errors.
     */
    public record Results(Config config, List<String> oneShotRuns, List<Row> architectures,
            List<Double> seedAgreement, Map<String, CorrelationAnalysis> correlations) {
    }

    private SeedsExperiment() {
    }

    public static Results resume(Path dir, PrintStream progress) throws IOException {
        return run(dir, RunFolder.open(dir).config(ExperimentFolder.COMMAND_PREFIX + NAME, Config.class), progress);
    }

    public static Results run(Path dir, Config c, PrintStream progress) throws IOException {
        return ExperimentFolder.startOrResume(dir, NAME, c.smashRun(), c.seed(), c, Config.class,
                run -> run(run, dir, c, progress));
    }

    private static Results run(RunFolder run, Path dir, Config c, PrintStream progress) throws IOException {
        Ledger ledger = new Ledger(run);
        OneShotRunConfig base = OneShotSource.configOf(Path.of(c.smashRun()));
        List<Integer> indices = new ArrayList<>();
        List<Architecture> archs = new ArrayList<>();
        List<TrueError> truths = new ArrayList<>();
        if (c.correlation() != null) {
            for (CorrelationExperiment.Candidate cand : CorrelationExperiment.candidates(Path.of(c.correlation()))) {
                indices.add(cand.index());
                archs.add(cand.architecture());
                truths.add(cand.trueError());
            }
        } else {
            archs.addAll(ArchitectureSamples.draw(base.space(), c.seed(), c.architectures()));
            for (int i = 0; i < archs.size(); i++) {
                indices.add(i);
                truths.add(null);
            }
        }
        List<String> runs = new ArrayList<>();
        runs.add(c.smashRun());
        for (int k = 1; k < c.seeds(); k++) {
            Path d = dir.resolve("smash-seed-" + k);
            runs.add(d.toString());
            if (!ledger.has("one-shot-trained/" + k)) {
                progress.println("== one-shot network " + (k + 1) + "/" + c.seeds() + " (seed " + (base.seed() + k)
                        + ")");
                OneShotSource.trainVariant(d, OneShotSource.variant(base, base.hyperNet(), base.epochs(),
                        base.seed() + k, c.device()), progress);
                ledger.put("one-shot-trained/" + k, Map.of("dir", d.toString()));
            }
        }
        List<List<ScoreRecord>> byNet = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            try (OneShotSource src = OneShotSource.open(Path.of(runs.get(k)))) {
                SmashScorer scorer = src.scorer(ScorerVariant.parse("original"), c.seed());
                Progress bar = new Progress(progress, "score (network " + (k + 1) + ")", archs.size());
                List<ScoreRecord> list = new ArrayList<>();
                for (int i = 0; i < archs.size(); i++) {
                    final int at = i;
                    list.add(ledger.computeIfAbsent("score/" + k + "/" + indices.get(i), ScoreRecord.class,
                            () -> OneShotSource.score(scorer, archs.get(at), src.network(), indices.get(at))));
                    bar.update(i + 1);
                }
                bar.done();
                byNet.add(list);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            List<ScoreRecord> s = new ArrayList<>();
            for (List<ScoreRecord> net : byNet) {
                s.add(net.get(i));
            }
            double[] e = s.stream().mapToDouble(ScoreRecord::error).toArray();
            rows.add(new Row(indices.get(i), s, Summary.mean(e), Summary.sampleStd(e), truths.get(i)));
        }
        List<Double> agreement = new ArrayList<>();
        double[] first = byNet.get(0).stream().mapToDouble(ScoreRecord::error).toArray();
        for (int k = 1; k < byNet.size(); k++) {
            agreement.add(Correlation.spearman(first, byNet.get(k).stream().mapToDouble(ScoreRecord::error)
                    .toArray()));
        }
        Map<String, CorrelationAnalysis> correlations = new LinkedHashMap<>();
        if (c.correlation() != null) {
            double[] truth = rows.stream().mapToDouble(r -> r.trueError().testError()).toArray();
            correlations.put("network 1 only", CorrelationAnalysis.of(first, truth, c.seed(), c.bootstrap()));
            correlations.put("mean of " + c.seeds(), CorrelationAnalysis.of(rows.stream().mapToDouble(Row::mean)
                    .toArray(), truth, c.seed(), c.bootstrap()));
        }
        Results results = new Results(c, runs, rows, agreement, correlations);
        page(results).write(dir, results);
        run.log("seeds finished");
        ExperimentFolder.refreshPipelineReport(dir);
        return results;
    }

    private static ExperimentPage page(Results r) {
        ExperimentPage page = new ExperimentPage("Experiment: scores over one-shot seeds");
        page.paragraph(String.format(Locale.ROOT, "%d architectures scored ('original' scorer) by %d one-shot networks"
                + " trained alike with seeds %d..%d. Spearman agreement of network 1's scores with each other's: %s.",
                r.architectures().size(), r.oneShotRuns().size(), r.config().seed(),
                r.config().seed() + r.oneShotRuns().size() - 1, r.seedAgreement().stream()
                        .map(ExperimentPage::num).toList()));
        if (!r.correlations().isEmpty()) {
            page.table(CorrelationExperiment.correlationTable(r.correlations()));
        }
        List<Row> sorted = r.architectures().stream().sorted(Comparator.comparingDouble(Row::mean)).toList();
        page.plot(ExperimentPlots.errorBars("seeds.png", "SMASH score by rank over " + r.oneShotRuns().size()
                        + " one-shot seeds", "rank (by mean score)", "SMASH score (%)",
                sorted.stream().mapToDouble(Row::mean).toArray(), sorted.stream().mapToDouble(Row::std).toArray(),
                "Mean score of each architecture over the one-shot networks, error bars one standard deviation "
                        + "(paper Fig. 5b)."));
        return page;
    }
}
