package org.smash4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smash4j.nn.TestArchitectures.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;

/**
 * The memory-bank executor on voxel grids (NCDHW): the hand-built ResNet, DenseNet and FractalNet blocks of
 * {@link MemoryBankExecutorTest} with 3-D op modules (1x1x1 conv, ReLU, ReLU, 3x3x1 conv: a non-cubic window, so
 * the depth axis must follow the height's size). The executor is the 2-D one; only the tensors' rank differs.
 */
class MemoryBankExecutor3dTest {
    private static final int N = 4;
    private static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static NDArray input(int channels, long seed) {
        return OpModules.gaussian(manager, new Shape(2, channels, 4, 5, 3), new SplittableRandom(seed));
    }

    private static Op plain(List<Integer> reads, List<Integer> writes, int g) {
        return op(reads, writes, g, new ConvSpec(3, 1, 1, 1, 1));
    }

    @Test
    void resNetBlockIsResidualChain() {
        List<Op> ops = List.of(plain(List.of(0), List.of(0), 4), plain(List.of(0), List.of(0), 4),
                plain(List.of(0), List.of(0), 4));
        OpModules f = new OpModules(manager, ops, 4, N, 3, 3, 1, 1);
        NDArray x = input(16, 2);
        NDArray y = x;
        for (int t = 0; t < 3; t++) {
            y = y.add(f.f(t, y));
        }
        assertEquals(new Shape(2, 16, 4, 5, 3), f.f(0, x).getShape(), "the conv keeps the grid's size");
        OpModules.assertClose(y, new MemoryBankExecutor(N).run(new Block(4, ops), x, f));
    }

    @Test
    void denseNetBlockConcatenatesEveryLayer() {
        List<Op> ops = List.of(plain(List.of(0, 1), List.of(2), 2), plain(List.of(0, 1, 2), List.of(3), 2),
                plain(List.of(0, 1, 2, 3), List.of(4), 2));
        OpModules f = new OpModules(manager, ops, 2, N, 3, 3, 1, 3);
        NDArray x = input(16, 4);
        NDArray features = x;
        for (int t = 0; t < 3; t++) {
            features = features.concat(f.f(t, features), 1);
        }
        NDArray out = new MemoryBankExecutor(N).run(new Block(2, ops), x, f);
        assertEquals(new Shape(2, 40, 4, 5, 3), out.getShape());
        OpModules.assertClose(features, out);
    }

    @Test
    void fractalNetTwoColumnsSumJoin() {
        List<Op> ops = List.of(plain(List.of(0), List.of(1), 4), plain(List.of(0), List.of(2), 4),
                plain(List.of(1), List.of(2), 4));
        OpModules f = new OpModules(manager, ops, 4, N, 3, 3, 1, 5);
        NDArray x = input(16, 6);
        NDArray fa = f.f(0, x);
        NDArray fractal = f.f(2, fa).add(f.f(1, x));
        OpModules.assertClose(x.concat(fa, 1).concat(fractal, 1), new MemoryBankExecutor(N).run(new Block(4, ops), x, f));
    }

    @Test
    void leftoverInputChannelsAreDroppedAndPoolingHalvesEveryAxis() {
        List<Op> ops = List.of(plain(List.of(0, 1), List.of(2), 2));
        OpModules f = new OpModules(manager, ops, 2, N, 3, 3, 1, 7);
        NDArray x = input(20, 8);
        NDArray kept = Layers.channels(x, 0, 16);
        NDArray out = new MemoryBankExecutor(N).run(new Block(2, ops), x, f);
        OpModules.assertClose(kept.concat(f.f(0, kept), 1), out);
        assertEquals(new Shape(2, 24, 2, 2, 1), Layers.avgPool2(out).getShape());
        assertEquals(new Shape(2, 24), Layers.globalAvgPool(out).getShape());
        assertArrayEquals(out.reshape(2, 24, -1).mean(new int[] {2}).toDoubleArray(),
                Layers.globalAvgPool(out).toDoubleArray(), 1e-12);
    }
}
