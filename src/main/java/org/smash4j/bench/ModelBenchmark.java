package org.smash4j.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.smash4j.train.SpecDefaults;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.Noise;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.Loss;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.nn.StandaloneNetwork;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.Adam;
import org.smash4j.train.NesterovSgd;
import org.smash4j.util.Progress;
import org.smash4j.util.RandomStreams;

import ai.djl.pytorch.jni.JniUtils;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the model layer on random input (no data loading): one-shot training steps (sample, encode,
 * generate, forward, backward, Adam) at the start and the end of annealing with the time split by phase,
 * weight generation alone, scoring one architecture on a validation-sized set, a stand-alone training step,
 * and the process RSS over a long run to show that memory does not grow.
 */
public final class ModelBenchmark {
    /** What to measure. */
    public record Settings(SearchSpaceConfig config, String preset, int batch, int warmup, int timedSteps,
            int rssSteps, int scoreImages, int generations, long seed, Placement placement, Path profileDir) {
    }

    /** Per-phase timings of one-shot steps. */
    public record StepTimings(Stats total, Stats sampleEncode, Stats generate, Stats forward, Stats backward,
            Stats optimizer, double imagesPerSecond, double meanOps, double meanMacsPerImage) {
        /**
         * Forward multiply-accumulates per second of training, in billions: images/s x the architectures' own
         * forward MACs per image (a training step does about three times that work), for comparing machines.
         */
        public double gmacPerSecond() {
            return imagesPerSecond * meanMacsPerImage / 1e9;
        }
    }

    /** All results. */
    public record Result(Map<String, Object> settings, StepTimings oneShotStart, StepTimings oneShotEnd,
            Stats generation, double scoreSeconds, int scoreImages, long scoreMacsPerImage, Stats standaloneStep,
            double standaloneImagesPerSecond, long standaloneParams, long standaloneMacsPerImage,
            Map<Integer, Double> rssMiB, long oneShotParams, long hyperNetParams) {
    }

    private final Settings s;
    private final PrintStream log;

    public ModelBenchmark(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    public Result run() {
        SearchSpaceConfig c = s.config();
        Sampler sampler = new Sampler(c);
        Map<Integer, Double> rss = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(s.placement().device());
                OneShotNetwork net = new OneShotNetwork(c, HyperNetShape.standard(), s.placement(), s.seed());
                Adam adam = new Adam(net.parameters(), Adam.Settings.smash())) {
            NDArray x = randomImages(m, s.batch(), 1);
            NDArray y = randomLabels(m, s.batch(), 2);
            log.printf("one-shot network: %,d parameters (HyperNet %,d)%n", net.parameters().count(null),
                    net.parameters().count(Parameters.Group.HYPERNET));
            log.println("one-shot steps at the start of annealing ...");
            StepTimings start = oneShotSteps(net, adam, sampler, AnnealingState.initialState(), x, y,
                    s.warmup() + s.timedSteps(), null, "start");
            log.println("one-shot steps at the end of annealing (and RSS over " + s.rssSteps() + " steps) ...");
            StepTimings end = oneShotSteps(net, adam, sampler, AnnealingState.finalState(c), x, y,
                    Math.max(s.rssSteps(), s.warmup() + s.timedSteps()), rss, "end");
            if (s.profileDir() != null) {
                profile(net, adam, sampler, x, y, m);
            }
            log.println("weight generation and scoring ...");
            Stats gen = generation(net, sampler);
            double score = scoring(net, sampler, m, s.scoreImages());
            log.println("stand-alone steps ...");
            double[] sa = new double[s.timedSteps()];
            long saParams;
            Architecture arch = sampler.sample(AnnealingState.finalState(c), RandomStreams.of(s.seed(), "bench-sa"));
            try (StandaloneNetwork sn = new StandaloneNetwork(c, arch, NormStyle.SANDWICH, s.placement(), s.seed());
                    NesterovSgd sgd = new NesterovSgd(sn.parameters(), SpecDefaults.MOMENTUM,
                    SpecDefaults.WEIGHT_DECAY)) {
                saParams = sn.parameters().count(null);
                for (int i = 0; i < s.warmup() + s.timedSteps(); i++) {
                    long t0 = System.nanoTime();
                    try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance()
                            .newGradientCollector()) {
                        gc.backward(Loss.crossEntropy(sn.forward(x, true), y));
                    }
                    sgd.step(SpecDefaults.STANDALONE_LR);
                    if (i >= s.warmup()) {
                        sa[i - s.warmup()] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            Stats saStats = Stats.of(sa);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("preset", s.preset());
            settings.put("config", c);
            settings.put("batch", s.batch());
            settings.put("warmup", s.warmup());
            settings.put("timedSteps", s.timedSteps());
            settings.put("rssSteps", s.rssSteps());
            settings.put("seed", s.seed());
            settings.put("device", s.placement().device().toString());
            settings.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
            return new Result(settings, start, end, gen, score, s.scoreImages(), CostModel.macs(scoringArchitecture(
                    sampler), c), saStats, s.batch() / saStats.median(), saParams, CostModel.macs(arch, c), rss,
                    net.parameters().count(null), net.parameters().count(Parameters.Group.HYPERNET));
        }
    }

    private StepTimings oneShotSteps(OneShotNetwork net, Adam adam, Sampler sampler, AnnealingState state, NDArray x,
            NDArray y, int steps, Map<Integer, Double> rss, String stream) {
        int n = s.timedSteps();
        double[] total = new double[n], enc = new double[n], gen = new double[n], fwd = new double[n],
                bwd = new double[n], opt = new double[n];
        double ops = 0;
        double macs = 0;
        Progress progress = new Progress(log, "  " + stream, steps);
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            SplittableRandom rng = RandomStreams.of(s.seed(), "bench-" + stream, i);
            Architecture arch = sampler.sample(state, rng);
            Encoding c = net.encode(arch);
            float[] z = Noise.draw(c.height(), c.width(), rng);
            long t1, t2, t3;
            try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                t1 = System.nanoTime();
                NDArray wg = net.generateWeights(c, z);
                t2 = System.nanoTime();
                NDArray loss = Loss.crossEntropy(net.forward(x, arch, wg, true), y);
                loss.getFloat(); // forces the forward to finish on asynchronous devices
                t3 = System.nanoTime();
                gc.backward(loss);
            }
            long t4 = System.nanoTime();
            adam.step(SpecDefaults.ONE_SHOT_LR);
            long t5 = System.nanoTime();
            int j = i - s.warmup();
            if (j >= 0 && j < n) {
                total[j] = (t5 - t0) / 1e9;
                enc[j] = (t1 - t0) / 1e9;
                gen[j] = (t2 - t1) / 1e9;
                fwd[j] = (t3 - t2) / 1e9;
                bwd[j] = (t4 - t3) / 1e9;
                opt[j] = (t5 - t4) / 1e9;
                ops += arch.opCount();
                macs += CostModel.macs(arch, s.config());
            }
            if (rss != null && (i + 1 == 30 || i + 1 == 100 || (i + 1) % 250 == 0 || i + 1 == steps)) {
                rss.put(i + 1, Memory.rssMiB());
                if (i + 1 >= 1000 && (i + 1) % 1000 == 0) {
                    log.printf(java.util.Locale.ROOT, "%n  RSS at one-shot step %d: %.0f MiB%n", i + 1, rss.get(i + 1));
                }
            }
            progress.update(i + 1);
        }
        progress.done();
        Stats t = Stats.of(total);
        return new StepTimings(t, Stats.of(enc), Stats.of(gen), Stats.of(fwd), Stats.of(bwd), Stats.of(opt),
                s.batch() / t.median(), ops / n, macs / n);
    }

