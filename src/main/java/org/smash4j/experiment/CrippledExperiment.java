package org.smash4j.experiment;

import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.search.SmashScorer;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The crippled-HyperNet experiment (paper section 4.1, Fig. 5a): a one-shot network like the given one, with the
 * same main network (so the same generated and freely learned weights, and the same ratio between them), the same
 * data, schedule and seed, but a HyperNet of much lower capacity. Both networks score the trained candidates of a
 * correlation experiment; if the HyperNet's capacity matters, the crippled one's scores correlate worse with the
 * candidates' true errors.
 */
public final class CrippledExperiment {
    public static final String NAME = "crippled";

    /**
     * @param correlation a correlation experiment on {@code smashRun} whose trained candidates are scored
     * @param epochs      one-shot epochs of the crippled network (0 = those of {@code smashRun})
     */
    public record Config(String smashRun, String correlation, int firstGrowth, int growth, List<Integer> blockLayers,
            int epochs, long seed, String device, int bootstrap) {
        public Config {
            org.smash4j.nn.Placement.check(device);
            blockLayers = List.copyOf(blockLayers);
            new HyperNetShape(firstGrowth, growth, blockLayers);
            if (epochs < 0 || bootstrap < 1) {
                throw new IllegalArgumentException("epochs must be >= 0 and bootstrap >= 1");
            }
        }

        /** The crippled shape is the same at every scale: growth 2 and 2, dense blocks of 2, 2 and 1 layers. */
        public static Config forScale(String scale, String smashRun, String correlation, long seed, String device) {
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "tiny" -> new Config(smashRun, correlation, 2, 2, List.of(1, 1, 1), 0, seed, device, 1000);
                case "quick", "paper" -> new Config(smashRun, correlation, 2, 2, List.of(2, 2, 1), 0, seed, device,
                        10_000);
                default -> throw new IllegalArgumentException("unknown scale '" + scale + "'; use tiny, quick or paper");
            };
        }

