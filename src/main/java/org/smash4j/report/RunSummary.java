package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.run.Json;
import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.RankedArchitecture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key numbers of a run, written as {@code summary.json} and shown at the top of the report. Every number that
 * the run has not produced yet is null, never a made-up zero, and {@link #missing} says why.
 *
 * @param run       the run folder's name
 * @param dataSet   the data set name, or null
 * @param preset    the search-space preset name, or null
 * @param seeds     seed of each sub-run that has a run.json ("run", "smash", "search", "final/rank-1", ...)
 * @param wallTimes how long each stage took
 * @param oneShot   the one-shot training's last epoch, or null without one
 * @param search    the scored architectures, or null without any
 * @param winner    the best-scored architecture and its stand-alone result, or null without a ranking
 * @param finals    the stand-alone results of every final/rank-k run
 * @param baselines the stand-alone results of every baselines/random-k run
 * @param versions  the versions the run was made with
 * @param missing   what the run has not produced yet
 * @param problems  what could not be read
 */
public record RunSummary(String run, String dataSet, String preset, Map<String, Long> seeds, WallTimes wallTimes,
        OneShot oneShot, Search search, Winner winner, List<Trained> finals, List<Trained> baselines,
        Map<String, String> versions, List<String> missing, List<String> problems) {
    /**
     * Wall-clock seconds per stage. Training stages report their epochs' {@code elapsedSeconds} (summed over
     * resumed segments); the search reports the sum of its results' {@code seconds}. The total runs from
     * RUN/run.json's creation to the latest stage end (stage creation + stage seconds).
     *
     * @param started      RUN/run.json's creation time (ISO-8601), or null
     * @param stageSeconds seconds per stage, in pipeline order ("smash", "search", "final/rank-1", ...)
     * @param totalSeconds seconds from start to the latest stage end, or null
     */
    public record WallTimes(String started, Map<String, Double> stageSeconds, Double totalSeconds) {
    }

    /** The one-shot training at its last finished epoch. */
    public record OneShot(int epochs, long steps, Double trainLoss, Double trainError, Double valLoss,
            Double valError, String valErrorKind, Integer maxKernel, Double maxBudget) {
    }

    /**
     * The scored architectures.
     *
     * @param architecturesScored number of scored architectures
     * @param byPhase             how many each search phase scored
     * @param scoreMin            best SMASH score
     * @param scoreMedian         median SMASH score (mean of the middle two for an even count)
     * @param scoreMax            worst SMASH score
     * @param ensembleError       the ensemble error after the last scored architecture, or null
     * @param source              "results.jsonl", or "ranking.json" when the results file is absent
     */
    public record Search(int architecturesScored, Map<String, Integer> byPhase, double scoreMin,
            double scoreMedian, double scoreMax, Double ensembleError, String source) {
    }

    /**
     * The best-scored architecture and, when final/rank-1 exists, how it did when trained stand-alone (its last
     * epoch: there is no checkpoint selection).
     *
     * @param evaluator the one-shot evaluator whose score found it (hypernet, weight-sharing), or null without smash/
     */
    public record Winner(int index, String phase, double score, Double scoreStd, Long params, Long macs,
            Integer standaloneEpochs, Double valError, Double testError, String evaluator, Double testTop5Error) {
    }

    /** A stand-alone training run at its last finished epoch. */
    public record Trained(String name, Long params, Long macs, Integer epochs, Double valError, Double testError,
            Double testLoss) {
    }

    /** Summarises what {@code contents} holds. */
    public static RunSummary of(RunContents c) {
        String dataSet = dataSet(c);
        String preset = firstNonNull(c.run() == null ? null : c.run().configText("preset"),
                c.smash() == null ? null : c.smash().configText("preset"));

        Map<String, Long> seeds = new LinkedHashMap<>();
        Map<String, RunInfo> stages = stages(c);
        stages.forEach((name, info) -> {
            if (info != null && info.seed() != null) {
                seeds.put(name, info.seed());
            }
        });

        Map<String, String> versions = new LinkedHashMap<>();
        for (RunInfo info : stages.values()) {
            if (info != null && !info.versions().isEmpty()) {
                versions.putAll(info.versions());
                break;
            }
        }
        List<RankedRow> rows = Leaderboard.rows(c);
        return new RunSummary(c.runDir().getFileName().toString(), dataSet, preset, seeds, wallTimes(c), oneShot(c),
                search(c), winner(c, rows), trained(c.finals()), trained(c.baselines()), versions, c.missing(),
                c.problems());
    }

    /** Indented JSON of this summary. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run summary as JSON", e);
        }
    }

    // ---------------------------------------------------------------- parts

    private static String dataSet(RunContents c) {
        if (c.run() != null) {
            JsonNode data = c.run().config().path("data");
            if (data.isTextual()) {
                return data.asText();
            }
            if (data.path("name").isTextual()) {
                return data.get("name").asText();
            }
        }
        if (c.smash() != null && c.smash().configText("data", "name") != null) {
            return c.smash().configText("data", "name");
        }
        for (TrainedModel m : c.finals()) {
            if (m.info() != null && m.info().configText("data", "name") != null) {
                return m.info().configText("data", "name");
            }
        }
        return null;
    }

    /** Every sub-run's run.json by stage name, in pipeline order (absent ones map to null). */
    private static Map<String, RunInfo> stages(RunContents c) {
        Map<String, RunInfo> m = new LinkedHashMap<>();
        m.put("run", c.run());
        m.put("smash", c.smash());
        m.put("search", c.search());
        for (TrainedModel t : c.finals()) {
            m.put("final/" + t.name(), t.info());
        }
        for (TrainedModel t : c.baselines()) {
            m.put("baselines/" + t.name(), t.info());
        }
        return m;
    }

    private static WallTimes wallTimes(RunContents c) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Instant end = null;
        if (c.smash() != null || !c.smashMetrics().isEmpty()) {
            double s = c.smashMetrics().trainingSeconds();
            seconds.put("smash", nullIfNaN(s));
            end = later(end, c.smash(), s);
        }
        if (!c.results().isEmpty()) {
            double s = 0;
            boolean any = false;
            for (ScoredArchitecture r : c.results()) {
                if (!Double.isNaN(r.score().seconds())) {
                    s += r.score().seconds();
                    any = true;
                }
            }
            seconds.put("search", any ? s : null);
            end = later(end, c.search(), any ? s : Double.NaN);
        }
        for (TrainedModel t : c.finals()) {
            double s = t.metrics().trainingSeconds();
            seconds.put("final/" + t.name(), nullIfNaN(s));
            end = later(end, t.info(), s);
        }
        for (TrainedModel t : c.baselines()) {
            double s = t.metrics().trainingSeconds();
            seconds.put("baselines/" + t.name(), nullIfNaN(s));
            end = later(end, t.info(), s);
        }
        Instant start = c.run() == null ? null : c.run().created();
        Double total = start == null || end == null ? null : Duration.between(start, end).toMillis() / 1000.0;
        return new WallTimes(start == null ? null : start.toString(), seconds, total);
    }

    /** The later of {@code end} and the stage's end (its creation plus its seconds). */
    private static Instant later(Instant end, RunInfo stage, double seconds) {
        if (stage == null || stage.created() == null || Double.isNaN(seconds)) {
            return end;
        }
        Instant stageEnd = stage.created().plusMillis(Math.round(seconds * 1000));
        return end == null || stageEnd.isAfter(end) ? stageEnd : end;
    }

    private static OneShot oneShot(RunContents c) {
        MetricsLog m = c.smashMetrics();
        if (m.isEmpty()) {
            return null;
        }
        MetricsLog.Epoch last = m.lastEpoch();
        long steps = m.steps().isEmpty() ? -1 : m.steps().get(m.steps().size() - 1).step();
        if (last == null) {
            return new OneShot(0, steps, null, null, null, null, null, null, null);
        }
        return new OneShot(last.epoch(), Math.max(steps, last.step()), nullIfNaN(last.trainLoss()),
                nullIfNaN(last.trainError()), nullIfNaN(last.valLoss()), nullIfNaN(last.valError()),
                "mean over a random architecture per batch", last.maxKernel() < 0 ? null : last.maxKernel(),
                nullIfNaN(last.maxBudget()));
    }

    private static Search search(RunContents c) {
        double[] scores;
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        String source;
        Double ensemble = null;
        if (!c.results().isEmpty()) {
            scores = c.results().stream().mapToDouble(ScoredArchitecture::error).toArray();
            for (ScoredArchitecture r : c.results()) {
                byPhase.merge(r.phase().jsonName(), 1, Integer::sum);
            }
            ensemble = nullIfNaN(c.results().get(c.results().size() - 1).score().ensembleError());
            source = RunFiles.RESULTS;
        } else if (!c.ranking().isEmpty()) {
            scores = c.ranking().stream().mapToDouble(RankedArchitecture::score).toArray();
            source = RunFiles.RANKING;
        } else {
            return null;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Search(n, byPhase, sorted[0], median, sorted[n - 1], ensemble, source);
    }

    private static Winner winner(RunContents c, List<RankedRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        RankedRow w = rows.get(0);
        TrainedModel t = c.winnerTraining();
        MetricsLog.Epoch last = t == null ? null : t.metrics().lastEpoch();
        return new Winner(w.index(), w.phase().isEmpty() ? null : w.phase(), w.score(), nullIfNaN(w.scoreStd()),
                w.params() < 0 ? null : w.params(), w.macs() < 0 ? null : w.macs(),
                last == null ? null : last.epoch(), last == null ? null : nullIfNaN(last.valError()),
                last == null ? null : nullIfNaN(last.testError()), evaluator(c),
                last == null ? null : nullIfNaN(last.testTop5Error()));
    }

    /** The evaluator of the one-shot run (run.json files written before it was recorded: the HyperNet). */
    private static String evaluator(RunContents c) {
        if (c.smash() == null) {
            return null;
        }
        String e = c.smash().configText("evaluator");
        return e != null ? e : org.smash4j.train.HyperNetEvaluator.NAME;
    }

    private static List<Trained> trained(List<TrainedModel> models) {
        List<Trained> out = new ArrayList<>();
        for (TrainedModel m : models) {
            out.add(trained(m));
        }
        return out;
    }

    /** A stand-alone training run at its last finished epoch, with its costs. */
    static Trained trained(TrainedModel m) {
        MetricsLog.Epoch last = m.metrics().lastEpoch();
        Long params = null;
        Long macs = null;
        if (m.document() != null) {
            macs = CostModel.macs(m.document().architecture(), m.document().space());
            NormStyle style = normStyle(m.normStyle());
            if (style != null) {
                params = CostModel.params(m.document().architecture(), m.document().space(), style);
            }
        }
        return new Trained(m.name(), params, macs, last == null ? null : last.epoch(),
                last == null ? null : nullIfNaN(last.valError()),
                last == null ? null : nullIfNaN(last.testError()),
                last == null ? null : nullIfNaN(last.testLoss()));
    }

    private static NormStyle normStyle(String name) {
        if (name == null) {
            return null;
        }
        try {
            return NormStyle.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
