package org.smash4j.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.Noise;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.Loss;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dE/dc against float64 central finite differences of the same loss, and the first-order prediction by hand. */
class EncodingGradientTest {
    @Test
    void gradientWithRespectToTheEncodingMatchesFiniteDifferences() {
        SearchSpaceConfig space = Presets.tiny().toBuilder().optInChannels(1).optResolution(28).optNumClasses(10)
                .build();
        Placement p = new Placement(ai.djl.Device.cpu(), DataType.FLOAT64);
        SplittableRandom rng = new SplittableRandom(5);
        byte[] pixels = new byte[8 * 28 * 28];
        int[] labels = new int[8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(10);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("c" + i);
        }
        ImageDataset data = ImageDataset.of("synthetic", 1, 28, 28, pixels, labels, names);
        Normalization norm = Normalization.of(new double[]{0.5}, new double[]{0.25});
        Architecture arch = new Sampler(space).sample(AnnealingState.finalState(space), RandomStreams.of(1, "a", 0));
        Encoding c = Encoder.encode(arch, space);
        float[] z = Noise.draw(c.height(), c.width(), RandomStreams.of(1, "z", 0));
        try (OneShotNetwork net = new OneShotNetwork(space, HyperNetShape.standard(), p, 3)) {
            float[] g = new EncodingGradient(net, data, norm, p, 2, 4).of(arch, c, z);
            assertEquals(c.values().length, g.length);
            int[] coords = {argMaxAbs(g), rng.nextInt(g.length), rng.nextInt(g.length), rng.nextInt(g.length)};
            for (int i : coords) {
                double h = 1e-3;
                float[] plus = c.values().clone();
                float[] minus = c.values().clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                double step = (double) plus[i] - minus[i];
                double numeric = (loss(net, arch, data, norm, plus, c, z) - loss(net, arch, data, norm, minus, c, z))
                        / step;
                double err = Math.abs(numeric - g[i]);
                assertTrue(err <= 1e-4 * Math.max(1e-3, Math.abs(numeric)) + 1e-7,
                        "coordinate " + i + ": autograd " + g[i] + " vs finite differences " + numeric);
            }
            assertTrue(Math.abs(g[argMaxAbs(g)]) > 0, "the loss depends on c");
        }
    }

    @Test
    void predictedChangeIsTheDotProductWithOffPaddingBeyondTheNarrowerGrid() {
        // 1 channel, 1 row: c is 3 wide, the other 2 wide (its third cell reads as -1).
        Encoding c = new Encoding(1, 1, 3, new float[]{1, -1, 1}, new int[]{0});
        Encoding other = new Encoding(1, 1, 2, new float[]{-1, -1}, new int[]{0});
        float[] g = {0.5f, 2f, -3f};
        // 0.5*(-1-1) + 2*(-1+1) + -3*(-1-1) = -1 + 0 + 6
        assertEquals(5.0, EncodingGradient.predictedChange(g, c, other), 1e-12);
    }

    /** The same loss EncodingGradient differentiates: mean CE over the first two batches of 4, eval mode. */
    private static double loss(OneShotNetwork net, Architecture arch, ImageDataset data, Normalization norm,
            float[] values, Encoding c, float[] z) {
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            NDArray wg = net.generateWeights(z, values, c.channels(), c.height(), c.width());
            double total = 0;
            try (var stream = org.smash4j.data.EvaluationBatches.of(data, norm, 4)) {
                for (int b = 0; b < 2; b++) {
                    var batch = stream.next();
                    NDArray x = m.create(batch.pixelBuffer(), new Shape(batch.shape())).toType(DataType.FLOAT64,
                            false);
                    total += Loss.crossEntropy(net.forward(x, arch, wg, false), m.create(batch.labels()))
                            .toType(DataType.FLOAT64, false).getDouble();
                }
            }
            return total / 2;
        }
    }

    private static int argMaxAbs(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }
}