        HyperNetShape shape() {
            return new HyperNetShape(firstGrowth, growth, blockLayers);
        }
    }

    /** What results.json holds. */
    public record Results(Config config, String scorer, long normalHyperNetParams, long crippledHyperNetParams,
            long mainParams, List<Integer> candidates, List<Double> trueErrors, List<ScoreRecord> normalScores,
            List<ScoreRecord> crippledScores, Map<String, CorrelationAnalysis> correlations) {
    }

    private CrippledExperiment() {
    }

    public static Results resume(Path dir, PrintStream progress) throws IOException {
        return run(dir, RunFolder.open(dir).config(ExperimentFolder.COMMAND_PREFIX + NAME, Config.class), progress);
    }

    public static Results run(Path dir, Config c, PrintStream progress) throws IOException {
        OneShotSource.requireHyperNet(Path.of(c.smashRun()), NAME);
        return ExperimentFolder.startOrResume(dir, NAME, c.smashRun(), c.seed(), c, Config.class,
                run -> run(run, dir, c, progress));
    }

    private static Results run(RunFolder run, Path dir, Config c, PrintStream progress) throws IOException {
        Ledger ledger = new Ledger(run);
        Path corrDir = Path.of(c.correlation());
        List<CorrelationExperiment.Candidate> candidates = CorrelationExperiment.candidates(corrDir);
        CorrelationExperiment.Config corr = RunFolder.open(corrDir).config(ExperimentFolder.COMMAND_PREFIX
                + CorrelationExperiment.NAME, CorrelationExperiment.Config.class);
        if (!Path.of(corr.smashRun()).toAbsolutePath().normalize()
                .equals(Path.of(c.smashRun()).toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(corrDir + " was run on " + corr.smashRun() + ", not " + c.smashRun());
        }
        String scorerName = corr.scorers().get(0);
        List<ScoreRecord> normal = CorrelationExperiment.recordedScores(corrDir, candidates, scorerName);

        OneShotRunConfig base = OneShotSource.configOf(Path.of(c.smashRun()));
        OneShotRunConfig crippled = OneShotSource.variant(base, c.shape(), c.epochs() > 0 ? c.epochs()
                : base.epochs(), base.seed(), c.device());
        Path crippledRun = dir.resolve("smash-crippled");
        if (!ledger.has("one-shot-trained")) {
            progress.println("== training the one-shot network with the crippled HyperNet " + c.shape());
            OneShotSource.trainVariant(crippledRun, crippled, progress);
            ledger.put("one-shot-trained", Map.of("dir", crippledRun.toString()));
        }
        long normalParams;
        long crippledParams;
        long mainParams;
        List<ScoreRecord> crippledScores = new ArrayList<>();
        try (OneShotNetwork reference = new OneShotNetwork(base.space(), base.hyperNet(), Placement.of("cpu"), 0)) {
            normalParams = reference.parameters().count(Parameters.Group.HYPERNET);
        }
        try (OneShotSource src = OneShotSource.open(crippledRun)) {
            crippledParams = src.network().parameters().count(Parameters.Group.HYPERNET);
            mainParams = src.network().parameters().count(Parameters.Group.MAIN);
            SmashScorer scorer = src.scorer(ScorerVariant.parse(scorerName), corr.seed());
            Progress bar = new Progress(progress, "score (crippled)", candidates.size());
            for (int n = 0; n < candidates.size(); n++) {
                CorrelationExperiment.Candidate cand = candidates.get(n);
                crippledScores.add(ledger.computeIfAbsent("score/" + cand.index(), ScoreRecord.class,
                        () -> OneShotSource.score(scorer, cand.architecture(), src.network(), cand.index())));
                bar.update(n + 1);
            }
            bar.done();
        }
        double[] truth = candidates.stream().mapToDouble(x -> x.trueError().testError()).toArray();
        Map<String, CorrelationAnalysis> correlations = new LinkedHashMap<>();
        correlations.put("normal HyperNet", CorrelationAnalysis.of(errors(normal), truth, c.seed(), c.bootstrap()));
        correlations.put("crippled HyperNet", CorrelationAnalysis.of(errors(crippledScores), truth, c.seed(),
                c.bootstrap()));
        Results results = new Results(c, scorerName, normalParams, crippledParams, mainParams,
                candidates.stream().map(CorrelationExperiment.Candidate::index).toList(),
                ExperimentPlots.list(truth), normal, crippledScores, correlations);
        ExperimentPage page = new ExperimentPage("Experiment: crippled HyperNet");
        page.paragraph(String.format(Locale.ROOT, "The HyperNet of %s (%,d parameters) against a crippled one"
                + " (%s: %,d parameters, %.1f%% of it), trained the same way with the same main network (%,d freely"
                + " learned parameters, and the same generated weights, so their ratio is unchanged). Both score the"
                + " %d trained candidates of %s with the '%s' scorer.", c.smashRun(), normalParams, c.shape(),
                crippledParams, 100.0 * crippledParams / normalParams, mainParams, candidates.size(),
                c.correlation(), scorerName));
        page.table(CorrelationExperiment.correlationTable(correlations));
        page.plot(ExperimentPlots.scatter("crippled.png", "Normal vs crippled HyperNet", "SMASH score (%)",
                "test error after training from scratch (%)", List.of(
                        new ExperimentPlots.Group("normal HyperNet", errors(normal), truth,
                                correlations.get("normal HyperNet").fit()),
                        new ExperimentPlots.Group("crippled HyperNet", errors(crippledScores), truth,
                                correlations.get("crippled HyperNet").fit())),
                "The same trained candidates scored by both one-shot networks, with least-squares lines (paper "
                        + "Fig. 5a)."));
        page.write(dir, results);
        run.log("crippled finished");
        ExperimentFolder.refreshPipelineReport(dir);
        return results;
    }

    static double[] errors(List<ScoreRecord> scores) {
        return scores.stream().mapToDouble(ScoreRecord::error).toArray();
    }
}
