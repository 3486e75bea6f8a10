package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smash4j.nn.TestArchitectures.op;

/**
 * The memory-bank executor against ResNet, DenseNet and FractalNet blocks built by hand from the same op
 * modules and weights (spec section 10). N = 8; each F_t is 1x1 conv, ReLU, ReLU, 3x3 conv with its own weights.
 */
class MemoryBankExecutorTest {
    private static final int N = 8;
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
        return OpModules.gaussian(manager, new Shape(2, channels, 6, 6), new SplittableRandom(seed));
    }

    private static Op plain(List<Integer> reads, List<Integer> writes, int g) {
        return op(reads, writes, g, ConvSpec.plain3x3());
    }

    @Test
    void resNetBlockIsResidualChain() {
        // bs = 8: one 64-channel bank, so bank 0 = x and each op adds F_t(y) to it.
        List<Op> ops = List.of(plain(List.of(0), List.of(0), 8), plain(List.of(0), List.of(0), 8),
                plain(List.of(0), List.of(0), 8), plain(List.of(0), List.of(0), 8));
        Block block = new Block(8, ops);
        OpModules f = new OpModules(manager, ops, 8, N, 2, 3, 3, 1);
        NDArray x = input(64, 2);
        NDArray y = x;
        for (int t = 0; t < 4; t++) {
            y = y.add(f.f(t, y));
        }
        OpModules.assertClose(y, new MemoryBankExecutor(N).run(block, x, f));
    }

    @Test
    void resNetChunkMappingGivesEachBankItsChunk() {
        // bs = 4: banks 0 and 1 hold x[0:32] and x[32:64]; G = 8 gives two chunks, chunk j to the j-th write.
        List<Op> ops = List.of(plain(List.of(0, 1), List.of(0, 1), 8));
        OpModules f = new OpModules(manager, ops, 4, N, 2, 3, 3, 3);
        NDArray x = input(64, 4);
        NDArray expected = x.add(f.f(0, x));
        OpModules.assertClose(expected, new MemoryBankExecutor(N).run(new Block(4, ops), x, f));
    }

    @Test
    void resNetWrapGivesBothBanksTheSameChunk() {
        // G = 4: a single 32-channel chunk written to both banks, so y <- y + [F(y); F(y)].
        List<Op> ops = List.of(plain(List.of(0, 1), List.of(0, 1), 4));
        OpModules f = new OpModules(manager, ops, 4, N, 2, 3, 3, 5);
        NDArray x = input(64, 6);
        NDArray fx = f.f(0, x);
        NDArray expected = x.add(fx.concat(fx, 1));
        OpModules.assertClose(expected, new MemoryBankExecutor(N).run(new Block(4, ops), x, f));
    }

    @Test
    void denseNetBlockConcatenatesEveryLayer() {
        // bs = 2: x fills banks 0-3 (16 channels each); each op reads every written bank and allocates a new one.
        List<Op> ops = List.of(plain(List.of(0, 1, 2, 3), List.of(4), 2),
                plain(List.of(0, 1, 2, 3, 4), List.of(5), 2),
                plain(List.of(0, 1, 2, 3, 4, 5), List.of(6), 2),
                plain(List.of(0, 1, 2, 3, 4, 5, 6), List.of(7), 2));
        OpModules f = new OpModules(manager, ops, 2, N, 2, 3, 3, 7);
        NDArray x = input(64, 8);
        NDArray features = x;
        for (int t = 0; t < 4; t++) {
            features = features.concat(f.f(t, features), 1);
        }
        NDArray out = new MemoryBankExecutor(N).run(new Block(2, ops), x, f);
        assertEquals(new Shape(2, 128, 6, 6), out.getShape());
        OpModules.assertClose(features, out);
    }

    @Test
    void fractalNetTwoColumnsSumJoin() {
        // f2(x) = F_b(F_a(x)) + F_c(x), in execution order a, c, b: bank 2 holds the fractal output.
        List<Op> ops = List.of(plain(List.of(0), List.of(1), 4), plain(List.of(0), List.of(2), 4),
                plain(List.of(1), List.of(2), 4));
        OpModules f = new OpModules(manager, ops, 4, N, 2, 3, 3, 9);
        NDArray x = input(32, 10);
        NDArray fa = f.f(0, x);
        NDArray fractal = f.f(2, fa).add(f.f(1, x));
        NDArray out = new MemoryBankExecutor(N).run(new Block(4, ops), x, f);
        // The block output is every bank: x, F_a(x) and the fractal output.
        OpModules.assertClose(x.concat(fa, 1).concat(fractal, 1), out);
    }

    @Test
    void fractalNetThreeColumnsSumJoin() {
        // f3(x) = f2'(f2(x)) + F_4(x); ops F_1..F_7 in execution order (spec section 10).
        List<Op> ops = List.of(plain(List.of(0), List.of(1), 4), plain(List.of(0), List.of(2), 4),
                plain(List.of(1), List.of(2), 4), plain(List.of(0), List.of(3), 4),
                plain(List.of(2), List.of(4), 4), plain(List.of(2), List.of(3), 4),
                plain(List.of(4), List.of(3), 4));
        OpModules f = new OpModules(manager, ops, 4, N, 2, 3, 3, 11);
        NDArray x = input(32, 12);
        NDArray f1 = f.f(0, x);
        NDArray z1 = f.f(1, x).add(f.f(2, f1));
        NDArray f5 = f.f(4, z1);
        NDArray fractal = f.f(3, x).add(f.f(5, z1)).add(f.f(6, f5));
        NDArray out = new MemoryBankExecutor(N).run(new Block(4, ops), x, f);
        OpModules.assertClose(x.concat(f1, 1).concat(z1, 1).concat(fractal, 1).concat(f5, 1), out);
    }

    @Test
    void leftoverInputChannelsAreDropped() {
        // 40 input channels with 16-channel banks: banks 0 and 1, the last 8 channels are dropped (spec 1.4).
        List<Op> ops = List.of(plain(List.of(0, 1), List.of(2), 2));
        OpModules f = new OpModules(manager, ops, 2, N, 2, 3, 3, 13);
        NDArray x = input(40, 14);
        NDArray kept = Layers.channels(x, 0, 32);
        NDArray expected = kept.concat(f.f(0, kept), 1);
        OpModules.assertClose(expected, new MemoryBankExecutor(N).run(new Block(2, ops), x, f));
    }
}
