package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.nn.OneShotNetwork;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-shot run interrupted after a step that leaves exactly the on-disk state a kill -9 at that moment would
 * (checkpoint of an earlier step, metrics written after it) and then resumed ends with the same weights, bit for
 * bit, and the same metrics as an uninterrupted run with the same seed; for both evaluators (weight sharing with its
 * path dropout rising within the run, so that resumed steps drop paths).
 */
class ResumeTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path tmp;

    @Test
    void interruptedAndResumedRunEqualsUninterruptedRun() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        // 300 images -> 270 training images -> 6 batches per epoch; 2 epochs = 12 steps; checkpoint every 4.
        RunFolder run = assertResumeIsExact(TrainingFixtures.oneShot(TrainingFixtures.fashion(300, 50), 2, 4, 1e-3));
        assertDataSectionRecorded(run, TrainingFixtures.fashion(300, 50));
    }

    /** run.json's "data" section: split sizes of the spec, class counts as counted from the labels here. */
    private static void assertDataSectionRecorded(RunFolder run, DataSpec spec) throws Exception {
        JsonNode data = run.description().path(DataSpec.DATA_SECTION);
        DataSpec.Prepared prepared = spec.prepare();
        assertEquals(270, data.path("train").path("images").asInt());
        assertEquals(30, data.path("validation").path("images").asInt());
        assertEquals(50, data.path("test").path("images").asInt());
        int[] counts = new int[10];
        for (int label : prepared.train().labels()) {
            counts[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(counts[c], data.path("train").path("classCounts").get(c).asInt());
        }
        double mean = data.path("test").path("mean").get(0).asDouble();
        double std = data.path("test").path("std").get(0).asDouble();
        // Fashion-MNIST is mostly black background: a mean near 0.29 and a std near 0.35 over the whole set.
        assertTrue(mean > 0.2 && mean < 0.4 && std > 0.25 && std < 0.45, mean + " / " + std);
    }

    @Test
    void interruptedAndResumedWeightSharingRunEqualsUninterruptedRun() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        OneShotRunConfig config = TrainingFixtures.oneShot(TrainingFixtures.fashion(300, 50), 2, 4, 1e-3)
                .withEvaluator(WeightSharingEvaluator.NAME, new org.smash4j.nn.PathDropout(0.5, 0.5));
        RunFolder run = assertResumeIsExact(config);
        List<JsonNode> steps = run.readLines(RunFiles.METRICS).stream()
                .filter(n -> n.path("type").asText().equals("step")).toList();
        assertEquals(0.0, steps.get(0).path("pathDropout").asDouble(-1));
        assertEquals(0.5, steps.get(steps.size() - 1).path("pathDropout").asDouble(), 1e-12);
    }

    @Test
    void aKillBeforeTheFirstCheckpointLeavesNoDuplicateMetrics() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        // Checkpoints only at epoch ends (6 steps); stop after 3 steps, before the first: the resumed run starts
        // over and must replace the three step records, not add to them.
        assertResumeIsExact(TrainingFixtures.oneShot(TrainingFixtures.fashion(300, 50), 2, 100, 1e-3), 2,
                broken -> assertTrue(!java.nio.file.Files.exists(broken.resolve(RunFiles.CHECKPOINT))));
    }

    @Test
    void aDamagedLatestCheckpointFallsBackToThePreviousOne() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        assertResumeIsExact(TrainingFixtures.oneShot(TrainingFixtures.fashion(300, 50), 2, 4, 1e-3), 9, broken -> {
            // 64 flipped bytes in the middle of the latest checkpoint (step 8): its checksum no longer matches,
            // so the resume continues from the previous one (step 6, the epoch end) and replays steps 7-12 exactly.
            Path ckpt = broken.resolve(RunFiles.CHECKPOINT);
            byte[] bytes = java.nio.file.Files.readAllBytes(ckpt);
            for (int i = 0; i < 64; i++) {
                bytes[bytes.length / 2 + i] ^= (byte) 0xFF;
            }
            java.nio.file.Files.write(ckpt, bytes);
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> Checkpoint.verify(ckpt));
            assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
            assertEquals(6L, ((Number) Checkpoint.header(Checkpoint.previous(ckpt)).get("step")).longValue());
        });
    }

    /** Something done to the interrupted run's folder before it is resumed. */
    private interface Damage {
        void apply(RunFolder broken) throws Exception;
    }

    private RunFolder assertResumeIsExact(OneShotRunConfig config) throws Exception {
        return assertResumeIsExact(config, 9, broken -> assertEquals(8L, ((Number) Checkpoint.header(
                broken.resolve(RunFiles.CHECKPOINT)).get("step")).longValue()));
    }

    /**
     * Runs {@code config} straight and interrupted after step index {@code stopAfter} (then damaged) and resumed,
     * and compares them; returns the resumed run.
     */
    private RunFolder assertResumeIsExact(OneShotRunConfig config, long stopAfter, Damage damage) throws Exception {
        RunFolder straight = RunFolder.create(tmp.resolve("straight"), OneShotTraining.COMMAND, 0,
                java.util.Map.of("config", "test"));
        OneShotTraining.train(straight, config, QUIET, -1);

        RunFolder broken = RunFolder.create(tmp.resolve("broken"), OneShotTraining.COMMAND, 0,
                java.util.Map.of("config", "test"));
        // Stop after step index 9 (10 steps done): the last checkpoint is at 8 steps, inside epoch 2; the metrics
        // of steps 9 and 10 were already written and must be replaced, not duplicated, on resume.
        TrainingLoop.Summary partial = OneShotTraining.train(broken, config, QUIET, stopAfter);
        assertEquals(stopAfter + 1, partial.steps());
        damage.apply(broken);
        boolean fromCheckpoint = java.nio.file.Files.exists(Checkpoint.previous(broken.resolve(RunFiles.CHECKPOINT)))
                || java.nio.file.Files.exists(broken.resolve(RunFiles.CHECKPOINT));
        TrainingLoop.Summary resumed = OneShotTraining.train(broken, config, QUIET, -1);
        assertEquals(fromCheckpoint, resumed.resumed());
        assertEquals(12, resumed.steps());

        try (OneShotNetwork a = loadWeights(straight, config); OneShotNetwork b = loadWeights(broken, config)) {
            for (String name : a.parameters().trainable().keySet()) {
                assertArrayEquals(a.parameters().get(name).toFloatArray(), b.parameters().get(name).toFloatArray(),
                        name);
            }
            for (String name : a.parameters().buffers().keySet()) {
                assertArrayEquals(a.parameters().get(name).toFloatArray(), b.parameters().get(name).toFloatArray(),
                        name);
            }
        }
        assertEquals(deterministicMetrics(straight), deterministicMetrics(broken));
        return broken;
    }

    /** A network of the run's kind with other initial weights (seed 99), then the run's checkpoint read into it. */
    private static OneShotNetwork loadWeights(RunFolder run, OneShotRunConfig c) throws Exception {
        OneShotNetwork net = c.evaluator().equals(WeightSharingEvaluator.NAME)
                ? OneShotNetwork.weightSharing(c.space(), org.smash4j.nn.Placement.cpu(), 99)
                : new OneShotNetwork(c.space(), c.hyperNet(), org.smash4j.nn.Placement.cpu(), 99);
        Checkpoint.readWeights(run.resolve(RunFiles.CHECKPOINT), net.parameters());
        return net;
    }

    /** Every metrics record without its wall-clock fields. */
    private static List<String> deterministicMetrics(RunFolder run) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : run.readLines(RunFiles.METRICS)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove(Arrays.asList("imagesPerSecond",
                    "elapsedSeconds", "rssMiB"));
            out.add(n.toString());
        }
        assertEquals(12 + 2, out.size(), "one record per step and one per epoch");
        return out;
    }
}
