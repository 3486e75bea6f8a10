package org.smash4j.pipeline;

import org.smash4j.search.RegularizedEvolution;
import org.smash4j.run.RunFiles;
import org.smash4j.train.SpecDefaults;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.run.Ranking;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.CostModel;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.train.StandaloneTraining;
import org.smash4j.train.TrainingPlan;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole job in one run folder: one-shot training (smash/), search (search/), stand-alone training of the top k
 * (final/rank-k/), optional random baselines of similar size trained the same way (baselines/random-i/), and the
 * report. Each stage is itself resumable and a finished stage is skipped, so the pipeline resumes as a whole.
 */
public final class Pipeline {
    public static final String COMMAND = "run";

    private Pipeline() {
    }

    /** Starts a new pipeline run. */
    public static Path start(Path dir, PipelineConfig c, PrintStream progress) throws IOException {
        return RunFolder.start(dir, COMMAND, c.seed(), c, run -> execute(run, c, progress));
    }

    /** Continues a pipeline run from wherever it stopped. */
    public static Path resume(Path dir, PrintStream progress) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return execute(run, run.config(COMMAND, PipelineConfig.class), progress);
    }

    /** A pipeline configuration from a preset's plan. */
    public static PipelineConfig fromPreset(String preset, org.smash4j.train.DataSpec data, long seed, String device,
            int topK, int baselines, int halvingEta, int halvingMinImages, org.smash4j.train.OneShotSettings oneShot) {
        TrainingPlan p = TrainingPlan.forPreset(preset);
        return new PipelineConfig(preset, data, seed, device, p.oneShotEpochs(), p.searchRandom(), p.searchPerturb(),
                p.searchHillClimb(), 0, 0.05, org.smash4j.search.SmashScorer.Settings.original(), topK,
                p.standaloneEpochs(), org.smash4j.space.NormStyle.SANDWICH, baselines, halvingEta, halvingMinImages, oneShot);
    }

    private static Path execute(RunFolder run, PipelineConfig c, PrintStream progress) throws IOException {
        long t0 = System.nanoTime();
        TrainingPlan plan = TrainingPlan.forPreset(c.preset());
        SearchSpaceConfig space = c.data().prepare().fit(Presets.byName(c.preset()));

        Path smash = run.resolve(RunFiles.SMASH_DIR);
        stage(progress, run, "1/4 one-shot training -> " + smash);
        OneShotTraining.startOrResume(smash, OneShotRunConfig.standard(c.preset(), space, HyperNetShape.standard(),
                c.data(), c.oneShotEpochs(), c.seed(), c.device(), plan.checkpointEvery(), plan.metricsEvery())
                .with(c.oneShot())
                .withEvaluator(c.evaluator(), c.pathDropout()), progress);

        Path search = run.resolve(RunFiles.SEARCH_DIR);
        stage(progress, run, "2/4 search -> " + search);
        SearchJob.run(search, new SearchRunConfig(smash.toString(), c.searchRandom(), c.searchPerturb(),
                c.searchHillClimb(), c.searchEvolution(), c.perturbProbability(),
                RegularizedEvolution.DEFAULT_POPULATION, RegularizedEvolution.DEFAULT_TOURNAMENT, c.scorer(), c.seed(),
                c.device(), c.halvingEta(), c.halvingMinImages()), progress);

        List<org.smash4j.run.RankedArchitecture> ranked = Ranking.read(search.resolve(RunFiles.RANKING)).ranked();
        stage(progress, run, "3/4 training the top " + c.topK() + " from scratch");
        List<Double> winnerParams = new ArrayList<>();
        for (int r = 0; r < Math.min(c.topK(), ranked.size()); r++) {
            Architecture a = ranked.get(r).architecture();
            train(run.resolve("final/rank-" + (r + 1)), new ArchitectureDocument(space, a), c, plan, progress);
            winnerParams.add((double) ranked.get(r).params());
        }
        if (c.baselines() > 0 && !winnerParams.isEmpty()) {
            stage(progress, run, "3b/4 training " + c.baselines() + " random baselines of similar size");
            List<Architecture> baselines = similarSize(space, c.seed(), winnerParams.get(0), c.baselines(), c);
            for (int i = 0; i < baselines.size(); i++) {
                train(run.resolve("baselines/random-" + (i + 1)), new ArchitectureDocument(space, baselines.get(i)),
                        c, plan, progress);
            }
        }
        stage(progress, run, "4/4 report");
        Path report = Reports.write(run.dir());
        run.log("pipeline finished in " + (System.nanoTime() - t0) / 1e9 + " s this session");
        return report;
    }

    private static void train(Path dir, ArchitectureDocument doc, PipelineConfig c, TrainingPlan plan,
            PrintStream progress) throws IOException {
        StandaloneTraining.startOrResume(dir, StandaloneRunConfig.withSpecOptimizer(doc, c.normStyle(), c.data(),
                c.standaloneEpochs(), SpecDefaults.BATCH, SpecDefaults.STANDALONE_LR, c.seed(), c.device(),
                plan.checkpointEvery(), plan.metricsEvery()), progress);
    }

    /**
     * Random architectures (sampled at the end of annealing, as the search does) whose stand-alone parameter count
     * is within 25% of {@code params}: the control for "does the search beat random?".
     */
    static List<Architecture> similarSize(SearchSpaceConfig space, long seed, double params, int count,
            PipelineConfig c) {
        Sampler sampler = new Sampler(space);
        List<Architecture> out = new ArrayList<>();
        for (int i = 0; out.size() < count && i < 100_000; i++) {
            Architecture a = sampler.sample(AnnealingState.finalState(space), RandomStreams.of(seed, "baseline", i));
            double p = CostModel.params(a, space, c.normStyle());
            if (Math.abs(p - params) <= 0.25 * params) {
                out.add(a);
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException("found only " + out.size() + " random architectures within 25% of "
                    + (long) params + " parameters");
        }
        return out;
    }

    private static void stage(PrintStream progress, RunFolder run, String what) {
        progress.println("== " + what);
        run.log("stage " + what);
    }
}
