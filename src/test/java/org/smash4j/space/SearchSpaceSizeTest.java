package org.smash4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The size of the search space against hand counts, a brute-force enumeration of the sampler's support,
 * and the sampler itself.
 */
class SearchSpaceSizeTest {
    /** tiny without kernel, dilation or group choices: one conv spec per op, so only the wiring counts. */
    private static final SearchSpaceConfig MICRO = Presets.tiny().toBuilder().optVarKs(false).optVarGroup(false)
            .optMaxDilate(1).build();

    /**
     * Block 0 of tiny with bank size 2, by hand. in = 8 channels, N = 4: one initial bank; k = 2, so g = 2
     * and every op writes g/bs = 1 chunk; one bank read costs 1 slice (bs/D). F = 32/8 = 4, b in [.3, 1):
     * B = floor(4b) in {1, 2, 3}; bank cap = min(1 + floor(ceil(6b)/2), 24/8 = 3) is 2 for b <= .5 and 3
     * above, so B = 1 has cap 2 and B = 2, 3 have cap 3. Counting write choices (n_w = 1, candidates = the
     * written banks plus the first free one) and read choices:
     * B = 1: one op, reads [0], writes [0] or [1]: 2 blocks of 1 op.
     * B = 2: op 1 writes [0] (then op 2: reads [0], writes [0]/[1]: 2) or [1] (op 2 reads [0]/[1] and
     *   writes [0]/[1]/[2]: 6): 8 blocks of 2 ops.
     * B = 3: op 1 writes [0]: op 2 writes [0] (op 3: 2) or [1] (op 3: 2 reads x 3 writes = 6): 8 blocks of 3
     *   ops. Op 1 writes [1]: op 2 reads both banks (then the budget is spent; 3 write choices: 3 blocks of
     *   2 ops) or one of them (2 ways) and writes [0]/[1] (op 3: 6) or [2] (op 3: 3 reads x 3 writes = 9):
     *   2 x (2 x 6 + 9) = 42 blocks of 3 ops.
     * Total: 2 one-op, 8 + 3 = 11 two-op and 8 + 42 = 50 three-op blocks.
     */
    @Test
    void handCountedBlock() {
        assertEquals(BigInteger.valueOf(2 + 11 + 50), SearchSpaceSize.of(MICRO).blockCount(0, 2));
        // tiny itself: per conv 4 kernel pairs (3, 5) x 4 dilation pairs (1..2 each) x 2 groups (1, 2) = 32.
        assertEquals(BigInteger.valueOf(2L * 32 + 11L * 32 * 32 + 50L * 32 * 32 * 32),
                SearchSpaceSize.of(Presets.tiny()).blockCount(0, 2));
        // var_op with variable groups: sum over patterns of 2^(active convs) = 2 + 4 + 4 + 8 + 16 = 34.
        SearchSpaceConfig varOp = MICRO.toBuilder().optOpMode(OpMode.VAR_OP).optVarGroup(true).build();
        assertEquals(BigInteger.valueOf(2L * 34 + 11L * 34 * 34 + 50L * 34 * 34 * 34),
                SearchSpaceSize.of(varOp).blockCount(0, 2));
        // big_op: all four convs, 2 group choices each: 16 per op.
        SearchSpaceConfig bigOp = varOp.toBuilder().optOpMode(OpMode.BIG_OP).build();
        assertEquals(BigInteger.valueOf(2L * 16 + 11L * 256 + 50L * 4096), SearchSpaceSize.of(bigOp).blockCount(0, 2));
    }

    @Test
    void bruteForceEnumerationMatches() {
        SearchSpaceSize size = SearchSpaceSize.of(MICRO);
        assertEquals(BigInteger.valueOf(enumerate(MICRO, 0, 2).size()), size.blockCount(0, 2));
        assertEquals(BigInteger.valueOf(enumerate(MICRO, 0, 1).size()), size.blockCount(0, 1));
        assertEquals(BigInteger.valueOf(enumerate(MICRO, 1, 2).size()), size.blockCount(1, 2));
        // A constant budget fraction b = 1 (minBudget = maxBudget) is a single (B, cap) pair.
        SearchSpaceConfig fixed = MICRO.toBuilder().optMinBudget(1.0).build();
        SearchSpaceSize fixedSize = SearchSpaceSize.of(fixed);
        assertEquals(BigInteger.valueOf(enumerate(fixed, 0, 2).size()), fixedSize.blockCount(0, 2));
        // A higher lower end of b removes the blocks that only the smallest budgets give.
        SearchSpaceConfig half = MICRO.toBuilder().optMinBudget(0.5).build();
        assertEquals(BigInteger.valueOf(enumerate(half, 0, 1).size()), SearchSpaceSize.of(half).blockCount(0, 1));
    }

