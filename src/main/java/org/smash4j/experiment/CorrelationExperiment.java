package org.smash4j.experiment;

import org.smash4j.experiment.stats.Correlation;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.RunFiles;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.WeightSharingEvaluator;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The paper's main experiment (section 4.1, Fig. 3): sample R architectures, score each with the trained one-shot
 * network (with every configured scorer), sort them by the first scorer's score, train every k-th from scratch for
 * E epochs, and correlate SMASH score with true (test) error. Scoring with several scorers on the same trained
 * candidates is also how the default scorer is chosen (issue 4).
 */
public final class CorrelationExperiment {
    public static final String NAME = "correlation";

    /**
     * @param architectures R, architectures sampled and scored
     * @param every         k: every k-th architecture is trained (R/k in all)
     * @param epochs        E, stand-alone epochs of each trained candidate
     * @param trainLimit    training images of the candidates (0 = the one-shot run's)
     * @param testLimit     test images the true error is measured on (0 = all)
     * @param scorers       scorer variants ({@link ScorerVariant}); the first orders the candidates
     * @param bootstrap     bootstrap resamples of the confidence intervals
     * @param selection     which are trained: {@code score} (every k-th in the first scorer's order, from the best,
     *                      as the paper) or {@code sample} (the first R/k samples, independent of any score, so
     *                      that one-shot networks can be compared on the same candidates); null: score
     * @param repeats       trained candidates trained a second time with another seed (the noise ceiling)
     * @param compare       m: the top m by the first scorer against m random architectures of similar size
     * @param groundTruth   a correlation experiment whose trained candidates are reused (null: none); with it, the
     *                      candidates trained there are the ones used here
     * @param compareWith   other one-shot runs scoring the same candidates side by side ({@link EvaluatorComparison})
     * @param dropoutAblation also train the weight-sharing {@code smashRun} without path dropout and compare it
     */
    public record Config(String smashRun, int architectures, int every, int epochs, int trainLimit, int testLimit,
            List<String> scorers, long seed, String device, int bootstrap, String selection, int repeats, int compare,
            String groundTruth, List<String> compareWith, Boolean dropoutAblation) {
        public static final List<String> SELECTIONS = List.of("score", "sample");

        public Config {
            org.smash4j.nn.Placement.check(device);
            scorers = List.copyOf(scorers);
            compareWith = compareWith == null ? List.of() : List.copyOf(compareWith);
            dropoutAblation = dropoutAblation != null && dropoutAblation;
            selection = selection == null ? "score" : selection;
            if (architectures < 1 || every < 1 || epochs < 1 || trainLimit < 0 || testLimit < 0 || bootstrap < 1
                    || repeats < 0 || compare < 0) {
                throw new IllegalArgumentException("architectures, every, epochs and bootstrap must be >= 1, the"
                        + " limits, repeats and compare >= 0");
            }
            if (scorers.isEmpty()) {
                throw new IllegalArgumentException("at least one scorer is needed");
            }
            if (!SELECTIONS.contains(selection)) {
                throw new IllegalArgumentException("unknown selection '" + selection + "'; use " + SELECTIONS);
            }
            scorers.forEach(ScorerVariant::parse);
        }

        public Config(String smashRun, int architectures, int every, int epochs, int trainLimit, int testLimit,
                List<String> scorers, long seed, String device, int bootstrap, String selection, int repeats,
                int compare, String groundTruth) {
            this(smashRun, architectures, every, epochs, trainLimit, testLimit, scorers, seed, device, bootstrap,
                    selection, repeats, compare, groundTruth, null, null);
        }

        public Config(String smashRun, int architectures, int every, int epochs, int trainLimit, int testLimit,
                List<String> scorers, long seed, String device, int bootstrap) {
            this(smashRun, architectures, every, epochs, trainLimit, testLimit, scorers, seed, device, bootstrap,
                    "score", 0, 0, null);
        }

        /**
         * The sizes of a scale: tiny (tests), quick (R=40, every 2nd: 20 trained; about an hour on 2 cores),
         * validity (sized so that true errors differ by more than their noise; see {@link ValidityScale}), paper
         * (R=250, k=5, E=30).
         */
        public static Config forScale(String scale, String smashRun, long seed, String device) {
            List<String> scorers = List.of("original", "draws:3", "recal:5");
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "tiny" -> new Config(smashRun, 6, 2, 1, 0, 200, scorers, seed, device, 1000);
                case "quick" -> new Config(smashRun, 40, 2, 2, 5000, 2000, scorers, seed, device, 10_000);
                case ValidityScale.NAME -> ValidityScale.correlation(smashRun, ValidityScale.evaluatorOf(smashRun), seed,
                        device);
                case "paper" -> new Config(smashRun, 250, 5, 30, 0, 0, scorers, seed, device, 10_000);
                default -> throw new IllegalArgumentException("unknown scale '" + scale + "'; use tiny, quick, "
                        + ValidityScale.NAME + " or paper");
            };
        }

