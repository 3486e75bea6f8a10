package org.smash4j.bench;

import org.smash4j.train.SpecDefaults;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.train.StandaloneTraining;
import org.smash4j.train.TrainingLoop;
import org.smash4j.train.TrainingPlan;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training throughput on real data through the real training loop (data pipeline, checkpoints and per-epoch
 * evaluation included): one-shot and stand-alone images/s over one epoch of a slice, RSS, and optionally a
 * complete one-shot training of the preset with its wall time and final validation error.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    public static Map<String, Object> run(String preset, DataSpec data, Path workDir, boolean complete, long seed,
            PrintStream log) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        TrainingPlan plan = TrainingPlan.forPreset(preset);
        DataSpec.Prepared prepared = data.prepare();
        SearchSpaceConfig space = prepared.fit(Presets.byName(preset));
        int images = prepared.train().size();
        out.put("preset", preset);
        out.put("trainImages", images);

        log.println("one-shot training, 1 epoch of " + images + " images ...");
        long t0 = System.nanoTime();
        TrainingLoop.Summary s = OneShotTraining.start(workDir.resolve("one-shot"), OneShotRunConfig.standard(preset, space,
                HyperNetShape.standard(), data, 1, seed, "cpu", 0, SpecDefaults.METRICS_EVERY), log);
        double sec = (System.nanoTime() - t0) / 1e9;
        out.put("oneShotSeconds", sec);
        out.put("oneShotImagesPerSecond", s.steps() * (double) SpecDefaults.BATCH / sec);
        out.put("oneShotRssMiB", Memory.rssMiB());

        log.println("stand-alone training of a sampled architecture, 1 epoch ...");
        var arch = new Sampler(space).sample(AnnealingState.finalState(space), RandomStreams.of(seed, "bench-train"));
        t0 = System.nanoTime();
        TrainingLoop.Summary t = StandaloneTraining.start(workDir.resolve("stand-alone"), StandaloneRunConfig.standard(
                new ArchitectureDocument(space, arch), data, 1, seed, "cpu", 0, SpecDefaults.METRICS_EVERY), log);
        sec = (System.nanoTime() - t0) / 1e9;
        out.put("standaloneSeconds", sec);
        out.put("standaloneImagesPerSecond", t.steps() * (double) SpecDefaults.BATCH / sec);
        out.put("standaloneRssMiB", Memory.rssMiB());

        if (complete) {
            DataSpec full = new DataSpec(data.name(), data.dataDir(), plan.trainLimit(), plan.testLimit(),
                    data.validationFraction(), data.splitSeed());
            SearchSpaceConfig fullSpace = full.prepare().fit(Presets.byName(preset));
            log.println("complete one-shot training of the '" + preset + "' preset (" + plan.oneShotEpochs()
                    + " epochs) ...");
            t0 = System.nanoTime();
            TrainingLoop.Summary c = OneShotTraining.start(workDir.resolve("complete"), OneShotRunConfig.standard(preset,
                    fullSpace, HyperNetShape.standard(), full, plan.oneShotEpochs(), seed, "cpu",
                    plan.checkpointEvery(), plan.metricsEvery()), log);
            out.put("completeOneShotSeconds", (System.nanoTime() - t0) / 1e9);
            out.put("completeOneShotFinalEpoch", c.lastEpoch());
            out.put("completeRssMiB", Memory.rssMiB());
        }
        Files.writeString(workDir.resolve("bench-train.json"), Json.MAPPER.writeValueAsString(out));
        return out;
    }
}
