package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;
import org.smash4j.run.Json;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.encoding.CorruptionKind;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.Noise;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.report.ReportWriter;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.Op;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnostics' formulas against values worked out by hand, and their tensor path on the tiny preset against
 * float64 recomputations from the HyperNet's raw output (op weights read from Y by the layout formula of
 * {@code HyperNet.toWeightMatrix}, not through Wg), plus determinism and no side effect on the network.
 */
class ConditioningDiagnosticsTest {
    private static final double TOL = 1e-5;
    private static final long SEED = 11;

    // ---------------------------------------------------------------- formulas

    @Test
    void tileShareByHand() {
        // Rows (channels) [1, 3] and [2, 2]: means 2 and 2, tile energy P * (4 + 4) = 2 * 8 = 16,
        // total 1 + 9 + 4 + 4 = 18: share 16/18 = 8/9.
        assertEquals(8.0 / 9.0, ConditioningDiagnostics.tileShare(new float[] {1, 3, 2, 2}, 2), 1e-12);
        // Every position the same tile: all energy in the tile.
        assertEquals(1.0, ConditioningDiagnostics.tileShare(new float[] {5, 5, 5, -1, -1, -1}, 2), 1e-12);
        // Zero-mean rows: none.
        assertEquals(0.0, ConditioningDiagnostics.tileShare(new float[] {1, -1, 2, -2}, 2), 1e-12);
        assertTrue(Double.isNaN(ConditioningDiagnostics.tileShare(new float[] {0, 0}, 1)));
    }

    @Test
    void unitDistanceByHand() {
        // [3, 4]/5 = [0.6, 0.8]; [0, 2]/2 = [0, 1]; difference [0.6, -0.2]: sqrt(0.36 + 0.04) = sqrt(0.4).
        assertEquals(Math.sqrt(0.4), ConditioningDiagnostics.unitDistance(new float[] {3, 4}, new float[] {0, 2}),
                1e-7);
        assertEquals(0.0, ConditioningDiagnostics.unitDistance(new float[] {3, 4}, new float[] {6, 8}), 1e-7);
        assertEquals(2.0, ConditioningDiagnostics.unitDistance(new float[] {3, 4}, new float[] {-3, -4}), 1e-7);
    }

    @Test
    void epsLimitedFractionByHand() {
        // beta2 0.5, 2 steps: bc2 = 1 - 0.25 = 0.75. v/bc2 = 0.04, 1, 0.01, 4; roots 0.2, 1, 0.1, 2.
        // Below eps 0.5: 0.2 and 0.1, i.e. 2 of 4.
        List<float[]> v = List.of(new float[] {0.03f, 0.75f}, new float[] {0.0075f, 3f});
        assertEquals(0.5, ConditioningDiagnostics.epsLimitedFraction(v, 2, 0.5, 0.5), 1e-12);
        assertTrue(Double.isNaN(ConditioningDiagnostics.epsLimitedFraction(v, 0, 0.5, 0.5)), "no step yet");
    }

    @Test
    void rmsByHand() {
        // rms([3, -4]) = sqrt((9 + 16)/2) = sqrt(12.5); rms([2, 0]) = sqrt(4/2) = sqrt(2).
        assertEquals(Math.sqrt(12.5), ConditioningDiagnostics.rms(new float[] {3, -4}), 1e-12);
        assertEquals(Math.sqrt(2), ConditioningDiagnostics.rms(new float[] {2, 0}), 1e-12);
        assertTrue(Double.isNaN(ConditioningDiagnostics.rms(new float[0])));
    }

    @Test
    void adamEpsLimitedFractionPerGroup() {
        // Loss sum(c w^2 / 2) per group: gradient c*w = [0.5, -4.5, -1.0]. After one step v = (1 - beta2) g^2 and
        // bc2 = 1 - beta2, so sqrt(v/bc2) = |g| = 0.5, 4.5, 1.0. Main eps 0.6: 1 of 3; HyperNet eps 2: 2 of 3.
        double[] w0 = {0.5, -1.5, 2.0};
        double[] c = {1.0, 3.0, -0.5};
        Adam.Settings s = new Adam.Settings(0.5, 0.999, 0.6, 0, 0, 2.0, null);
        try (Parameters p = new Parameters(new Placement(Device.cpu(), DataType.FLOAT64))) {
            p.add("main", Parameters.Group.MAIN, new Shape(3), w0.clone());
            p.add("hyper", Parameters.Group.HYPERNET, new Shape(3), w0.clone());
            // After the parameters: Adam keeps a state slot for each parameter it sees when created.
            try (Adam adam = new Adam(p, s)) {
                assertTrue(Double.isNaN(adam.epsLimitedFraction(Parameters.Group.MAIN)), "no step yet");
                try (NDScope scope = new NDScope();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray cc = p.manager().create(c);
                    gc.backward(p.get("main").square().mul(cc).sum().div(2)
                            .add(p.get("hyper").square().mul(cc).sum().div(2)));
                }
                adam.step(0.1);
                assertEquals(1.0 / 3, adam.epsLimitedFraction(Parameters.Group.MAIN), 1e-12);
                assertEquals(2.0 / 3, adam.epsLimitedFraction(Parameters.Group.HYPERNET), 1e-12);
            }
        }
    }

