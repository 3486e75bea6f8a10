package org.smash4j.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact size of the search space, which the original's users asked for and never got.
 *
 * <p><b>What is counted.</b> The number of distinct {@link Architecture} values (record equality) that
 * {@link Sampler#sample} produces with positive probability at a given annealing state (by default
 * {@link AnnealingState#finalState}, the law used at evaluation), i.e. the support of the sampling law.
 * Precisely:
 * <ul>
 *   <li>The budget fraction b is treated as a real uniform variate on [minBudget, maxBudget). An
 *       architecture is counted when the set of b values that can produce it has positive length; values
 *       of b that are single points (exact break points of floor(b*nch/(N*D)) or ceil(b*depth*k)) have
 *       probability zero and are not considered. (With doubles such a point has probability about 2^-53.)</li>
 *   <li>b is not part of an architecture: different b (hence different slice budgets B and bank caps)
 *       that give the same ops count once. A block whose ops use U slices is produced by budget B exactly
 *       when U <= B <= U + minCost - 1 (the op loop stops only when less than one minimal op is left),
 *       and by bank cap nb exactly when its highest bank index is below nb and g/bs <= nb for every op.
 *       Both B and nb grow with b, so the largest attainable nb among the budgets B that fit U decides.</li>
 *   <li>Per op, every choice of the sampler has positive probability, and distinct choices give distinct
 *       ops: read count (multiples of the read unit, at most the written banks and what the remaining
 *       budget pays for), read subset, width g, write list (a set S of written banks plus m new banks
 *       R..R+m-1, m <= g/bs, with |S|+m between g/bs and max(floor(R/2), g/bs)), conv pattern, and per
 *       active conv kernel h and w, dilation h and w (1..maxDilation of that kernel size) and groups
 *       (the group choices dividing the conv's input and output channels).</li>
 *   <li>A block is its bank size plus its op list, so blocks with different bank sizes are distinct; the
 *       three blocks are drawn independently, so the total is the product over blocks of the sum over
 *       bank sizes.</li>
 * </ul>
 *
 * <p><b>How.</b> Dynamic programming per (block, bank size) over the state (written banks R, used slices
 * U, how far the widest op's g/bs exceeds the initial bank count), with op multiplicities as exact
 * binomial products; O(banks x budget x (reads + g/bs)) BigInteger steps, well under a second for the presets.
 *
 * @param blockCounts per block (0..2), the number of distinct blocks for each allowed bank size
 */
public record SearchSpaceSize(List<SortedMap<Integer, BigInteger>> blockCounts) {
    private static final double LOG10_2 = Math.log10(2);

    public SearchSpaceSize {
        if (blockCounts.size() != SearchSpaceConfig.BLOCKS) {
            throw new IllegalArgumentException("a search-space size has 3 blocks, got " + blockCounts.size());
        }
        List<SortedMap<Integer, BigInteger>> copy = new ArrayList<>(blockCounts.size());
        for (SortedMap<Integer, BigInteger> m : blockCounts) {
            copy.add(Collections.unmodifiableSortedMap(new TreeMap<>(m)));
        }
        blockCounts = List.copyOf(copy);
    }

    /** The size at the final annealing state (all kernel sizes, budget fraction up to 1). */
    public static SearchSpaceSize of(SearchSpaceConfig config) {
        return of(config, AnnealingState.finalState(config));
    }

    /** The size of the support of the sampling law at {@code state}. */
    public static SearchSpaceSize of(SearchSpaceConfig config, AnnealingState state) {
        if (state.maxKernel() > config.maxKernel()) {
            throw new IllegalArgumentException("annealing maxKernel " + state.maxKernel()
                    + " exceeds the configured maxKernel " + config.maxKernel());
        }
        List<SortedMap<Integer, BigInteger>> counts = new ArrayList<>();
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            SortedMap<Integer, BigInteger> perSize = new TreeMap<>();
            for (int bs : config.bankSizeChoices(b)) {
                perSize.put(bs, new BlockCounter(config, state, b, bs).count());
            }
            counts.add(perSize);
        }
        return new SearchSpaceSize(counts);
    }

    /** Distinct blocks at index {@code block} with bank size {@code bankSize}. */
    public BigInteger blockCount(int block, int bankSize) {
        BigInteger c = blockCounts.get(block).get(bankSize);
        if (c == null) {
            throw new IllegalArgumentException("bank size " + bankSize + " is not allowed in block " + block
                    + "; allowed: " + blockCounts.get(block).keySet());
        }
        return c;
    }

    /** Distinct blocks at index {@code block}, over all bank sizes. */
    public BigInteger blockCount(int block) {
        return blockCounts.get(block).values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Distinct architectures: the product of the three block counts. */
    public BigInteger total() {
        BigInteger t = BigInteger.ONE;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            t = t.multiply(blockCount(b));
        }
        return t;
    }

    public double log10Block(int block) {
        return log10(blockCount(block));
    }

    public double log10Total() {
        return log10(total());
    }

    /** log10 of a positive integer of any size (double precision). */
    public static double log10(BigInteger x) {
        if (x.signum() <= 0) {
            throw new IllegalArgumentException("log10 needs a positive number, got " + x);
        }
        int shift = Math.max(0, x.bitLength() - 60);
        return Math.log10(x.shiftRight(shift).doubleValue()) + shift * LOG10_2;
    }

    /** One line per block plus the total, with log10 values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            sb.append(String.format(java.util.Locale.ROOT, "block %d: 10^%.2f (", b + 1, log10Block(b)));
            boolean first = true;
            for (Map.Entry<Integer, BigInteger> e : blockCounts.get(b).entrySet()) {
                sb.append(first ? "" : ", ").append(String.format(java.util.Locale.ROOT, "bs=%d: 10^%.2f",
                        e.getKey(), log10(e.getValue())));
                first = false;
            }
            sb.append(")\n");
        }
        sb.append(String.format(java.util.Locale.ROOT, "total: 10^%.2f", log10Total()));
        return sb.toString();
    }

    /** The dynamic programme for one (block, bank size). */
    private static final class BlockCounter {
        private final SearchSpaceConfig config;
        private final AnnealingState state;
        private final OpLaws laws;
        private final int bankSize;
        private final int initial;
        private final int readUnit;
        private final int minCost;
        private final int d;
        /** Lowest and highest attainable slice budget B. */
        private int budgetLow;
        private int budgetHigh;
        /** Largest bank cap attainable together with each budget B (index B). */
        private int[] capByBudget;
        private int capMax;
        private BigInteger[][] binomial;

        BlockCounter(SearchSpaceConfig config, AnnealingState state, int block, int bankSize) {
            this.config = config;
            this.state = state;
            this.laws = new OpLaws(config);
            this.bankSize = bankSize;
            this.d = config.depthCompression();
            this.initial = OpLaws.initialBanks(config, block, bankSize);
            this.readUnit = OpLaws.readUnit(bankSize, d);
            this.minCost = OpLaws.minCost(bankSize, d);
            attainableBudgets(block);
        }

        /**
         * B = floor(b*nch/(N*D)) and nb = bankCap(ceil(b*depth*k)) over b in [lo, hi), in exact arithmetic.
         * For each B, b runs over [max(lo, B/F), min(hi, (B+1)/F)) with F = nch/(N*D), an interval of
         * positive length; ceil(b*depth*k) is largest near its upper end X, where it tends to ceil(X*depth*k).
         */
        private void attainableBudgets(int block) {
            BigDecimal lo = new BigDecimal(Math.min(config.minBudget(), state.maxBudget()));
            BigDecimal hi = new BigDecimal(Math.max(config.minBudget(), state.maxBudget()));
            long nch = config.geometry().budgetChannels(block);
            long sliceChannels = (long) config.n() * d;
            long layers = (long) config.depth() * config.k();
            BigDecimal nchD = BigDecimal.valueOf(nch);
            BigDecimal sliceD = BigDecimal.valueOf(sliceChannels);
            if (lo.compareTo(hi) == 0) {
                // b is a constant: a single (B, nb).
                budgetLow = lo.multiply(nchD).divide(sliceD, 0, RoundingMode.FLOOR).intValueExact();
                budgetHigh = budgetLow;
                capByBudget = new int[budgetHigh + 1];
                long ceilLayers = lo.multiply(BigDecimal.valueOf(layers)).setScale(0, RoundingMode.CEILING)
                        .longValueExact();
                capByBudget[budgetHigh] = OpLaws.bankCap(config, block, bankSize, ceilLayers);
            } else {
                budgetLow = lo.multiply(nchD).divide(sliceD, 0, RoundingMode.FLOOR).intValueExact();
                budgetHigh = hi.multiply(nchD).divide(sliceD, 0, RoundingMode.CEILING).intValueExact() - 1;
                long ceilAtHi = hi.multiply(BigDecimal.valueOf(layers)).setScale(0, RoundingMode.CEILING)
                        .longValueExact();
                capByBudget = new int[budgetHigh + 1];
                for (int budget = budgetLow; budget <= budgetHigh; budget++) {
                    long ceilAtNext = -Math.floorDiv(-(budget + 1L) * sliceChannels * layers, nch);
                    capByBudget[budget] = OpLaws.bankCap(config, block, bankSize, Math.min(ceilAtNext, ceilAtHi));
                }
            }
            capMax = 0;
            for (int budget = budgetLow; budget <= budgetHigh; budget++) {
                capMax = Math.max(capMax, capByBudget[budget]);
            }
        }

        /** Largest bank cap among the budgets that stop the op loop at exactly {@code used} slices, or -1. */
        private int capForUsed(int used) {
            int low = Math.max(used, budgetLow);
            int high = Math.min(used + minCost - 1, budgetHigh);
            return low > high ? -1 : capByBudget[high];
        }

        /**
         * Two stages per op keep the work small: paying for the reads (R, U) -> (R, U + cost) with weight
         * C(R, reads), then width, writes and convs (R, U) -> (R + m, U) with a weight that depends on R and
         * m only. That split is exact because the conv choices do not depend on the read count (checked).
         */
        BigInteger count() {
            binomial = pascal(capMax);
            // x = how far the largest g/bs so far exceeds the initial bank count (0 when it does not).
            int xMax = Math.max(0, config.k() / bankSize - initial);
            BigInteger[][][] afterOp = new BigInteger[xMax + 1][capMax + 1][budgetHigh + 1];
            BigInteger[][][] afterReads = new BigInteger[xMax + 1][capMax + 1][budgetHigh + 1];
            BigInteger[][][] rest = restCoefficients(xMax);
            afterOp[0][initial][0] = BigInteger.ONE;
            for (int used = 0; used <= budgetHigh; used++) {
                for (int x = 0; x <= xMax; x++) {
                    for (int written = initial; written <= capMax; written++) {
                        BigInteger v = afterReads[x][written][used];
                        if (v == null) {
                            continue;
                        }
                        for (int xt = 0; xt <= xMax; xt++) {
                            BigInteger[] byNew = rest[written][xt];
                            if (byNew == null) {
                                continue;
                            }
                            int x2 = Math.max(x, xt);
                            for (int m = 0; m < byNew.length && written + m <= capMax; m++) {
                                if (byNew[m] != null) {
                                    accumulate(afterOp[x2][written + m], used, v.multiply(byNew[m]));
                                }
                            }
                        }
                    }
                }
                for (int x = 0; x <= xMax; x++) {
                    for (int written = initial; written <= capMax; written++) {
                        BigInteger v = afterOp[x][written][used];
                        if (v == null) {
                            continue;
                        }
                        for (int reads = readUnit; reads <= written; reads += readUnit) {
                            int next = used + reads * bankSize / d;
                            if (next > budgetHigh) {
                                break;
                            }
                            accumulate(afterReads[x][written], next, v.multiply(binomial[written][reads]));
                        }
                    }
                }
            }
            BigInteger total = BigInteger.ZERO;
            for (int used = 0; used <= budgetHigh; used++) {
                int cap = capForUsed(used);
                for (int x = 0; x <= xMax; x++) {
                    for (int written = initial; written <= capMax; written++) {
                        BigInteger v = afterOp[x][written][used];
                        if (v != null && cap >= Math.max(written, initial + x)) {
                            total = total.add(v);
                        }
                    }
                }
            }
            return total;
        }

        private static void accumulate(BigInteger[] row, int index, BigInteger add) {
            row[index] = row[index] == null ? add : row[index].add(add);
        }

        /**
         * For R written banks, by [R][x target][new banks m]: the sum over widths g of (conv choices) x (write
         * lists with m new banks), a write list being a set of n_w - m written banks plus banks R..R+m-1.
         */
        private BigInteger[][][] restCoefficients(int xMax) {
            int widthSteps = config.k() / bankSize;
            BigInteger[] convs = new BigInteger[widthSteps + 1];
            for (int lo = 1; lo <= widthSteps; lo++) {
                int width = lo * bankSize;
                convs[lo] = convChoices(readUnit, width);
                for (int reads = readUnit; reads <= capMax; reads += readUnit) {
                    if (!convChoices(reads, width).equals(convs[lo])) {
                        // Cannot happen: n_b is a multiple of N and every group choice divides N.
                        throw new IllegalStateException("conv choices depend on the read count (" + reads
                                + " reads, width " + width + "); the two-stage count does not apply");
                    }
                }
            }
            BigInteger[][][] rest = new BigInteger[capMax + 1][][];
            for (int written = initial; written <= capMax; written++) {
                BigInteger[][] byTarget = new BigInteger[xMax + 1][];
                for (int lo = 1; lo <= widthSteps; lo++) {
                    if (lo > capMax) {
                        continue; // the sampler never offers a width whose chunks cannot all be written
                    }
                    int xt = Math.max(0, lo - initial);
                    if (byTarget[xt] == null) {
                        byTarget[xt] = new BigInteger[lo + 1];
                    } else if (byTarget[xt].length < lo + 1) {
                        byTarget[xt] = java.util.Arrays.copyOf(byTarget[xt], lo + 1);
                    }
                    int hi = Math.max(written / 2, lo);
                    for (int m = 0; m <= lo; m++) {
                        BigInteger lists = BigInteger.ZERO;
                        for (int nw = Math.max(lo, m); nw <= hi; nw++) {
                            if (nw - m <= written) {
                                lists = lists.add(binomial[written][nw - m]);
                            }
                        }
                        if (lists.signum() > 0) {
                            BigInteger add = convs[lo].multiply(lists);
                            byTarget[xt][m] = byTarget[xt][m] == null ? add : byTarget[xt][m].add(add);
                        }
                    }
                }
                rest[written] = byTarget;
            }
            return rest;
        }

        /** Sum over allowed patterns of the product over active convs of their spec choices. */
        private BigInteger convChoices(int reads, int width) {
            long kernelDilation = 0;
            for (int ks : laws.kernelSizes(state)) {
                kernelDilation += config.maxDilation(ks);
            }
            kernelDilation *= kernelDilation; // (kh, dh) and (kw, dw) independently
            BigInteger sum = BigInteger.ZERO;
            for (ConvPattern pattern : laws.allowedPatterns()) {
                BigInteger product = BigInteger.ONE;
                for (int i : pattern.activeIndices()) {
                    int in = laws.convInputChannels(i, reads, bankSize, width);
                    int groups = laws.groupChoiceCount(in, width * config.n());
                    product = product.multiply(BigInteger.valueOf(kernelDilation * groups));
                }
                sum = sum.add(product);
            }
            return sum;
        }

        private static BigInteger[][] pascal(int n) {
            BigInteger[][] c = new BigInteger[n + 1][n + 1];
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    c[i][j] = BigInteger.ZERO;
                }
                c[i][0] = BigInteger.ONE;
                for (int j = 1; j <= i; j++) {
                    c[i][j] = c[i - 1][j - 1].add(c[i - 1][j]);
                }
            }
            return c;
        }
    }
}
