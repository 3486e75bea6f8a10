package org.smash4j.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.smash4j.space.Architecture;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Searched == trained": the one-shot network with generated weights and the stand-alone network of the same
 * architecture with those weights copied in compute the same function, so the network the search scores is the
 * network that gets trained (the original's bug 1 broke this). The same holds for a weight-sharing network: an
 * architecture's sub-network of the shared network, with its slices of the stored 1x1 weights, is the stand-alone
 * network with those weights copied in.
 */
class SearchedEqualsTrainedTest {
    @Test
    void singleConvSpaceInEvalAndTrainingMode() {
        compare(Presets.tiny(), TestArchitectures.tinySingle());
    }

    @Test
    void varOpSpace() {
        compare(TestArchitectures.tinyVarOp(), TestArchitectures.tinyVarOpArch());
    }

    @Test
    void weightSharingSubNetworkEqualsStandalone() {
        compare(Presets.tiny(), TestArchitectures.tinySingle(), true);
        compare(TestArchitectures.tinyVarOp(), TestArchitectures.tinyVarOpArch(), true);
    }

    /**
     * The same on 8x8x8 voxel grids: 3-D convs (non-square specs become kh x kh x kw, dilated and grouped), 2x2x2
     * pooling and the 1x1x1 generated weights, through the same executor.
     */
    @Test
    void voxelSpace() {
        SearchSpaceConfig voxels = Presets.tiny().toBuilder().optSpatialDims(3).build();
        compare(voxels, TestArchitectures.tinySingle());
        compare(voxels, TestArchitectures.tinySingle(), true);
        compare(TestArchitectures.tinyVarOp().toBuilder().optSpatialDims(3).build(),
                TestArchitectures.tinyVarOpArch());
    }

    private void compare(SearchSpaceConfig config, Architecture arch) {
        compare(config, arch, false);
    }

    private void compare(SearchSpaceConfig config, Architecture arch, boolean weightSharing) {
        Placement p = new Placement(Device.cpu(), DataType.FLOAT64);
        try (OneShotNetwork oneShot = weightSharing ? OneShotNetwork.weightSharing(config, p, 1)
                : new OneShotNetwork(config, NetworkFixture.ENCODING_CHANNELS, HyperNetShape.standard(), p, 1);
                StandaloneNetwork standalone = new StandaloneNetwork(config, arch, NormStyle.WEIGHT_NORM, p, 2);
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = NetworkFixture.images(m, config, 5, DataType.FLOAT64, 3);
            NDArray wg = weightSharing ? oneShot.weightsFor(arch, null) : NetworkFixture.weights(oneShot, arch, 4);
            // Before copying the outputs differ (different weights), so equality below is not an accident.
            NDArray before = standalone.forward(x, false);
            standalone.copyFrom(oneShot, wg);
            for (boolean training : new boolean[] {false, true}) {
                double[] expected = oneShot.forward(x, arch, wg, training).toDoubleArray();
                double[] actual = standalone.forward(x, training).toDoubleArray();
                assertEquals(5L * config.numClasses(), expected.length);
                assertArrayEquals(expected, actual, 1e-9 * (1 + maxAbs(expected)), "training=" + training);
            }
            double[] b = before.toDoubleArray();
            double[] e = oneShot.forward(x, arch, wg, false).toDoubleArray();
            double diff = 0;
            for (int i = 0; i < b.length; i++) {
                diff = Math.max(diff, Math.abs(b[i] - e[i]));
            }
            assertTrue(diff > 1e-6, "networks agreed even before the weights were copied");
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