    @Test
    void everySampledBlockIsInTheEnumeratedSupportAndSamplingFindsAllOfASmallOne() {
        Set<Block> support = enumerate(MICRO, 0, 2);
        Set<Block> support1 = enumerate(MICRO, 0, 1);
        Sampler sampler = new Sampler(MICRO);
        AnnealingState state = AnnealingState.finalState(MICRO);
        SplittableRandom rng = new SplittableRandom(31);
        Set<Block> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            Architecture a = sampler.sample(state, rng);
            Block b0 = a.blocks().get(0);
            assertTrue((b0.bankSize() == 2 ? support : support1).contains(b0), () -> "outside the support: " + b0);
            Block sampled = sampler.sampleBlock(0, 2, 0.3 + 0.7 * rng.nextDouble(), state, rng);
            assertTrue(support.contains(sampled));
            seen.add(sampled);
        }
        assertEquals(support, seen, "20,000 draws reach every one of the 63 blocks");
    }

    @Test
    void presetsAreCountedQuickly() {
        long best = Long.MAX_VALUE;
        SearchSpaceSize paper = null;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            SearchSpaceSize.of(Presets.tiny());
            SearchSpaceSize.of(Presets.quick());
            paper = SearchSpaceSize.of(Presets.paper());
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertTrue(best < 1_000_000_000L, "counting the presets took " + best / 1e6 + " ms");
        // Recorded values (regression, computed by this class): log10 of the totals.
        assertEquals(88.559, SearchSpaceSize.of(Presets.tiny()).log10Total(), 1e-3);
        assertEquals(521.847, SearchSpaceSize.of(Presets.quick()).log10Total(), 1e-3);
        assertEquals(4985.632, paper.log10Total(), 1e-3);
        // The total is the product of the block counts, which are sums over bank sizes.
        BigInteger product = BigInteger.ONE;
        for (int b = 0; b < 3; b++) {
            BigInteger sum = BigInteger.ZERO;
            for (int bs : Presets.paper().bankSizeChoices(b)) {
                sum = sum.add(paper.blockCount(b, bs));
            }
            product = product.multiply(sum);
        }
        assertEquals(product, paper.total());
    }

    @Test
    void log10OfLargeNumbers() {
        assertEquals(4985.0, SearchSpaceSize.log10(BigInteger.TEN.pow(4985)), 1e-9);
        assertEquals(Math.log10(3) + 700, SearchSpaceSize.log10(BigInteger.TEN.pow(700).multiply(BigInteger.valueOf(3))),
                1e-9);
        assertEquals(0.0, SearchSpaceSize.log10(BigInteger.ONE), 0.0);
    }

    @Test
    void theInitialStateIsASmallerSpace() {
        SearchSpaceSize start = SearchSpaceSize.of(Presets.quick(), AnnealingState.initialState());
        SearchSpaceSize end = SearchSpaceSize.of(Presets.quick());
        for (int b = 0; b < 3; b++) {
            assertTrue(start.blockCount(b).compareTo(end.blockCount(b)) < 0);
        }
    }

    // ---- brute force: every sampler choice, followed literally, collected into a set of Block values ----

    /**
     * All blocks the sampler can produce for (block, bank size), following spec 2.2 choice by choice
     * (including picking any n_w of the candidates and then re-mapping the chosen free banks). The budget
     * and bank cap pairs are those met by 100,000 uniform draws of b, computed with the spec's formulas.
     */
    private static Set<Block> enumerate(SearchSpaceConfig c, int block, int bs) {
        Set<List<Integer>> pairs = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(5);
        int n = c.n();
        int d = c.depthCompression();
        int initial = c.geometry().blockInput(block) / (bs * n);
        for (int i = 0; i < 100_000; i++) {
            double b = c.minBudget() + (1.0 - c.minBudget()) * rng.nextDouble();
            int budget = (int) Math.floor(b * c.geometry().budgetChannels(block) / (n * d));
            int cap = Math.min(initial + (int) Math.ceil(b * c.depth() * c.k()) / bs,
                    c.geometry().maxBlockWidth(block) / (bs * n));
            pairs.add(List.of(budget, cap));
        }
        Set<Block> out = new HashSet<>();
        for (List<Integer> p : pairs) {
            extend(c, bs, p.get(0), p.get(1), initial, 0, new ArrayList<>(), out);
        }
        return out;
    }

    private static void extend(SearchSpaceConfig c, int bs, int budget, int cap, int written, int used,
                               List<Op> ops, Set<Block> out) {
        int d = c.depthCompression();
        int unit = bs % d == 0 ? 1 : d;
        int minCost = unit * bs / d;
        if (budget - used < minCost) {
            out.add(new Block(bs, ops));
            return;
        }
        for (int nRead = unit; nRead <= written && used + nRead * bs / d <= budget; nRead += unit) {
            for (List<Integer> reads : subsets(written, nRead)) {
                for (int g = bs; g <= c.k() && g / bs <= cap; g += bs) {
                    int lo = g / bs;
                    int hi = Math.max(written / 2, lo);
                    int candidates = written + Math.min(lo, cap - written);
                    for (int nw = lo; nw <= hi; nw++) {
                        for (List<Integer> chosen : subsets(candidates, nw)) {
                            List<Integer> writes = new ArrayList<>();
                            int fresh = 0;
                            for (int w : chosen) {
                                if (w < written) {
                                    writes.add(w);
                                } else {
                                    fresh++;
                                }
                            }
                            for (int j = 0; j < fresh; j++) {
                                writes.add(written + j);
                            }
                            for (List<Object> conv : convChoices(c, nRead * bs, g)) {
                                List<Op> next = new ArrayList<>(ops);
                                @SuppressWarnings("unchecked")
                                List<ConvSpec> specs = (List<ConvSpec>) conv.get(1);
                                next.add(new Op(reads, writes, g, (ConvPattern) conv.get(0), specs));
                                extend(c, bs, budget, cap, written + fresh, used + nRead * bs / d, next, out);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Every (pattern, conv specs) the op mode, kernels, dilations and groups allow. */
    private static List<List<Object>> convChoices(SearchSpaceConfig c, int readUnitsOfN, int g) {
        List<ConvPattern> patterns = switch (c.opMode()) {
            case SINGLE -> List.of(ConvPattern.SINGLE);
            case BIG_OP -> List.of(ConvPattern.DOUBLE_SERIAL);
            case VAR_OP -> List.of(ConvPattern.values());
        };
        List<List<Object>> out = new ArrayList<>();
        for (ConvPattern p : patterns) {
            List<List<ConvSpec>> partial = new ArrayList<>();
            partial.add(List.of());
            for (int conv : p.activeIndices()) {
                int in = conv == 0 || conv == 2 ? c.bottleneckChannels(readUnitsOfN * c.n(), g) : g * c.n();
                List<List<ConvSpec>> grown = new ArrayList<>();
                for (List<ConvSpec> head : partial) {
                    for (ConvSpec s : specs(c, in, g * c.n())) {
                        List<ConvSpec> l = new ArrayList<>(head);
                        l.add(s);
                        grown.add(l);
                    }
                }
                partial = grown;
            }
            for (List<ConvSpec> l : partial) {
                out.add(List.of(p, l));
            }
        }
        return out;
    }

    private static List<ConvSpec> specs(SearchSpaceConfig c, int in, int outCh) {
        List<ConvSpec> out = new ArrayList<>();
        List<Integer> kernels = c.varKs() ? c.kernelSizes() : List.of(3);
        for (int kh : kernels) {
            for (int kw : kernels) {
                for (int dh = 1; dh <= c.maxDilation(kh); dh++) {
                    for (int dw = 1; dw <= c.maxDilation(kw); dw++) {
                        for (int groups : c.groupChoices()) {
                            if (in % groups == 0 && outCh % groups == 0) {
                                out.add(new ConvSpec(kh, kw, dh, dw, groups));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** All size-k subsets of 0..n-1, each ascending. */
    private static List<List<Integer>> subsets(int n, int k) {
        List<List<Integer>> out = new ArrayList<>();
        collect(n, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(int n, int k, int from, List<Integer> head, List<List<Integer>> out) {
        if (head.size() == k) {
            out.add(List.copyOf(head));
            return;
        }
        for (int i = from; i < n; i++) {
            head.add(i);
            collect(n, k, i + 1, head, out);
            head.remove(head.size() - 1);
        }
    }
}
