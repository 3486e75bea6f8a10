package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.data.BatchSettings;
import org.smash4j.data.TrainingBatches;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.nn.StandaloneNetwork;
import org.smash4j.space.NormStyle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NaN loss is retried once from the last checkpoint; when it recurs at the same step, training stops with a
 * message naming the step and the last good checkpoint stays untouched.
 */
class DivergenceTest {
    @TempDir
    Path tmp;

    @Test
    void nanLossStopsTheRunAndKeepsTheCheckpoint() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        DataSpec spec = TrainingFixtures.fashion(300, 50);
        DataSpec.Prepared data = spec.prepare();
        var space = TrainingFixtures.tinySpace(spec);
        var arch = new org.smash4j.space.Sampler(space).sample(
                org.smash4j.space.AnnealingState.finalState(space), new java.util.SplittableRandom(1));
        RunFolder run = RunFolder.create(tmp.resolve("run"), "train", 0, Map.of());
        try (StandaloneNetwork net = new StandaloneNetwork(space, arch, NormStyle.SANDWICH, Placement.cpu(), 0);
                NesterovSgd sgd = new NesterovSgd(net.parameters(), 0.9, 1e-4)) {
            StandaloneTask real = new StandaloneTask(net, sgd, null, null, data.normalization(), Placement.cpu(), 100);
            TrainingTask poisoned = poisoned(real, 4, Integer.MAX_VALUE);
            TrainingBatches batches = new TrainingBatches(data.train(), data.normalization(), data.augmentation(), 0,
                    BatchSettings.DEFAULT);
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(1, 0.1, 2, 1, 1e4), Placement.cpu(),
                    new PrintStream(new ByteArrayOutputStream()));
            Path ckpt = run.resolve(RunFiles.CHECKPOINT);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> loop.run(run, poisoned, batches, "train"));
            checkStopped(e, run, ckpt, space, arch);
        }
    }

    @Test
    void aOneOffNaNIsRecomputedAndTheRunCompletes() throws Exception {
        completesAfterOneRecomputation("once", real -> poisoned(real, 1, 1));
    }

    @Test
    void nonFiniteGradientsAreZeroedBeforeTheRecomputation() throws Exception {
        // Step 2's first computation has a finite loss but leaves NaN and Inf in the gradients; the second
        // succeeds only if those buffers were really zeroed in between.
        completesAfterOneRecomputation("grads", real -> poisonedGradients(real, 1));
    }

    /** Trains a tiny network for an epoch with a task that fails once at step 2; the run must complete. */
    private void completesAfterOneRecomputation(String folder,
            java.util.function.Function<StandaloneTask, TrainingTask> poison) throws Exception {
        TrainingFixtures.assumeFashionMnist();
        DataSpec.Prepared data = TrainingFixtures.fashion(300, 50).prepare();
        var space = TrainingFixtures.tinySpace(TrainingFixtures.fashion(300, 50));
        var arch = new org.smash4j.space.Sampler(space).sample(
                org.smash4j.space.AnnealingState.finalState(space), new java.util.SplittableRandom(1));
        RunFolder run = RunFolder.create(tmp.resolve(folder), "train", 0, Map.of());
        try (StandaloneNetwork net = new StandaloneNetwork(space, arch, NormStyle.SANDWICH, Placement.cpu(), 0);
                NesterovSgd sgd = new NesterovSgd(net.parameters(), 0.9, 1e-4)) {
            StandaloneTask real = new StandaloneTask(net, sgd, null, null, data.normalization(), Placement.cpu(), 100);
            TrainingBatches batches = new TrainingBatches(data.train(), data.normalization(), data.augmentation(), 0,
                    BatchSettings.DEFAULT);
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(1, 0.1, 0, 1, 1e4), Placement.cpu(),
                    new PrintStream(new ByteArrayOutputStream()));
            TrainingLoop.Summary s = loop.run(run, poison.apply(real), batches, "train");
            assertTrue(s.steps() == batches.batchesPerEpoch(), "the run completed");
            String log = Files.readString(run.resolve(RunFiles.LOG));
            assertTrue(log.contains("non-finite loss or gradient at step 2; recomputing it"), log);
            assertTrue(log.indexOf("recomputing it") == log.lastIndexOf("recomputing it"),
                    "one recomputation suffices: " + log);
            for (var p : net.parameters().trainable().entrySet()) {
                assertTrue(Arrays.stream(toDouble(p.getValue().toFloatArray())).allMatch(Double::isFinite), p.getKey());
            }
        }
    }

    /**
     * A task whose loss at step {@code badStep} is, the first time only, the real loss plus terms of value 0 whose
     * gradients are +Inf and -Inf: the first trainable tensor gets Inf + (-Inf) = NaN, the second +Inf.
     */
    private static TrainingTask poisonedGradients(StandaloneTask real, long badStep) {
        boolean[] done = {false};
        return new Delegating(real) {
            @Override
            public Forward forward(long step, NDArray images, NDArray labels) {
                Forward f = real.forward(step, images, labels);
                if (step != badStep || done[0]) {
                    return f;
                }
                done[0] = true;
                var it = real.parameters().trainable().values().iterator();
                NDArray first = it.next();
                NDArray second = it.next();
                NDArray poison = infGradient(first, 1).add(infGradient(first, -1)).add(infGradient(second, 1));
                return new Forward(f.loss().add(poison), f.logits());
            }
        };
    }

    /** sqrt(sign * (w - w)) summed: value 0, gradient sign * Inf for every element of w. */
    private static NDArray infGradient(NDArray w, int sign) {
        return w.sub(w.stopGradient()).mul(sign).sqrt().sum();
    }

    /** A task that forwards everything to a real one. */
    private abstract static class Delegating implements TrainingTask {
        private final StandaloneTask real;

        Delegating(StandaloneTask real) {
            this.real = real;
        }

        @Override
        public Parameters parameters() {
            return real.parameters();
        }

        @Override
        public Optimizer optimizer() {
            return real.optimizer();
        }

        @Override
        public Map<String, Object> stepInfo(long step) {
            return Map.of();
        }

        @Override
        public Map<String, Object> endOfEpoch(int epoch, long step) {
            return Map.of();
        }
    }

    /** A task whose loss is NaN the first {@code times} times step {@code badStep} is computed. */
    private static TrainingTask poisoned(StandaloneTask real, long badStep, int times) {
        int[] left = {times};
        return new Delegating(real) {
            @Override
            public Forward forward(long step, NDArray images, NDArray labels) {
                Forward f = real.forward(step, images, labels);
                if (step == badStep && left[0] > 0) {
                    left[0]--;
                    return new Forward(f.loss().mul(Float.NaN), f.logits());
                }
                return f;
            }
        };
    }

    private static void checkStopped(TrainingDivergedException e, RunFolder run, Path ckpt,
            org.smash4j.space.SearchSpaceConfig space, org.smash4j.space.Architecture arch) throws Exception {
        assertTrue(e.getMessage().contains("loss is NaN at step 5 (epoch 1, batch 5)"), e.getMessage());
        assertTrue(e.getMessage().contains("the last checkpoint (step 4) in " + ckpt + " is intact (checksums verified)"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("it happened again after reloading the checkpoint"), e.getMessage());
        String log = Files.readString(run.resolve(RunFiles.LOG));
        assertTrue(log.contains("loss is NaN at step 5"), log);
        assertTrue(log.contains("retrying from the last checkpoint"), "a first divergence is retried once: " + log);
        // The checkpoint still loads and is the one of step 4.
        try (StandaloneNetwork other = new StandaloneNetwork(space, arch, NormStyle.SANDWICH, Placement.cpu(), 5);
                NesterovSgd sgd2 = new NesterovSgd(other.parameters(), 0.9, 1e-4)) {
            Map<String, Object> h = Checkpoint.read(ckpt, other.parameters(), sgd2);
            assertTrue(((Number) h.get("step")).longValue() == 4);
            for (var p : other.parameters().trainable().entrySet()) {
                float[] v = p.getValue().toFloatArray();
                assertTrue(Arrays.stream(toDouble(v)).allMatch(Double::isFinite), p.getKey());
            }
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