    // ---------------------------------------------------------------- tensor path, tiny preset

    private static OneShotNetwork tinyNet() {
        return new OneShotNetwork(Presets.tiny(), new HyperNetShape(2, 2, List.of(1, 1, 1)), Placement.cpu(), 0);
    }

    /** The diagnostics' i-th architecture, from the stream their Javadoc names. */
    private static Architecture arch(SearchSpaceConfig config, long seed, int i) {
        return new Sampler(config).sample(AnnealingState.finalState(config), RandomStreams.of(seed, "diagnostics", i));
    }

    private static float[] noise(Encoding c, long seed, String stream, int i) {
        return Noise.draw(c.height(), c.width(), RandomStreams.of(seed, stream, i));
    }

    /** Raw HyperNet output Y [C][k][S+1] for (c, z). */
    private static float[] hyperOutput(OneShotNetwork net, Encoding c, float[] z) {
        try (NDScope scope = new NDScope()) {
            return net.hyperNet().forward(net.hyperInput(z, c.values(), c.channels(), c.height(), c.width()))
                    .toFloatArray();
        }
    }

    /**
     * Every op's 1x1 weight [inputs][outputs] read straight from Y: input channel r of the op is row
     * rowStart + r of Wg, i.e. slice s = row / DN, b = row % DN; output unit u is tile t = u / N_max, row
     * h = (u % N_max) / N, a = u % N; and Wg[row, u] = Y[(t*N + a)*DN + b, h, s].
     */
    private static List<double[]> opWeights(SearchSpaceConfig config, Architecture arch, Encoding c, float[] y) {
        int n = config.n();
        int dn = n * config.depthCompression();
        int nMax = config.nMax();
        int k = c.height();
        int width = c.width();
        int[] first = c.opFirstSlices();
        List<double[]> out = new ArrayList<>();
        int i = 0;
        for (Block b : arch.blocks()) {
            for (Op op : b.ops()) {
                int inputs = op.reads().size() * b.bankSize() * n;
                int outputs = config.bottleneckChannels(inputs, op.width());
                double[] w = new double[inputs * outputs];
                for (int r = 0; r < inputs; r++) {
                    int row = first[i] * dn + r;
                    for (int u = 0; u < outputs; u++) {
                        int ch = ((u / nMax) * n + u % n) * dn + row % dn;
                        w[r * outputs + u] = y[(ch * k + (u % nMax) / n) * width + row / dn];
                    }
                }
                out.add(w);
                i++;
            }
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] / Math.sqrt(na) - b[i] / Math.sqrt(nb);
            d += diff * diff;
        }
        return Math.sqrt(d);
    }

    @Test
    void tileShareAndNoiseChangeMatchFloat64FromRawOutput() {
        SearchSpaceConfig config = Presets.tiny();
        try (OneShotNetwork net = tinyNet()) {
            Architecture arch = arch(config, SEED, 0);
            Encoding c = net.encode(arch);
            float[] y = hyperOutput(net, c, noise(c, SEED, "diagnostics-noise", 0));
            float[] y2 = hyperOutput(net, c, noise(c, SEED, "diagnostics-redraw", 0));
            int channels = net.hyperNet().outChannels();
            int positions = y.length / channels;
            double tile = 0;
            double total = 0;
            for (int ch = 0; ch < channels; ch++) {
                double mean = 0;
                for (int p = 0; p < positions; p++) {
                    mean += y[ch * positions + p] / (double) positions;
                    total += (double) y[ch * positions + p] * y[ch * positions + p];
                }
                tile += positions * mean * mean;
            }
            List<double[]> w = opWeights(config, arch, c, y);
            List<double[]> w2 = opWeights(config, arch, c, y2);
            double noise = 0;
            for (int i = 0; i < w.size(); i++) {
                noise += distance(w.get(i), w2.get(i)) / w.size();
            }
            ConditioningDiagnostics d = ConditioningDiagnostics.compute(net, AnnealingState.finalState(config), SEED,
                    1, null, null);
            assertEquals(tile / total, d.tileShare(), TOL);
            assertEquals(noise, d.noiseChange(), TOL);
            assertTrue(noise > 0, "a fresh z changes the weights of an untrained HyperNet");
        }
    }

    @Test
    void widthShuffleChangeIsTheMeanOverOpsWhoseWidthMoved() {
        SearchSpaceConfig config = Presets.tiny();
        try (OneShotNetwork net = tinyNet()) {
            // The first seed whose architecture has ops of both widths, so that shuffling widths moves some.
            for (long seed = 0; seed < 50; seed++) {
                Architecture arch = arch(config, seed, 0);
                int[] donors = Encoder.corruptionDonors(arch, config, CorruptionKind.WIDTH,
                        RandomStreams.of(seed, "diagnostics-shuffle/width", 0));
                List<Op> ops = arch.blocks().stream().flatMap(b -> b.ops().stream()).toList();
                Encoding c = net.encode(arch);
                float[] z = noise(c, seed, "diagnostics-noise", 0);
                List<double[]> truth = opWeights(config, arch, c, hyperOutput(net, c, z));
                Encoding corrupted = Encoder.encodeCorrupted(arch, config, net.rowMarking(), CorruptionKind.WIDTH,
                        donors);
                List<double[]> shuffled = opWeights(config, arch, c, hyperOutput(net, corrupted, z));
                double sum = 0;
                int moved = 0;
                for (int i = 0; i < ops.size(); i++) {
                    if (ops.get(donors[i]).width() != ops.get(i).width()) {
                        sum += distance(truth.get(i), shuffled.get(i));
                        moved++;
                    }
                }
                Map<String, Double> changes = ConditioningDiagnostics.compute(net, AnnealingState.finalState(config),
                        seed, 1, null, null).shuffleChange();
                if (moved == 0) {
                    assertFalse(changes.containsKey("width"), "no op moved: the kind is left out");
                    continue;
                }
                assertEquals(sum / moved, changes.get("width"), TOL);
                return;
            }
            throw new AssertionError("no seed gave an architecture with ops of different widths");
        }
    }

    @Test
    void unchangedEncodingChangesNothingAndMovesNoOp() {
        SearchSpaceConfig config = Presets.tiny();
        try (OneShotNetwork net = tinyNet()) {
            Architecture arch = arch(config, SEED, 0);
            Encoding c = net.encode(arch);
            float[] z = noise(c, SEED, "diagnostics-noise", 0);
            double[] same = ConditioningPass.opWeightDistances(net, arch, c, z, c, z);
            assertArrayEquals(new double[arch.opCount()], same, 1e-6);
            int[] identity = java.util.stream.IntStream.range(0, arch.opCount()).toArray();
            for (CorruptionKind kind : CorruptionKind.values()) {
                if (kind.appliesTo(new org.smash4j.encoding.EncodingLayout(config))) {
                    assertTrue(Double.isNaN(ConditioningPass.shuffleChange(net, arch, c, z, kind, identity)),
                            kind + ": identity donors move no op, so the kind is skipped");
                }
            }
        }
    }

    @Test
    void amplitudeIsTheMeanRmsRatioOfTheOps() {
        SearchSpaceConfig config = Presets.tiny();
        ConditioningDiagnostics.Probe probe = probe(config, 6);
        try (OneShotNetwork net = tinyNet()) {
            Architecture arch = arch(config, SEED, 0);
            Encoding c = net.encode(arch);
            List<Double> ratios = new ArrayList<>();
            net.optOpObserver((block, op, in, out) -> ratios.add(rms(out.toFloatArray()) / rms(in.toFloatArray())));
            try (NDScope scope = new NDScope()) {
                NDArray x = net.parameters().manager().create(probe.pixels(), new Shape(6, config.inChannels(),
                        config.resolution(), config.resolution()));
                net.forward(x, arch, net.generateWeights(c, noise(c, SEED, "diagnostics-noise", 0)), false);
            }
            net.optOpObserver(null);
            assertEquals(arch.opCount(), ratios.size(), "one observation per op");
            double expected = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            ConditioningDiagnostics d = ConditioningDiagnostics.compute(net, AnnealingState.finalState(config), SEED,
                    1, null, probe);
            assertEquals(expected, d.opToInputAmplitude(), TOL);
        }
    }

    private static double rms(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s / a.length);
    }

    private static ConditioningDiagnostics.Probe probe(SearchSpaceConfig config, int images) {
        SplittableRandom rng = new SplittableRandom(3);
        int r = config.resolution();
        float[] px = new float[images * config.inChannels() * r * r];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextGaussian();
        }
        return new ConditioningDiagnostics.Probe(px, images, config.inChannels(), r, r);
    }

    @Test
    void sameSeedSameDiagnosticsAndTheNetworkIsUntouched() {
        SearchSpaceConfig config = Presets.tiny();
        try (OneShotNetwork net = tinyNet(); Adam adam = new Adam(net.parameters(), Adam.Settings.smash())) {
            double before = checksum(net.parameters());
            ConditioningDiagnostics.Probe probe = probe(config, 4);
            ConditioningDiagnostics a = ConditioningDiagnostics.compute(net, AnnealingState.finalState(config), SEED,
                    2, adam, probe);
            ConditioningDiagnostics b = ConditioningDiagnostics.compute(net, AnnealingState.finalState(config), SEED,
                    2, adam, probe);
            assertEquals(a, b);
            assertEquals(before, checksum(net.parameters()), 0.0, "weights and BN statistics unchanged");
            Map<String, Double> m = a.toMap();
            assertTrue(m.keySet().stream().allMatch(ConditioningDiagnostics::isMetric), m.toString());
            assertTrue(m.keySet().containsAll(List.of("tileShare", "noiseChange", "opToInputAmplitude")), m.toString());
            assertFalse(m.containsKey("epsLimitedHyperNet"), "no Adam step yet: left out");
            assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("shuffle.")), m.toString());
        }
    }

    @Test
    void trainingRecordsThemTheCommandReproducesThemAndTheReportPlotsThem(@TempDir Path tmp) throws Exception {
        TrainingFixtures.assumeFashionMnist();
        // 300 images -> 270 training (6 batches of 50) and 30 validation images; 2 epochs of 6 steps.
        OneShotRunConfig config = TrainingFixtures.oneShot(TrainingFixtures.fashion(300, 50), 2, 0, 1e-3);
        Path smash = tmp.resolve("run").resolve("smash");
        OneShotTraining.start(smash, config, new PrintStream(new ByteArrayOutputStream()));
        List<JsonNode> epochs = RunFolder.open(smash).readLines(RunFiles.METRICS).stream()
                .filter(n -> n.path("type").asText().equals("epoch")).toList();
        assertEquals(2, epochs.size());
        for (JsonNode e : epochs) {
            for (String name : List.of("tileShare", "noiseChange", "epsLimitedHyperNet", "epsLimitedOther",
                    "opToInputAmplitude")) {
                assertTrue(e.path(name).isNumber(), name + " in " + e);
            }
        }
        // At the end the annealing state is final and the checkpoint holds the weights and Adam state the last
        // epoch's diagnostics saw, so the command with the run's seed gives the same numbers.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.commandLine().execute("diagnose", smash.toString(), "--json");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, rc);
        JsonNode printed = Json.LINE.readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode last = epochs.get(1);
        List<String> names = new ArrayList<>();
        printed.fieldNames().forEachRemaining(names::add);
        assertTrue(names.contains("shuffle.width"), names.toString());
        for (String name : names) {
            assertEquals(last.get(name).asDouble(), printed.get(name).asDouble(), 1e-9, name);
        }
        ReportWriter.write(tmp.resolve("run"));
        assertTrue(Files.isRegularFile(tmp.resolve("run").resolve(RunFiles.REPORT_DIR)
                .resolve(RunFiles.PLOTS_DIR).resolve("oneshot-conditioning.png")));
    }

    private static double checksum(Parameters p) {
        double s = 0;
        try (NDScope scope = new NDScope()) {
            for (NDArray a : p.trainable().values()) {
                s += a.toType(DataType.FLOAT64, true).abs().sum().getDouble();
            }
            for (NDArray a : p.buffers().values()) {
                s += a.toType(DataType.FLOAT64, true).abs().sum().getDouble();
            }
        }
        return s;
    }
}
