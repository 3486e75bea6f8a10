package org.smash4j.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.smash4j.space.Annealing;
import org.smash4j.space.Architecture;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weight-sharing network: room for every architecture's 1x1 weights, and the parts a forward pass reads. */
class WeightSharingTest {
    /**
     * Samples architectures over the whole annealing schedule (budgets grow during it) and checks that each one's
     * Wg fits in the stored rows, and that each block's largest samples come within a slice of its budget (so the
     * bound, the sum of the block budgets, is not loose; the sampler's budget fraction stays below 1, while
     * perturbations, which draw against the full budget, and the validator allow the budget itself).
     */
    @Test
    void storedRowsHoldEverySampledArchitecture() {
        for (SearchSpaceConfig config : new SearchSpaceConfig[] {Presets.tiny(), Presets.quick(), Presets.paper()}) {
            int rows = StoredWeights.rows(config);
            int sliceRows = config.geometry().sliceChannels();
            Sampler sampler = new Sampler(config);
            Annealing annealing = new Annealing(config, 1000);
            int[] mostPerBlock = new int[SearchSpaceConfig.BLOCKS];
            for (int i = 0; i < 1500; i++) {
                Architecture a = sampler.sample(annealing.at(i % 1000), new SplittableRandom(i));
                int needed = (a.usedSlices(config) + 1) * sliceRows;
                assertTrue(needed <= rows, needed + " rows needed, " + rows + " stored");
                for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
                    int slices = a.blocks().get(b).ops().stream().mapToInt(op -> op.reads().size()).sum()
                            * a.blocks().get(b).bankSize() / config.depthCompression();
                    mostPerBlock[b] = Math.max(mostPerBlock[b], slices);
                }
            }
            int budgets = 0;
            for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
                int budget = config.geometry().budgetSlices(b);
                budgets += budget;
                assertTrue(budget - mostPerBlock[b] <= Math.max(1, budget / 10), "block " + b + ": " + mostPerBlock[b]
                        + " of " + budget + " slices");
            }
            assertEquals((budgets + 1) * sliceRows, rows);
        }
    }

    @Test
    void aWeightSharingNetworkHasNoHyperNet() {
        try (OneShotNetwork net = OneShotNetwork.weightSharing(Presets.tiny(), Placement.cpu(), 0)) {
            assertTrue(net.storesWeights());
            assertThrows(IllegalStateException.class, net::hyperNet);
            assertFalse(net.parameters().trainable().keySet().stream().anyMatch(n -> n.startsWith("hyper.")));
            assertEquals(StoredWeights.rows(Presets.tiny()),
                    net.parameters().get(StoredWeights.NAME).getShape().get(0));
        }
    }

    /**
     * The used parts a training forward records are exactly where the loss can reach: every stored 1x1 weight with a
     * non-zero gradient was recorded and every recorded one has a gradient (1x1 slices feed the loss everywhere), and
     * no tensor has a gradient outside its recorded parts.
     */
    @Test
    void usedPartsAreWhereTheLossHasGradients() {
        SearchSpaceConfig config = Presets.tiny();
        Architecture arch = TestArchitectures.tinySingle();
        Placement p = new Placement(Device.cpu(), DataType.FLOAT64);
        UsedParts used = new UsedParts();
        try (OneShotNetwork net = OneShotNetwork.weightSharing(config, p, 3).optUsedParts(used);
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = NetworkFixture.images(m, config, 4, DataType.FLOAT64, 5);
            NDArray y = NetworkFixture.labels(m, config, 4, 6);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Loss.crossEntropy(net.forward(x, arch, net.weightsFor(arch, null), true), y));
            }
            for (var e : net.parameters().trainable().entrySet()) {
                double[] grad = e.getValue().getGradient().toDoubleArray();
                NDArray maskArray = used.mask(e.getKey(), e.getValue());
                double[] mask = maskArray == null ? null : maskArray.toDoubleArray();
                for (int i = 0; i < grad.length; i++) {
                    boolean recorded = used.usedWhole(e.getKey()) || mask != null && mask[i] == 1;
                    if (grad[i] != 0) {
                        assertTrue(recorded, e.getKey() + "[" + i + "] has a gradient but was not recorded");
                    }
                    if (e.getKey().equals(StoredWeights.NAME)) {
                        assertEquals(recorded, grad[i] != 0, "stored weight " + i);
                    }
                }
            }
            assertTrue(used.used("block2.W0") && !used.usedWhole(StoredWeights.NAME));
        }
    }
}
