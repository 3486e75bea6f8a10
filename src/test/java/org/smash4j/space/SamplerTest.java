package org.smash4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smash4j.util.RandomStreams;

/** The sampler against the validity rules and the probability laws of spec 2.1-2.2. */
class SamplerTest {
    private static final int SAMPLES = 10_000;

    /**
     * Per preset, by hand from spec 1.2/2.1: the full block budgets F = floor(nch/(N*D)) are tiny 4, 7, 13
     * (nch 32, 56, 104; N*D 8), quick 10, 19, 35 (nch 160, 304, 560; N*D 16), paper 52, 102, 199. A block
     * budget B = floor(b F) with b < maxBudget, so used slices <= B <= ceil(maxBudget F) - 1:
     * final state (b < 1): F - 1; initial state (b < .5): tiny 1, 3, 6; quick 4, 9, 17; paper 25, 50, 99.
     * B >= floor(.3 F): tiny 1, 2, 3; quick 3, 5, 10; paper 15, 30, 59.
     */
    static List<Arguments> presetStates() {
        return List.of(
                Arguments.of("tiny", true, new int[] {3, 6, 12}, new int[] {1, 2, 3}),
                Arguments.of("tiny", false, new int[] {1, 3, 6}, new int[] {1, 2, 3}),
                Arguments.of("quick", true, new int[] {9, 18, 34}, new int[] {3, 5, 10}),
                Arguments.of("quick", false, new int[] {4, 9, 17}, new int[] {3, 5, 10}),
                Arguments.of("paper", true, new int[] {51, 101, 198}, new int[] {15, 30, 59}),
                Arguments.of("paper", false, new int[] {25, 50, 99}, new int[] {15, 30, 59}));
    }

