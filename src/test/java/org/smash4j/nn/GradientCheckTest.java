package org.smash4j.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.smash4j.space.Architecture;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autograd against float64 central finite differences for a tiny one-shot network: HyperNet weights, shared
 * sliced conv weights, transition BN and head FC parameters. A wrong slice, a wrong weight-normalisation or a
 * broken reindexing of the generated weights would show up here as a gradient mismatch.
 */
class GradientCheckTest {
    private static final double H = 1e-6;

    @Test
    void singleConvSpace() {
        check(Presets.tiny(), TestArchitectures.tinySingle(),
                List.of("hyper.stem", "hyper.block1.layer3", "hyper.output", "block0.W0", "block2.W0",
                        "transition1.bn.gamma", "transition0.w", "head.fc.w", "stem.w"));
    }

    @Test
    void varOpSpaceCoversAllFourSharedConvs() {
        check(TestArchitectures.tinyVarOp(), TestArchitectures.tinyVarOpArch(),
                List.of("hyper.block0.layer0", "block0.W1", "block0.W3", "block1.W2", "block2.W1", "head.bn.beta",
                        "head.fc.b"));
    }

    /** The same network on 8x8x8 voxel grids (3-D convs, pools and 1x1x1 generated weights). */
    @Test
    void voxelSpace() {
        check(Presets.tiny().toBuilder().optSpatialDims(3).build(), TestArchitectures.tinySingle(),
                List.of("hyper.stem", "hyper.output", "block0.W0", "block1.W0", "transition0.w", "head.fc.w",
                        "stem.w"));
    }

    private void check(SearchSpaceConfig config, Architecture arch, List<String> names) {
        Placement p = new Placement(ai.djl.Device.cpu(), DataType.FLOAT64);
        try (OneShotNetwork net = new OneShotNetwork(config, NetworkFixture.ENCODING_CHANNELS,
                HyperNetShape.standard(), p, 7); NDManager m = NDManager.newBaseManager()) {
            NDArray x = NetworkFixture.images(m, config, 4, DataType.FLOAT64, 1);
            NDArray y = NetworkFixture.labels(m, config, 4, 2);
            net.parameters().zeroGradients();
            try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss(net, arch, x, y));
            }
            SplittableRandom rng = new SplittableRandom(3);
            int checked = 0;
            for (String name : names) {
                NDArray param = net.parameters().get(name);
                double[] grad = param.getGradient().toDoubleArray();
                // Probe the coordinates with the largest gradients plus random ones.
                int[] coords = {argMaxAbs(grad), rng.nextInt(grad.length), rng.nextInt(grad.length)};
                for (int i : coords) {
                    double numeric = numericGradient(net, arch, x, y, param, i);
                    double err = Math.abs(numeric - grad[i]);
                    double scale = Math.max(Math.abs(numeric), Math.abs(grad[i]));
                    assertTrue(err <= 1e-4 * scale + 1e-9, name + "[" + i + "]: autograd " + grad[i]
                            + " vs finite difference " + numeric);
                    checked += scale > 1e-7 ? 1 : 0;
                }
            }
            assertTrue(checked >= names.size(), "too few non-zero gradients were compared: " + checked);
        }
    }

    private static NDArray loss(OneShotNetwork net, Architecture arch, NDArray x, NDArray y) {
        NDArray wg = NetworkFixture.weights(net, arch, 11);
        return Loss.crossEntropy(net.forward(x, arch, wg, true), y);
    }

    private static double numericGradient(OneShotNetwork net, Architecture arch, NDArray x, NDArray y,
            NDArray param, int index) {
        double[] values = param.toDoubleArray();
        double original = values[index];
        double[] losses = new double[2];
        for (int s = 0; s < 2; s++) {
            values[index] = original + (s == 0 ? H : -H);
            set(param, values);
            try (NDScope scope = new NDScope()) {
                losses[s] = loss(net, arch, x, y).getDouble();
            }
        }
        values[index] = original;
        set(param, values);
        return (losses[0] - losses[1]) / (2 * H);
    }

    private static void set(NDArray param, double[] values) {
        try (NDArray v = param.getManager().create(values, param.getShape())) {
            param.set(new ai.djl.ndarray.index.NDIndex("..."), v);
        }
    }

    private static int argMaxAbs(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }
}
