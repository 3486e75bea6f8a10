package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.nn.TestArchitectures.op;

/** Path dropout: its schedule, the masks' guarantee and drop rates, and the executor applying a mask. */
class PathDropoutTest {
    @Test
    void rateRisesLinearlyFromZeroToTheFinalRateOverTheRamp() {
        PathDropout whole = new PathDropout(0.2, 1.0);
        assertEquals(0.0, whole.rateAt(0, 101));
        assertEquals(0.1, whole.rateAt(50, 101), 1e-12);
        assertEquals(0.2, whole.rateAt(100, 101), 1e-12);
        PathDropout half = new PathDropout(0.2, 0.5);
        assertEquals(0.1, half.rateAt(25, 101), 1e-12);
        assertEquals(0.2, half.rateAt(50, 101), 1e-12);
        assertEquals(0.2, half.rateAt(90, 101), 1e-12);
        assertEquals(0.0, PathDropout.off().rateAt(90, 101));
    }

    /**
     * Replays every sampled block with its mask as the executor does and checks, at every read of a bank by an op and
     * at the block output (which reads every bank), that the bank holds at least one contribution: its block input
     * chunk or a kept write. High rates make forced keeps frequent; the drop count shows the masks do drop.
     */
    @Test
    void everyReadBankKeepsAContribution() {
        for (SearchSpaceConfig config : List.of(Presets.tiny(), Presets.quick())) {
            Sampler sampler = new Sampler(config);
            int dropped = 0;
            int writes = 0;
            for (int i = 0; i < 400; i++) {
                SplittableRandom rng = new SplittableRandom(i);
                Architecture arch = sampler.sample(AnnealingState.finalState(config), rng);
                double rate = i % 2 == 0 ? 0.95 : 0.5;
                PathMask[] masks = PathMask.draw(arch, config, rate, rng);
                for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
                    Block block = arch.blocks().get(b);
                    int inputBanks = config.geometry().blockInput(b) / (block.bankSize() * config.n());
                    int banks = MemoryBankExecutor.bankCount(block, config.geometry().blockInput(b), config.n());
                    int[] contributions = new int[banks];
                    for (int w = 0; w < inputBanks; w++) {
                        contributions[w] = 1;
                    }
                    for (int o = 0; o < block.ops().size(); o++) {
                        Op op = block.ops().get(o);
                        if (masks[b].runs(o)) {
                            for (int r : op.reads()) {
                                assertTrue(contributions[r] > 0, "op " + o + " of block " + b + " reads empty bank "
                                        + r + " in architecture " + i);
                            }
                        }
                        for (int j = 0; j < op.writes().size(); j++) {
                            writes++;
                            if (masks[b].keeps(o, j)) {
                                contributions[op.writes().get(j)]++;
                            } else {
                                dropped++;
                            }
                        }
                    }
                    for (int w = 0; w < banks; w++) {
                        assertTrue(contributions[w] > 0, "block output reads empty bank " + w + " in " + i);
                    }
                }
            }
            assertTrue(dropped > writes / 5, "only " + dropped + " of " + writes + " writes dropped");
        }
    }

    @Test
    void rateZeroKeepsEveryPath() {
        SearchSpaceConfig config = Presets.quick();
        Architecture arch = new Sampler(config).sample(AnnealingState.finalState(config), new SplittableRandom(3));
        for (PathMask m : PathMask.draw(arch, config, 0, new SplittableRandom(4))) {
            assertEquals(0, m.droppedCount());
        }
    }

    /**
     * Writes into a bank that holds the block input are never forced back, so each of its k writers is dropped with
     * probability r^(1/k) and all k together with probability r (Bender et al.'s rule).
     */
    @Test
    void writesIntoAnInputBankAreDroppedWithProbabilityRToTheOneOverK() {
        Block block = new Block(1, List.of(
                op(List.of(0), List.of(0), 1, ConvSpec.plain3x3()),
                op(List.of(0), List.of(0), 1, ConvSpec.plain3x3())));
        double rate = 0.3;
        int draws = 40_000;
        int first = 0;
        int both = 0;
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < draws; i++) {
            PathMask m = PathMask.draw(block, 1, rate, rng);
            first += m.keeps(0, 0) ? 0 : 1;
            both += m.droppedCount() == 2 ? 1 : 0;
        }
        assertEquals(Math.sqrt(rate), (double) first / draws, 0.01);
        assertEquals(rate, (double) both / draws, 0.01);
    }

    /** The executor adds only kept writes and does not compute an op whose writes are all dropped. */
    @Test
    void executorAddsOnlyKeptWritesAndSkipsDroppedOps() {
        // Bank size 1, N = 1, one input bank; op 0 writes banks 1 and 2 (width 2, two chunks), op 1 writes bank 0.
        Block block = new Block(1, List.of(
                op(List.of(0), List.of(1, 2), 2, ConvSpec.plain3x3()),
                op(List.of(0), List.of(0), 1, ConvSpec.plain3x3())));
        MemoryBankExecutor executor = new MemoryBankExecutor(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray input = m.create(new double[] {100}, new Shape(1, 1, 1, 1));
            List<Integer> computed = new ArrayList<>();
            MemoryBankExecutor.OpBody body = (o, op, in) -> {
                computed.add(o);
                // chunk c of op o is (o + 1) * 10^c, so every kept write is visible in the sums
                double[] v = new double[op.width()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = (o + 1) * Math.pow(10, c);
                }
                return m.create(v, new Shape(1, v.length, 1, 1));
            };
            double[] out = executor.run(block, input, body, maskDroppingOp1(block)).toDoubleArray();
            assertArrayEquals(new double[] {100, 1, 10}, out, 0, "bank 0 keeps only the input");
            assertEquals(List.of(0), computed, "op 1 has no kept write and must not run");
            computed.clear();
            out = executor.run(block, input, body, PathMask.keepAll(block)).toDoubleArray();
            assertArrayEquals(new double[] {102, 1, 10}, out, 0);
            assertEquals(List.of(0, 1), computed);
        }
    }

    /**
     * At rate 0.99 nearly every draw drops op 1's only write (into the input bank 0, so nothing forces it back) while
     * op 0's writes, the only ones into banks 1 and 2, are forced back because the block output reads those banks.
     */
    private static PathMask maskDroppingOp1(Block block) {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            PathMask m = PathMask.draw(block, 1, 0.99, rng);
            assertTrue(m.keeps(0, 0) && m.keeps(0, 1), "the only writes into banks 1 and 2 must be kept");
            if (!m.runs(1)) {
                return m;
            }
        }
        throw new AssertionError("op 1 was never dropped at rate 0.99");
    }
}