    /**
     * Records libtorch's profiler over 5 one-shot steps at the end of annealing and over scoring one architecture
     * on 500 images (chrome://tracing files in the profile folder) and prints where the time goes.
     */
    private void profile(OneShotNetwork net, Adam adam, Sampler sampler, NDArray x, NDArray y, NDManager m) {
        try {
            java.nio.file.Files.createDirectories(s.profileDir());
            Path steps = s.profileDir().resolve("one-shot-steps.json");
            JniUtils.startProfile(false, true, false);
            oneShotSteps(net, adam, sampler, AnnealingState.finalState(s.config()), x, y, 5, null, "profile");
            JniUtils.stopProfile(steps.toString());
            Path score = s.profileDir().resolve("scoring.json");
            JniUtils.startProfile(false, true, false);
            scoring(net, sampler, m, 500);
            JniUtils.stopProfile(score.toString());
            for (Path p : new Path[] {steps, score}) {
                log.println("profile " + p + ":");
                TraceSummary.read(p).print(log, 14);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Stats generation(OneShotNetwork net, Sampler sampler) {
        double[] t = new double[s.generations()];
        for (int i = 0; i < t.length; i++) {
            SplittableRandom rng = RandomStreams.of(s.seed(), "bench-gen", i);
            Architecture arch = sampler.sample(AnnealingState.finalState(net.config()), rng);
            long t0 = System.nanoTime();
            try (NDScope scope = new NDScope()) {
                Encoding c = net.encode(arch);
                net.generateWeights(c, Noise.draw(c.height(), c.width(), rng)).getFloat(0, 0);
            }
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return Stats.of(t);
    }

    /** Validation error of one architecture on scoreImages random images, batch 100, eval mode, no gradient. */
    /** The architecture whose scoring is timed. */
    private Architecture scoringArchitecture(Sampler sampler) {
        return sampler.sample(AnnealingState.finalState(s.config()), RandomStreams.of(s.seed(), "bench-score"));
    }

    private double scoring(OneShotNetwork net, Sampler sampler, NDManager m, int images) {
        SplittableRandom rng = RandomStreams.of(s.seed(), "bench-score");
        Architecture arch = sampler.sample(AnnealingState.finalState(net.config()), rng);
        int batch = 100;
        NDArray x = randomImages(m, batch, 3);
        NDArray y = randomLabels(m, batch, 4);
        long t0 = System.nanoTime();
        try (NDScope scope = new NDScope()) {
            Encoding c = net.encode(arch);
            NDArray wg = net.generateWeights(c, Noise.draw(c.height(), c.width(), rng));
            long errors = 0;
            for (int done = 0; done < images; done += batch) {
                try (NDScope inner = new NDScope()) {
                    errors += Loss.errors(net.forward(x, arch, wg, false), y);
                }
            }
            if (errors < 0) {
                throw new IllegalStateException("impossible error count");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private NDArray randomImages(NDManager m, int batch, long stream) {
        SearchSpaceConfig c = s.config();
        SplittableRandom rng = RandomStreams.of(s.seed(), "bench-images", stream);
        int r = c.resolution();
        float[] v = new float[batch * c.inChannels() * r * r];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        NDArray f = m.create(v, new Shape(batch, c.inChannels(), r, r));
        return f.toType(s.placement().dataType(), false);
    }

    private NDArray randomLabels(NDManager m, int batch, long stream) {
        SplittableRandom rng = RandomStreams.of(s.seed(), "bench-labels", stream);
        long[] v = new long[batch];
        for (int i = 0; i < batch; i++) {
            v[i] = rng.nextInt(s.config().numClasses());
        }
        return m.create(v);
    }
}