        int trainedCount() {
            return (architectures + every - 1) / every;
        }

        /**
         * The candidates this configuration chooses without a ground truth: the first samples, or every k-th in
         * the order of {@code firstScores} (its first scorer's; read only for that selection).
         */
        List<Integer> chooseCandidates(Supplier<List<ScoreRecord>> firstScores) {
            return selection.equals("sample") ? IntStream.range(0, trainedCount()).boxed().toList()
                    : select(firstScores.get(), every);
        }

        /** This configuration with another ground truth to reuse. */
        public Config withGroundTruth(String dir) {
            return new Config(smashRun, architectures, every, epochs, trainLimit, testLimit, scorers, seed, device,
                    bootstrap, selection, repeats, compare, dir, compareWith, dropoutAblation);
        }

        /** This configuration with other one-shot runs side by side, and the path-dropout ablation or not. */
        public Config withComparison(List<String> runs, boolean ablation) {
            return new Config(smashRun, architectures, every, epochs, trainLimit, testLimit, scorers, seed, device,
                    bootstrap, selection, repeats, compare, groundTruth, runs, ablation);
        }
    }

    /** One sampled architecture: its costs, its scores by scorer, and its true error if it was trained. */
    public record Row(int index, long params, long macs, Map<String, ScoreRecord> scores, TrueError trueError) {
    }

    /**
     * What results.json holds.
     *
     * @param predictors   every scorer and baseline predictor on the same candidates
     * @param noiseCeiling how well the true errors repeat under another seed (null without repeats)
     * @param searchVsRandom the top candidates against random ones of similar size (null without compare)
     * @param evaluators   the one-shot networks side by side, this experiment's first (null without compareWith)
     */
    public record Results(Config config, String orderedBy, List<Row> architectures,
            Map<String, CorrelationAnalysis> correlations, Predictors predictors, GroundTruth.NoiseCeiling noiseCeiling,
            SearchVsRandom.Result searchVsRandom, List<EvaluatorComparison.Network> evaluators) {
    }

    /** A trained candidate, as other experiments reuse them. */
    public record Candidate(int index, Architecture architecture, TrueError trueError) {
    }

    private CorrelationExperiment() {
    }

    public static Results run(Path dir, Config c, PrintStream progress) throws IOException {
        requireScorersFit(c);
        return ExperimentFolder.startOrResume(dir, NAME, c.smashRun(), c.seed(), c, Config.class,
                run -> run(run, dir, c, progress));
    }

    /**
     * Refuses, before anything is written, a constc scorer on a weight-sharing run (--smash with any scorer, a
     * compared run with the first, which is the one it is scored with): that network reads no encoding, so the
     * "baseline" would repeat the plain scores under another name.
     */
    private static void requireScorersFit(Config c) throws IOException {
        List<ScorerVariant> variants = c.scorers().stream().map(ScorerVariant::parse).toList();
        requireEncodingReader(c.smashRun(), variants.stream().anyMatch(ScorerVariant::constantEncoding));
        for (String other : c.compareWith()) {
            requireEncodingReader(other, variants.get(0).constantEncoding());
        }
    }

    private static void requireEncodingReader(String smashRun, boolean constc) throws IOException {
        Path smash = Path.of(smashRun);
        if (!constc || !Files.isRegularFile(smash.resolve(RunFiles.RUN))) {
            return; // a missing run is named by the start itself
        }
        if (WeightSharingEvaluator.NAME.equals(OneShotSource.configOf(smash).evaluator())) {
            throw new IllegalArgumentException("scorer constc feeds the HyperNet an encoding without marks, but "
                    + smashRun + " is a " + WeightSharingEvaluator.NAME + " run, which reads no encoding; score it"
                    + " with --scorers " + String.join(",", ValidityScale.WEIGHT_SHARING_SCORERS));
        }
    }

    private static Results run(RunFolder run, Path dir, Config c, PrintStream progress) throws IOException {
        Ledger ledger = new Ledger(run);
        List<ScorerVariant> variants = c.scorers().stream().map(ScorerVariant::parse).toList();
        OneShotRunConfig sc = OneShotSource.configOf(Path.of(c.smashRun()));
        SearchSpaceConfig space = sc.space();
        List<Architecture> archs = ArchitectureSamples.draw(space, c.seed(), c.architectures());
        List<Path> others = EvaluatorComparison.runs(dir, c, sc, progress);

        Map<String, List<ScoreRecord>> scores = new LinkedHashMap<>();
        long mainParameters;
        try (OneShotSource src = OneShotSource.open(Path.of(c.smashRun()))) {
            mainParameters = src.network().parameters().count(null);
            for (ScorerVariant v : variants) {
                SmashScorer scorer = src.scorer(v, c.seed());
                Progress bar = new Progress(progress, "score " + v.name(), archs.size());
                List<ScoreRecord> list = new ArrayList<>();
                for (int i = 0; i < archs.size(); i++) {
                    final int index = i;
                    list.add(ledger.computeIfAbsent(scoreKey(v, i), ScoreRecord.class,
                            () -> OneShotSource.score(scorer, v, archs.get(index), src.network(), index)));
                    bar.update(i + 1, String.format(Locale.ROOT, "score %.3f", list.get(i).error()));
                }
                bar.done();
                scores.put(v.name(), list);
                run.log("scored " + archs.size() + " architectures with " + v.name());
            }
        }
        List<EvaluatorComparison.Network> networks = others.isEmpty() ? null : EvaluatorComparison.score(
                Path.of(c.smashRun()), sc, mainParameters, others, archs, variants.get(0), c.seed(), ledger, scores,
                progress);

        CandidateTraining training = new CandidateTraining(c.epochs(), candidateData(sc.data(), c), c.seed(),
                c.device());
        GroundTruth truth = new GroundTruth(dir, ledger, c.groundTruth() == null ? null : Path.of(c.groundTruth()),
                training, space, progress);
        List<ScoreRecord> first = scores.get(variants.get(0).name());
        List<Integer> selected = truth.record(c.groundTruth() != null ? truth.reusedIndices(archs.size())
                : c.chooseCandidates(() -> first));
        Map<Integer, TrueError> trained = new LinkedHashMap<>();
        for (int n = 0; n < selected.size(); n++) {
            int i = selected.get(n);
            progress.printf(Locale.ROOT, "== candidate %d/%d: architecture #%d (score %.3f)%n", n + 1,
                    selected.size(), i, first.get(i).error());
            trained.put(i, truth.of(i, archs.get(i)));
        }
        run.log("trained " + trained.size() + " candidates");
        List<GroundTruth.Pair> pairs = new ArrayList<>();
        for (int n = 0; n < Math.min(c.repeats(), selected.size()); n++) {
            int i = selected.get(n);
            progress.printf(Locale.ROOT, "== noise ceiling %d/%d: architecture #%d again, another seed%n", n + 1,
                    c.repeats(), i);
            pairs.add(new GroundTruth.Pair(i, trained.get(i).testError(), truth.repeat(i, archs.get(i)).testError()));
        }
        SearchVsRandom.Result versusRandom = null;
        if (c.compare() > 0) {
            List<Integer> top = select(first, 1).subList(0, Math.min(c.compare(), archs.size()));
            versusRandom = SearchVsRandom.run(dir, ledger, truth, training, space, archs, top, c.seed(), progress);
        }

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            Map<String, ScoreRecord> byScorer = new LinkedHashMap<>();
            for (Map.Entry<String, List<ScoreRecord>> e : scores.entrySet()) {
                byScorer.put(e.getKey(), e.getValue().get(i));
            }
            rows.add(new Row(i, CostModel.params(archs.get(i), space, NormStyle.SANDWICH),
                    CostModel.macs(archs.get(i), space), byScorer, trained.get(i)));
        }
        Map<String, CorrelationAnalysis> correlations = new LinkedHashMap<>();
        for (String name : scores.keySet()) {
            correlations.put(name, analyse(rows, name, c.seed(), c.bootstrap()));
        }
        Predictors predictors = Predictors.of(rows, List.copyOf(scores.keySet()), c.seed(), c.bootstrap());
        GroundTruth.NoiseCeiling ceiling = pairs.isEmpty() ? null : GroundTruth.NoiseCeiling.of(pairs,
                trained.values().stream().mapToDouble(TrueError::testError).toArray(), c.seed(), c.bootstrap());
        Results results = new Results(c, variants.get(0).name(), rows, correlations, predictors, ceiling,
                versusRandom, networks);
        Path page = page(results).write(dir, results);
        run.log("results written; page " + page);
        ExperimentFolder.refreshPipelineReport(dir);
        return results;
    }

    /** Continues the experiment in {@code dir} with its recorded settings. */
    public static Results resume(Path dir, PrintStream progress) throws IOException {
        return run(dir, RunFolder.open(dir).config(ExperimentFolder.COMMAND_PREFIX + NAME, Config.class), progress);
    }

    static String scoreKey(ScorerVariant v, int i) {
        return "score/" + v.name() + "/" + i;
    }

    static String trainKey(int i) {
        return "train/" + i;
    }

    /** The candidates' data: the one-shot run's data set and split, with the experiment's subset sizes. */
    static DataSpec candidateData(DataSpec oneShot, Config c) {
        return new DataSpec(oneShot.name(), oneShot.dataDir(), c.trainLimit() > 0 ? c.trainLimit()
                : oneShot.trainLimit(), c.testLimit(), oneShot.validationFraction(), oneShot.splitSeed());
    }

    /** Every k-th index in score order, starting with the best (ties by loss, then index). */
    static List<Integer> select(List<ScoreRecord> scores, int every) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> scores.get(i).error())
                .thenComparingDouble(i -> scores.get(i).loss()).thenComparingInt(i -> i));
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < order.size(); r += every) {
            out.add(order.get(r));
        }
        return out;
    }

    static CorrelationAnalysis analyse(List<Row> rows, String scorer, long seed, int resamples) {
        List<Row> trained = rows.stream().filter(r -> r.trueError() != null).toList();
        double[] x = trained.stream().mapToDouble(r -> r.scores().get(scorer).error()).toArray();
        double[] y = trained.stream().mapToDouble(r -> r.trueError().testError()).toArray();
        return CorrelationAnalysis.of(x, y, seed, resamples);
    }

    /** The trained candidates of a finished (or partly finished) correlation experiment, for other experiments. */
    public static List<Candidate> candidates(Path correlationDir) throws IOException {
        RunFolder run = RunFolder.open(correlationDir);
        if (!NAME.equals(ExperimentFolder.experimentOf(correlationDir))) {
            throw new IllegalArgumentException(correlationDir + " is not a correlation experiment");
        }
        Config c = run.config(ExperimentFolder.COMMAND_PREFIX + NAME, Config.class);
        Ledger ledger = new Ledger(run);
        SearchSpaceConfig space = OneShotSource.configOf(Path.of(c.smashRun())).space();
        List<Architecture> archs = ArchitectureSamples.draw(space, c.seed(), c.architectures());
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            TrueError t = ledger.get(trainKey(i), TrueError.class);
            if (t != null) {
                out.add(new Candidate(i, archs.get(i), t));
            }
        }
        if (out.size() < 3) {
            throw new IllegalArgumentException(correlationDir + " has only " + out.size() + " trained candidates; "
                    + "finish the correlation experiment first");
        }
        return out;
    }

    /** The scores a correlation experiment recorded for its candidates with one scorer. */
    static List<ScoreRecord> recordedScores(Path correlationDir, List<Candidate> candidates, String scorer)
            throws IOException {
        Ledger ledger = new Ledger(RunFolder.open(correlationDir));
        List<ScoreRecord> out = new ArrayList<>();
        for (Candidate cand : candidates) {
            ScoreRecord s = ledger.get(scoreKey(ScorerVariant.parse(scorer), cand.index()), ScoreRecord.class);
            if (s == null) {
                throw new IllegalArgumentException(correlationDir + " has no '" + scorer + "' score of #" + cand.index());
            }
            out.add(s);
        }
        return out;
    }

    static List<List<String>> correlationTable(Map<String, CorrelationAnalysis> byName) {
        List<List<String>> t = new ArrayList<>();
        t.add(new ArrayList<>(List.of("scores", "n", "Pearson r [95% CI]", "Spearman rho [95% CI]", "Kendall tau-b [95% CI]",
                "slope")));
        for (Map.Entry<String, CorrelationAnalysis> e : byName.entrySet()) {
            CorrelationAnalysis a = e.getValue();
            t.add(new ArrayList<>(List.of(e.getKey(), Integer.toString(a.n()), a.text(Correlation.Measure.PEARSON.label()),
                    a.text(Correlation.Measure.SPEARMAN.label()), a.text(Correlation.Measure.KENDALL_TAU_B.label()),
                    a.fit() == null ? "n/a" : ExperimentPage.num(a.fit().slope()))));
        }
        return t;
    }

    private static ExperimentPage page(Results r) {
        Config c = r.config();
        List<Row> trained = r.architectures().stream().filter(x -> x.trueError() != null).toList();
        double[] first = r.architectures().stream().mapToDouble(x -> x.scores().get(r.orderedBy()).error())
                .toArray();
        ExperimentPage page = new ExperimentPage("Experiment: SMASH score vs true error (correlation)");
        page.paragraph(String.format(Locale.ROOT, "%d architectures were sampled and scored by the one-shot network"
                + " in %s; sorted by their '%s' score, every %s (%d in all) was trained from scratch for %d"
                + " epoch%s and tested on %s test images. SMASH scores range over [%s, %s]. A positive"
                + " correlation means that the score ranks architectures like their true error does (paper Fig. 3);"
                + " intervals are seeded percentile bootstraps with %d resamples.",
                c.architectures(), c.smashRun(), r.orderedBy(), ordinal(c.every()), trained.size(), c.epochs(),
                c.epochs() == 1 ? "" : "s", c.testLimit() == 0 ? "all" : Integer.toString(c.testLimit()),
                ExperimentPage.pct(Arrays.stream(first).min().orElse(Double.NaN)),
                ExperimentPage.pct(Arrays.stream(first).max().orElse(Double.NaN)), c.bootstrap()));
        page.table(correlationTable(r.correlations()));
        if (r.evaluators() != null) {
            EvaluatorComparison.addTo(page, r.evaluators(), r.architectures(), r.correlations());
        }
        if (r.predictors() != null) {
            r.predictors().addTo(page, r.orderedBy());
        }
        if (r.noiseCeiling() != null) {
            r.noiseCeiling().addTo(page);
        }
        if (r.searchVsRandom() != null) {
            r.searchVsRandom().addTo(page, r.orderedBy());
        }
        for (String scorer : r.correlations().keySet()) {
            double[] x = trained.stream().mapToDouble(t -> t.scores().get(scorer).error()).toArray();
            double[] y = trained.stream().mapToDouble(t -> t.trueError().testError()).toArray();
            CorrelationAnalysis a = r.correlations().get(scorer);
            page.plot(ExperimentPlots.scatter("correlation-" + scorer.replaceAll("[^a-z0-9]+", "-") + ".png",
                    "SMASH score (" + scorer + ") vs true error", "SMASH score: validation error with generated"
                            + " weights (%)", "test error after training from scratch (%)",
                    List.of(new ExperimentPlots.Group(scorer, x, y, a.fit())),
                    "Each point is a trained candidate; the line is the least-squares fit. Spearman rho "
                            + a.text(Correlation.Measure.SPEARMAN.label()) + "."));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("#", "params", "MMACs"));
        head.addAll(r.correlations().keySet());
        head.addAll(List.of("test error", "val error"));
        rows.add(head);
        trained.stream().sorted(Comparator.comparingDouble(t -> t.scores().get(r.orderedBy()).error()))
                .forEach(t -> {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(t.index()), Long.toString(t.params()),
                            String.format(Locale.ROOT, "%.1f", t.macs() / 1e6)));
                    for (String s : r.correlations().keySet()) {
                        row.add(ExperimentPage.pct(t.scores().get(s).error()));
                    }
                    row.add(ExperimentPage.pct(t.trueError().testError()));
                    row.add(ExperimentPage.pct(t.trueError().valError()));
                    rows.add(row);
                });
        page.paragraph("The trained candidates, in order of their '" + r.orderedBy() + "' score:");
        page.table(rows);
        return page;
    }

    /** "architecture" for 1, "2nd", "3rd", "5th"... for the selection sentence. */
    static String ordinal(int k) {
        if (k == 1) {
            return "architecture";
        }
        String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th"
                : switch (k % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return k + suffix;
    }
}
