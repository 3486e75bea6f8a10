package org.smash4j.experiment;

import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.Noise;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.Perturber;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The architecture gradient (paper section 4.1): can dE/dc, the gradient of the validation loss with respect to the
 * encoding, guide the search? From each start, two greedy hill-climbs score the same number of architectures:
 * <ul>
 *   <li>random: perturb the current best (each field re-drawn with probability p) and keep the result if it
 *       scores better;</li>
 *   <li>guided: draw P such perturbations, predict each one's change of the loss to first order as
 *       dE/dc . (c' - c), score only the most promising, keep it if it scores better.</li>
 * </ul>
 * Proposals come from the perturber, so every guided step stays inside the search space (a raw gradient step on
 * c would not be an architecture). All scores use one fixed noise draw, so the comparison is not confounded by z.
 */
public final class ArchGradientExperiment {
    public static final String NAME = "arch-gradient";
    static final long SCORE_INDEX = 0;

    /**
     * @param starts             independent starting architectures
     * @param steps              scored architectures per start and method
     * @param proposals          P, perturbations ranked by the gradient per guided step
     * @param perturbProbability p
     * @param gradientBatches    validation batches (of 100) the gradient's loss averages over
     */
    public record Config(String smashRun, int starts, int steps, int proposals, double perturbProbability,
            int gradientBatches, long seed, String device) {
        public Config {
            org.smash4j.nn.Placement.check(device);
            if (starts < 1 || steps < 1 || proposals < 1 || gradientBatches < 1
                    || !(perturbProbability > 0 && perturbProbability <= 1)) {
                throw new IllegalArgumentException("starts, steps, proposals, gradient batches must be >= 1 and the "
                        + "perturbation probability in (0, 1]");
            }
        }

        public static Config forScale(String scale, String smashRun, long seed, String device) {
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "tiny" -> new Config(smashRun, 1, 3, 4, 0.05, 1, seed, device);
                case "quick" -> new Config(smashRun, 4, 25, 16, 0.05, 2, seed, device);
                case "paper" -> new Config(smashRun, 10, 100, 32, 0.05, 5, seed, device);
                default -> throw new IllegalArgumentException("unknown scale '" + scale + "'; use tiny, quick or paper");
            };
        }
    }

    /** One scored proposal of a chain, stored in the ledger (the architecture as JSON). */
    public record Step(String architecture, ScoreRecord score, double predicted, boolean accepted) {
    }

    /** A chain's best error after 0 (the start), 1, ..., steps scored proposals. */
    public record Chain(int start, String method, List<Double> bestSoFar, int accepted) {
    }

    /**
     * What results.json holds. {@code predictionCorrelation}: Spearman between the guided proposals' predicted loss
     * change and their actual loss change against the best at that time (does dE/dc predict anything?).
     */
    public record Results(Config config, List<Chain> chains, Map<String, List<Double>> meanBestSoFar,
            Map<String, Double> meanFinalBest, int guidedWins, int randomWins, int ties, double predictionCorrelation,
            int predictions) {
    }

    private ArchGradientExperiment() {
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
        List<Chain> chains = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        try (OneShotSource src = OneShotSource.open(Path.of(c.smashRun()))) {
            SearchSpaceConfig space = src.config().space();
            SmashScorer scorer = src.scorer(ScorerVariant.parse("original"), c.seed());
            EncodingGradient gradient = new EncodingGradient(src.network(), src.data().validation(),
                    src.data().normalization(), src.placement(), c.gradientBatches(), ScorerVariant.BATCH);
            Perturber perturber = new Perturber(space);
            AnnealingState end = AnnealingState.finalState(space);
            Progress bar = new Progress(progress, "arch-gradient", (long) c.starts() * (1 + 2L * c.steps()));
            long done = 0;
            for (int r = 0; r < c.starts(); r++) {
                Architecture start = new Sampler(space).sample(end, RandomStreams.of(c.seed(), NAME + "/start", r));
                ScoreRecord startScore = ledger.computeIfAbsent("start/" + r, ScoreRecord.class,
                        () -> score(scorer, start, space));
                bar.update(++done);
                for (String method : List.of("random", "guided")) {
                    Architecture best = start;
                    ScoreRecord bestScore = startScore;
                    float[] g = null;
                    List<Double> curve = new ArrayList<>(List.of(startScore.error()));
                    int accepted = 0;
                    for (int t = 0; t < c.steps(); t++) {
                        String key = method + "/" + r + "/" + t;
                        Step step = ledger.get(key, Step.class);
                        if (step == null) {
                            if (method.equals("random")) {
                                Architecture p = changed(perturber, best, c.perturbProbability(), end,
                                        RandomStreams.of(c.seed(), NAME + "/random/" + r, t));
                                step = new Step(ArchitectureJson.toJson(p), score(scorer, p, space), Double.NaN, false);
                            } else {
                                Encoding cb = scorer.encode(best);
                                if (g == null) {
                                    g = gradient.of(best, cb, noise(cb, c.seed()));
                                }
                                Architecture pick = null;
                                double pickPredicted = Double.POSITIVE_INFINITY;
                                for (int j = 0; j < c.proposals(); j++) {
                                    Architecture p = changed(perturber, best, c.perturbProbability(), end,
                                            RandomStreams.of(c.seed(), NAME + "/guided/" + r,
                                                    (long) t * c.proposals() + j));
                                    double d = EncodingGradient.predictedChange(g, cb, scorer.encode(p));
                                    if (d < pickPredicted) {
                                        pick = p;
                                        pickPredicted = d;
                                    }
                                }
                                step = new Step(ArchitectureJson.toJson(pick), score(scorer, pick, space),
                                        pickPredicted, false);
                            }
                            step = new Step(step.architecture(), step.score(), step.predicted(),
                                    step.score().betterThan(bestScore));
                            ledger.put(key, step);
                        }
                        if (!Double.isNaN(step.predicted())) {
                            predicted.add(step.predicted());
                            actual.add(step.score().loss() - bestScore.loss());
                        }
                        if (step.accepted()) {
                            best = ArchitectureJson.readArchitecture(step.architecture(), space);
                            bestScore = step.score();
                            g = null;
                            accepted++;
                        }
                        curve.add(bestScore.error());
                        bar.update(++done, method + " best " + ExperimentPage.pct(bestScore.error()));
                    }
                    chains.add(new Chain(r, method, curve, accepted));
                }
            }
            bar.done();
        }
        Results results = summarise(c, chains, predicted, actual);
        page(results).write(dir, results);
        run.log("arch-gradient finished");
        ExperimentFolder.refreshPipelineReport(dir);
        return results;
    }

    private static ScoreRecord score(SmashScorer scorer, Architecture a, SearchSpaceConfig space) {
        return ScoreRecord.of(scorer.scoreWith(a, scorer.encode(a), SCORE_INDEX));
    }

    /** The scorer's first noise draw for SCORE_INDEX: the gradient is taken at the z the score uses. */
    private static float[] noise(Encoding c, long seed) {
        return Noise.draw(c.height(), c.width(), RandomStreams.of(seed, "score-noise/0", SCORE_INDEX));
    }

    /** A perturbation that differs from {@code base} (re-drawn up to 100 times; the last draw otherwise). */
    private static Architecture changed(Perturber perturber, Architecture base, double p, AnnealingState end,
            RandomGenerator rng) {
        Architecture a = base;
        for (int i = 0; i < 100 && a.equals(base); i++) {
            a = perturber.perturb(base, p, end, rng);
        }
        return a;
    }

    static Results summarise(Config c, List<Chain> chains, List<Double> predicted, List<Double> actual) {
        Map<String, List<Double>> mean = new LinkedHashMap<>();
        Map<String, Double> finalBest = new LinkedHashMap<>();
        for (String method : List.of("random", "guided")) {
            List<Chain> mine = chains.stream().filter(x -> x.method().equals(method)).toList();
            List<Double> m = new ArrayList<>();
            for (int t = 0; t <= c.steps(); t++) {
                final int at = t;
                m.add(mine.stream().mapToDouble(x -> x.bestSoFar().get(at)).average().orElse(Double.NaN));
            }
            mean.put(method, m);
            finalBest.put(method, m.get(m.size() - 1));
        }
        int guided = 0;
        int random = 0;
        int ties = 0;
        for (int r = 0; r < c.starts(); r++) {
            final int start = r;
            double rb = last(chains.stream().filter(x -> x.start() == start && x.method().equals("random"))
                    .findFirst().orElseThrow());
            double gb = last(chains.stream().filter(x -> x.start() == start && x.method().equals("guided"))
                    .findFirst().orElseThrow());
            if (gb < rb) {
                guided++;
            } else if (rb < gb) {
                random++;
            } else {
                ties++;
            }
        }
        double[] p = ExperimentPlots.toArray(predicted);
        double[] a = ExperimentPlots.toArray(actual);
        double rho = p.length >= 3 && Correlation.undefinedReason(p, a).isEmpty() ? Correlation.spearman(p, a)
                : Double.NaN;
        return new Results(c, chains, mean, finalBest, guided, random, ties, rho, p.length);
    }

    private static double last(Chain chain) {
        return chain.bestSoFar().get(chain.bestSoFar().size() - 1);
    }

    private static ExperimentPage page(Results r) {
        Config c = r.config();
        ExperimentPage page = new ExperimentPage("Experiment: architecture gradient");
        page.paragraph(String.format(Locale.ROOT, "From %d random starts, greedy hill-climbing scored %d proposals"
                + " per start with each method: random perturbation (p = %.2f) vs the most promising of %d"
                + " perturbations by the first-order prediction dE/dc . (c' - c), dE/dc taken on %d validation"
                + " batch%s. Mean best error after %d: random %s, guided %s; guided ended better from %d start%s,"
                + " random from %d, %d tied. Spearman between the guided picks' predicted and actual loss change:"
                + " %s (n = %d).", c.starts(), c.steps(), c.perturbProbability(), c.proposals(), c.gradientBatches(),
                c.gradientBatches() == 1 ? "" : "es", c.steps(), ExperimentPage.pct(r.meanFinalBest().get("random")),
                ExperimentPage.pct(r.meanFinalBest().get("guided")), r.guidedWins(), r.guidedWins() == 1 ? "" : "s",
                r.randomWins(), r.ties(), ExperimentPage.num(r.predictionCorrelation()), r.predictions()));
        double[] x = new double[c.steps() + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        r.meanBestSoFar().forEach((k, v) -> series.put(k, ExperimentPlots.toArray(v)));
        page.plot(ExperimentPlots.lines("arch-gradient.png", "Guided vs random hill-climbing",
                "architectures scored after the start", "best SMASH score so far (%, mean over starts)", x, series,
                "Best score so far, averaged over the starts, for random perturbation and gradient-guided "
                        + "proposals at an equal number of scored architectures."));
        return page;
    }
}
