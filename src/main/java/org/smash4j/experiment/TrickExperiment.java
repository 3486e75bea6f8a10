package org.smash4j.experiment;

import org.smash4j.encoding.CorruptionKind;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.EncodingLayout;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does the HyperNet read the encoding (paper section 4.1)? Each architecture is scored with its true encoding
 * and with corrupted ones, where one field's per-op values are shuffled among its ops ({@link CorruptionKind}),
 * one kind at a time; the structure the network executes, and the noise z, stay the same. If the generated
 * weights depend on what c says, the true encoding should score best.
 */
public final class TrickExperiment {
    public static final String NAME = "trick";

    /**
     * @param architectures A, architectures (the first A of the experiments' shared sample)
     * @param corruptions   C, corrupted encodings per kind and architecture
     */
    public record Config(String smashRun, int architectures, int corruptions, long seed, String device) {
        public Config {
            org.smash4j.nn.Placement.check(device);
            if (architectures < 1 || corruptions < 1) {
                throw new IllegalArgumentException("architectures and corruptions must be >= 1");
            }
        }

        public static Config forScale(String scale, String smashRun, long seed, String device) {
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "tiny" -> new Config(smashRun, 3, 1, seed, device);
                case "quick" -> new Config(smashRun, 20, 2, seed, device);
                case "paper" -> new Config(smashRun, 100, 3, seed, device);
                default -> throw new IllegalArgumentException("unknown scale '" + scale + "'; use tiny, quick or paper");
            };
        }
    }

    /**
     * The outcome for one kind.
     *
     * @param architectures   architectures where the kind could change c (at least one corruption differed)
     * @param trueBestByError the true encoding had strictly lower error than every corrupted one
     * @param tiedByError     it tied the best corrupted one
     * @param trueBestByLoss  the true encoding had lower validation loss than every corrupted one
     * @param meanErrorGap    mean over corrupted encodings of (corrupted error - true error)
     * @param meanLossGap     the same for the loss
     * @param unchanged       corruptions skipped because the shuffle left c unchanged
     */
    public record KindResult(String kind, int architectures, int trueBestByError, int tiedByError,
            int trueBestByLoss, double meanErrorGap, double meanLossGap, int unchanged) {
    }

    /** What results.json holds: per kind, and every score. */
    public record Results(Config config, List<KindResult> kinds, List<ScoreRecord> trueScores,
            Map<String, List<List<ScoreRecord>>> corruptedScores) {
    }

    private TrickExperiment() {
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
        List<ScoreRecord> trueScores = new ArrayList<>();
        Map<String, List<List<ScoreRecord>>> corrupted = new LinkedHashMap<>();
        List<KindResult> kinds = new ArrayList<>();
        try (OneShotSource src = OneShotSource.open(Path.of(c.smashRun()))) {
            SearchSpaceConfig space = src.config().space();
            EncodingLayout layout = new EncodingLayout(space);
            List<CorruptionKind> applicable = Arrays.stream(CorruptionKind.values()).filter(k -> k.appliesTo(layout))
                    .toList();
            List<Architecture> archs = ArchitectureSamples.draw(space, c.seed(), c.architectures());
            SmashScorer scorer = src.scorer(ScorerVariant.parse("original"), c.seed());
            Progress bar = new Progress(progress, "trick", (long) archs.size() * (1 + applicable.size()
                    * c.corruptions()));
            long done = 0;
            for (CorruptionKind k : applicable) {
                corrupted.put(k.name().toLowerCase(Locale.ROOT), new ArrayList<>());
            }
            for (int i = 0; i < archs.size(); i++) {
                Architecture a = archs.get(i);
                final int index = i;
                Encoding truth = src.network().encode(a);
                ScoreRecord t = ledger.computeIfAbsent("true/" + i, ScoreRecord.class,
                        () -> ScoreRecord.of(scorer.scoreWith(a, truth, index)));
                trueScores.add(t);
                bar.update(++done);
                for (CorruptionKind k : applicable) {
                    List<ScoreRecord> list = new ArrayList<>();
                    for (int j = 0; j < c.corruptions(); j++) {
                        Encoding bad = Encoder.encodeCorrupted(a, space, src.network().rowMarking(), k,
                                RandomStreams.of(c.seed(), "trick/" + k.name(), (long) i * c.corruptions() + j));
                        // A shuffle that moved nothing (all ops alike in this field) is no corruption.
                        list.add(Arrays.equals(bad.values(), truth.values()) ? null
                                : ledger.computeIfAbsent(k.name() + "/" + i + "/" + j, ScoreRecord.class,
                                        () -> ScoreRecord.of(scorer.scoreWith(a, bad, index))));
                        bar.update(++done);
                    }
                    corrupted.get(k.name().toLowerCase(Locale.ROOT)).add(list);
                }
            }
            bar.done();
            for (CorruptionKind k : applicable) {
                kinds.add(summarise(k.name().toLowerCase(Locale.ROOT), trueScores,
                        corrupted.get(k.name().toLowerCase(Locale.ROOT))));
            }
        }
        Results results = new Results(c, kinds, trueScores, corrupted);
        page(results).write(dir, results);
        run.log("trick finished");
        ExperimentFolder.refreshPipelineReport(dir);
        return results;
    }

    static KindResult summarise(String kind, List<ScoreRecord> truth, List<List<ScoreRecord>> corrupted) {
        int archs = 0;
        int bestError = 0;
        int tied = 0;
        int bestLoss = 0;
        int unchanged = 0;
        double errorGap = 0;
        double lossGap = 0;
        int gaps = 0;
        for (int i = 0; i < truth.size(); i++) {
            ScoreRecord t = truth.get(i);
            double minError = Double.POSITIVE_INFINITY;
            double minLoss = Double.POSITIVE_INFINITY;
            int valid = 0;
            for (ScoreRecord s : corrupted.get(i)) {
                if (s == null) {
                    unchanged++;
                    continue;
                }
                valid++;
                minError = Math.min(minError, s.error());
                minLoss = Math.min(minLoss, s.loss());
                errorGap += s.error() - t.error();
                lossGap += s.loss() - t.loss();
                gaps++;
            }
            if (valid == 0) {
                continue;
            }
            archs++;
            bestError += t.error() < minError ? 1 : 0;
            tied += t.error() == minError ? 1 : 0;
            bestLoss += t.loss() < minLoss ? 1 : 0;
        }
        return new KindResult(kind, archs, bestError, tied, bestLoss, gaps == 0 ? Double.NaN : errorGap / gaps,
                gaps == 0 ? Double.NaN : lossGap / gaps, unchanged);
    }

    private static ExperimentPage page(Results r) {
        ExperimentPage page = new ExperimentPage("Experiment: true vs corrupted encodings (trick)");
        page.paragraph(String.format(Locale.ROOT, "%d architectures, each scored ('original' scorer, the same noise"
                + " z) with its true encoding and %d corrupted encoding%s per kind. A corruption shuffles one field's"
                + " per-op values among the architecture's ops; the network that runs stays the same. If the"
                + " HyperNet ignored c, the true encoding would be best by error about 1/(C+1) = %.0f%% of the time"
                + " (less with ties).", r.config().architectures(), r.config().corruptions(),
                r.config().corruptions() == 1 ? "" : "s", 100.0 / (r.config().corruptions() + 1)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("kind", "architectures", "true best by error", "tied", "true best by loss",
                "mean error gap", "mean loss gap", "unchanged"));
        List<String> cats = new ArrayList<>();
        List<Double> byError = new ArrayList<>();
        List<Double> byLoss = new ArrayList<>();
        for (KindResult k : r.kinds()) {
            rows.add(List.of(k.kind(), Integer.toString(k.architectures()), frac(k.trueBestByError(), k.architectures()),
                    frac(k.tiedByError(), k.architectures()), frac(k.trueBestByLoss(), k.architectures()),
                    String.format(Locale.ROOT, "%+.2f pp", k.meanErrorGap() * 100),
                    String.format(Locale.ROOT, "%+.4f", k.meanLossGap()), Integer.toString(k.unchanged())));
            if (k.architectures() > 0) {
                cats.add(k.kind());
                byError.add(100.0 * k.trueBestByError() / k.architectures());
                byLoss.add(100.0 * k.trueBestByLoss() / k.architectures());
            }
        }
        page.table(rows);
        if (!cats.isEmpty()) {
            Map<String, List<Double>> series = new LinkedHashMap<>();
            series.put("true encoding best by error", byError);
            series.put("true encoding best by loss", byLoss);
            page.plot(ExperimentPlots.bars("trick.png", "How often the true encoding scores best", "corrupted field",
                    "architectures (%)", cats, series, "Share of architectures whose true encoding beats every "
                            + "corrupted one of that kind (strictly lower validation error, or lower loss)."));
        }
        return page;
    }

    private static String frac(int k, int n) {
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%d/%d (%.0f%%)", k, n, 100.0 * k / n);
    }
}