    @ParameterizedTest(name = "{0} final={1}")
    @MethodSource("presetStates")
    void tenThousandSamplesAreValidAndRespectTheSampledBudget(String preset, boolean finalState, int[] maxUsed,
                                                              int[] minBudget) {
        SearchSpaceConfig c = Presets.byName(preset);
        AnnealingState state = finalState ? AnnealingState.finalState(c) : AnnealingState.initialState();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = RandomStreams.of(7, "sampler-test-" + preset, finalState ? 1 : 0);
        int[] maxSeen = new int[3];
        TreeSet<Integer> kernels = new TreeSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            Architecture a = sampler.sample(state, rng);
            List<String> problems = ArchitectureRules.violations(c, a);
            assertTrue(problems.isEmpty(), () -> "sample " + a + " breaks " + problems);
            int[] used = ArchitectureRules.usedSlices(c, a);
            for (int b = 0; b < 3; b++) {
                Block block = a.blocks().get(b);
                int bs = block.bankSize();
                int minCost = bs % c.depthCompression() == 0 ? bs / c.depthCompression() : bs;
                assertTrue(used[b] <= maxUsed[b], "block " + b + " uses " + used[b] + " > " + maxUsed[b]);
                // The op loop only stops when less than one minimal op still fits.
                assertTrue(used[b] > minBudget[b] - minCost, "block " + b + " stopped early at " + used[b]);
                maxSeen[b] = Math.max(maxSeen[b], used[b]);
                checkSamplerOnlyRules(c, state, block, b);
                block.ops().forEach(op -> op.convs().forEach(s -> {
                    kernels.add(s.kernelH());
                    kernels.add(s.kernelW());
                }));
            }
        }
        for (int b = 0; b < 3; b++) {
            assertEquals(maxUsed[b], maxSeen[b], "the budget bound of block " + b + " is reached");
        }
        TreeSet<Integer> expectedKernels = new TreeSet<>();
        for (int ks = 3; ks <= state.maxKernel(); ks += 2) {
            expectedKernels.add(ks);
        }
        assertEquals(expectedKernels, kernels);
    }

    /** Properties of the sampler's law that validity alone does not demand. */
    private static void checkSamplerOnlyRules(SearchSpaceConfig c, AnnealingState state, Block block, int b) {
        int bs = block.bankSize();
        int n = c.n();
        int r = c.geometry().blockInput(b) / (bs * n);
        int cap = Math.min(r + (int) Math.ceil(state.maxBudget() * c.depth() * c.k()) / bs,
                c.geometry().maxBlockWidth(b) / (bs * n));
        int unit = bs % c.depthCompression() == 0 ? 1 : c.depthCompression();
        for (Op op : block.ops()) {
            int lo = op.width() / bs;
            assertEquals(0, op.reads().size() % unit, "reads come in multiples of the read unit");
            assertTrue(op.writes().size() <= Math.max(r / 2, lo), "at most max(floor(R/2), g/bs) writes");
            final int before = r;
            int fresh = (int) op.writes().stream().filter(w -> w >= before).count();
            assertTrue(fresh <= lo, "at most g/bs new banks per op");
            r += fresh;
            assertTrue(r <= cap, "banks stay below the sampled cap " + cap);
            for (ConvSpec s : op.convs()) {
                assertTrue(s.kernelH() <= state.maxKernel() && s.kernelW() <= state.maxKernel());
            }
        }
    }

    @Test
    void sameSeedSameArchitecturesDifferentSeedDifferent() {
        SearchSpaceConfig c = Presets.quick();
        Sampler sampler = new Sampler(c);
        AnnealingState s = AnnealingState.finalState(c);
        List<Architecture> a = new ArrayList<>();
        List<Architecture> again = new ArrayList<>();
        List<Architecture> other = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            a.add(sampler.sample(s, RandomStreams.of(1, "sample", step)));
            again.add(new Sampler(c).sample(s, RandomStreams.of(1, "sample", step)));
            other.add(sampler.sample(s, RandomStreams.of(2, "sample", step)));
        }
        assertEquals(a, again);
        assertNotEquals(a, other);
        // Also one generator drawn sequentially.
        SplittableRandom r1 = new SplittableRandom(5);
        SplittableRandom r2 = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            assertEquals(sampler.sample(s, r1), sampler.sample(s, r2));
        }
        // Samples along one stream differ from each other (not a constant).
        assertTrue(new java.util.HashSet<>(a).size() > 190);
    }

    @Test
    void varOpPatternFrequenciesFollowTheLaw() {
        SearchSpaceConfig c = Presets.paper().toBuilder().optOpMode(OpMode.VAR_OP).build();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(11);
        Map<ConvPattern, Integer> counts = new TreeMap<>();
        int ops = 0;
        for (int i = 0; i < 2_000; i++) {
            Architecture a = sampler.sample(AnnealingState.finalState(c), rng);
            List<String> problems = ArchitectureRules.violations(c, a);
            assertTrue(problems.isEmpty(), () -> problems.toString());
            for (Block b : a.blocks()) {
                for (Op op : b.ops()) {
                    counts.merge(op.pattern(), 1, Integer::sum);
                    ops++;
                }
            }
        }
        double[] expected = {0.05, 0.10, 0.15, 0.25, 0.45};
        ConvPattern[] order = {ConvPattern.SINGLE, ConvPattern.PARALLEL, ConvPattern.SERIAL,
            ConvPattern.SERIAL_PARALLEL, ConvPattern.DOUBLE_SERIAL};
        // About 74,000 ops: the standard error is below 0.002, so 0.01 is a 5-sigma band.
        assertTrue(ops > 70_000, ops + " ops");
        for (int i = 0; i < order.length; i++) {
            double freq = counts.getOrDefault(order[i], 0) / (double) ops;
            assertEquals(expected[i], freq, 0.01, order[i] + " frequency");
        }
    }

    @Test
    void paperFieldLawsBankSizesWidthsWritesKernelsDilationsGroups() {
        SearchSpaceConfig c = Presets.paper();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(3);
        // Spec 2.1 with D = 2: the bank sizes allowed per block.
        List<List<Integer>> sizes = List.of(List.of(1, 2, 3, 4, 6, 8), List.of(1, 2, 3, 4, 5, 6, 8),
                List.of(1, 2, 3, 4, 5, 6, 7, 8));
        int[][] bankSizeCounts = new int[3][9];
        long exactWidth = 0;
        long widthTrials = 0;
        long fewestWrites = 0;
        long writeTrials = 0;
        long[] dilationOf3 = new long[4];
        long[] dilationOf7 = new long[4];
        long[] kernel = new long[8];
        long[] groups = new long[9];
        for (int i = 0; i < SAMPLES; i++) {
            Architecture a = sampler.sample(AnnealingState.finalState(c), rng);
            for (int b = 0; b < 3; b++) {
                Block block = a.blocks().get(b);
                int bs = block.bankSize();
                bankSizeCounts[b][bs]++;
                int r = c.geometry().blockInput(b) / (bs * c.n());
                for (Op op : block.ops()) {
                    int target = op.reads().size() * bs;
                    if (target <= c.k()) {
                        widthTrials++;
                        exactWidth += op.width() == target ? 1 : 0;
                    }
                    int lo = op.width() / bs;
                    if (r / 2 - lo >= 8) {
                        writeTrials++;
                        fewestWrites += op.writes().size() == lo ? 1 : 0;
                    }
                    final int before = r;
                    r += (int) op.writes().stream().filter(w -> w >= before).count();
                    ConvSpec s = op.convs().get(0);
                    kernel[s.kernelH()]++;
                    if (s.kernelH() == 3) {
                        dilationOf3[s.dilationH()]++;
                    }
                    if (s.kernelH() == 7) {
                        dilationOf7[s.dilationH()]++;
                    }
                    groups[s.groups()]++;
                }
            }
        }
        for (int b = 0; b < 3; b++) {
            List<Integer> seen = new ArrayList<>();
            for (int bs = 1; bs <= 8; bs++) {
                if (bankSizeCounts[b][bs] > 0) {
                    seen.add(bs);
                }
            }
            assertEquals(sizes.get(b), seen, "bank sizes of block " + b);
            double p = 1.0 / sizes.get(b).size();
            for (int bs : sizes.get(b)) {
                // Standard error <= 0.0037 at n = 10,000.
                assertEquals(p, bankSizeCounts[b][bs] / (double) SAMPLES, 0.02, "bank size " + bs + " in block " + b);
            }
        }
        // P(g = n_read*bs) is 100 / (100 + sum of 1/(0.01+10|g-t|) over the other g): between 1/(1+0.0045)
        // (t = 1 or 8 neighbours only weigh at most 0.45/100) and 1/(1+0.0035); above .99 and below 1.
        double exact = exactWidth / (double) widthTrials;
        assertTrue(exact > 0.99 && exact < 1.0, "P(g = n_read*bs) = " + exact);
        // Truncation far away: P(n_w = lo) = 1/(sum_j e^-j) = 1 - 1/e.
        assertEquals(1 - Math.exp(-1), fewestWrites / (double) writeTrials, 0.01, "P(n_w = lo)");
        long kernels = kernel[3] + kernel[5] + kernel[7];
        for (int ks : new int[] {3, 5, 7}) {
            assertEquals(1.0 / 3, kernel[ks] / (double) kernels, 0.01, "kernel " + ks);
        }
        long d3 = dilationOf3[1] + dilationOf3[2] + dilationOf3[3];
        for (int dil = 1; dil <= 3; dil++) {
            assertEquals(1.0 / 3, dilationOf3[dil] / (double) d3, 0.01, "dilation " + dil + " of 3x3");
        }
        assertEquals(dilationOf7[1], dilationOf7[1] + dilationOf7[2] + dilationOf7[3], "7x7 only dilates by 1");
        long g = groups[1] + groups[2] + groups[4] + groups[8];
        for (int gr : new int[] {1, 2, 4, 8}) {
            assertEquals(0.25, groups[gr] / (double) g, 0.01, "groups " + gr);
        }
    }

    @Test
    void maxDilateCapsTheDilationLaw() {
        // Bug 11: maxDilate = 1 must give dilation 1 everywhere (the original still drew up to 3).
        SearchSpaceConfig c = Presets.quick().toBuilder().optMaxDilate(1).build();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 500; i++) {
            for (Block b : sampler.sample(AnnealingState.finalState(c), rng).blocks()) {
                for (Op op : b.ops()) {
                    assertEquals(1, op.convs().get(0).dilationH());
                    assertEquals(1, op.convs().get(0).dilationW());
                }
            }
        }
    }

    @Test
    void bigOpAndFixedKernelModes() {
        SearchSpaceConfig c = Presets.tiny().toBuilder().optOpMode(OpMode.BIG_OP).optVarKs(false)
                .optVarGroup(false).build();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            Architecture a = sampler.sample(AnnealingState.finalState(c), rng);
            assertTrue(ArchitectureRules.violations(c, a).isEmpty());
            for (Block b : a.blocks()) {
                for (Op op : b.ops()) {
                    assertEquals(ConvPattern.DOUBLE_SERIAL, op.pattern());
                    assertEquals(4, op.convs().size());
                    for (ConvSpec s : op.convs()) {
                        assertEquals(3, s.kernelH());
                        assertEquals(3, s.kernelW());
                        assertEquals(1, s.groups());
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        SearchSpaceConfig c = Presets.tiny();
        Sampler sampler = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new AnnealingState(7, 1.0), rng));
        assertTrue(e.getMessage().contains("exceeds the configured maxKernel 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sampleBlock(0, 3, 0.5, AnnealingState.finalState(c), rng));
        assertTrue(e.getMessage().contains("bank size 3 is not allowed in block 0"), e.getMessage());
    }
}
