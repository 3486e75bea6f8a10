package org.smash4j.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The per-op probability laws of the sampler (spec 2.2, steps 2-11), in one place so that
 * {@link Sampler} and {@link Perturber} draw every field from exactly the same law, and so that
 * {@link SearchSpaceSize} can state its support from the same definitions (read unit, bank caps).
 */
final class OpLaws {
    /** var_op probabilities of SINGLE, PARALLEL, SERIAL, SERIAL_PARALLEL, DOUBLE_SERIAL (spec 1.3). */
    static final double[] VAR_OP_PROBABILITIES = {0.05, 0.10, 0.15, 0.25, 0.45};

    private final SearchSpaceConfig config;
    /** config.groupChoices(), computed once: it is consulted for every conv drawn. */
    private final int[] groupChoices;

    OpLaws(SearchSpaceConfig config) {
        this.config = config;
        this.groupChoices = config.groupChoices().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads come in multiples of this many banks: D when a bank is not a whole number of slices
     * (bankSize not a multiple of D), else 1. This keeps every op's input a whole number of slices.
     */
    static int readUnit(int bankSize, int depthCompression) {
        return bankSize % depthCompression == 0 ? 1 : depthCompression;
    }

    /** Slices consumed by the cheapest op: one read unit. */
    static int minCost(int bankSize, int depthCompression) {
        return readUnit(bankSize, depthCompression) * bankSize / depthCompression;
    }

    /** Banks of block {@code block} filled by the block input: floor(C_in / (bankSize*N)). */
    static int initialBanks(SearchSpaceConfig config, int block, int bankSize) {
        return config.geometry().blockInput(block) / (bankSize * config.n());
    }

    /** Banks the block output can hold: floor(maxBlockWidth / (bankSize*N)). */
    static int widthBankCap(SearchSpaceConfig config, int block, int bankSize) {
        return config.geometry().maxBlockWidth(block) / (bankSize * config.n());
    }

    /** The bank cap for a given value of ceil(b*depth*k) (spec 1.4). */
    static int bankCap(SearchSpaceConfig config, int block, int bankSize, long ceilBudgetLayers) {
        long byBudget = initialBanks(config, block, bankSize) + ceilBudgetLayers / bankSize;
        return (int) Math.min(byBudget, widthBankCap(config, block, bankSize));
    }

    /** The bank cap of validity rule 2 (budget fraction 1): what perturbation and validation use. */
    static int fullBankCap(SearchSpaceConfig config, int block, int bankSize) {
        return bankCap(config, block, bankSize, (long) config.depth() * config.k());
    }

    List<Integer> bankSizes(int block) {
        return config.bankSizeChoices(block);
    }

    /**
     * Steps 2-3: n_read = min(uniform over the multiples of the read unit up to {@code written},
     * the most that {@code remainingSlices} pays for), then a uniform subset of the written banks, ascending.
     */
    List<Integer> drawReads(int written, int remainingSlices, int bankSize, RandomGenerator rng) {
        int unit = readUnit(bankSize, config.depthCompression());
        int affordable = remainingSlices * config.depthCompression() / bankSize / unit * unit;
        if (written < unit || affordable < unit) {
            throw new IllegalStateException("no read is possible: " + written + " written banks, "
                    + remainingSlices + " slices left, read unit " + unit + " of bank size " + bankSize);
        }
        int choice = unit * (1 + rng.nextInt(written / unit));
        return uniformSubset(written, Math.min(choice, affordable), rng);
    }

    /**
     * Step 4: g in {bs, 2bs, ..., <= k} with P(g) proportional to 1/(0.01 + 10|g - n_read*bs|). Widths whose
     * g/bs chunks could not all be written to distinct banks (g/bs > bank cap) are left out; this never binds
     * in the presets and only keeps degenerate configurations from failing (the original would crash there).
     */
    int drawWidth(int readCount, int bankSize, int bankCap, RandomGenerator rng) {
        int target = readCount * bankSize;
        int options = Math.min(config.k() / bankSize, bankCap);
        double[] weights = new double[options];
        for (int i = 0; i < options; i++) {
            int g = (i + 1) * bankSize;
            weights[i] = 1.0 / (0.01 + 10.0 * Math.abs(g - target));
        }
        return (pick(weights, rng) + 1) * bankSize;
    }

    /**
     * Steps 6-7: n_w from [lo, max(floor(R/2), lo)] with P(v) proportional to exp(-(v-lo)), lo = g/bs; then
     * n_w distinct banks uniformly from the written ones plus the first lo unwritten ones; the chosen
     * unwritten banks are replaced by the first unwritten banks, so banks are allocated in order. The result
     * lists already-written banks ascending, then the new banks ascending (that order assigns the chunks).
     */
    List<Integer> drawWrites(int written, int width, int bankSize, int bankCap, RandomGenerator rng) {
        int lo = width / bankSize;
        int hi = Math.max(written / 2, lo);
        double[] weights = new double[hi - lo + 1];
        for (int v = lo; v <= hi; v++) {
            weights[v - lo] = Math.exp(-(v - lo));
        }
        int count = lo + pick(weights, rng);
        int emptyCandidates = Math.min(lo, bankCap - written);
        int candidates = written + emptyCandidates;
        if (count > candidates) {
            throw new IllegalStateException("cannot write " + count + " distinct banks: only " + written
                    + " written and " + emptyCandidates + " free banks (bank cap " + bankCap + ")");
        }
        List<Integer> chosen = uniformSubset(candidates, count, rng);
        List<Integer> writes = new ArrayList<>(count);
        int allocated = 0;
        for (int bank : chosen) {
            if (bank < written) {
                writes.add(bank);
            } else {
                allocated++;
            }
        }
        for (int i = 0; i < allocated; i++) {
            writes.add(written + i);
        }
        return writes;
    }

    /** Step 8: the op's conv pattern under the configured op mode. */
    ConvPattern drawPattern(RandomGenerator rng) {
        switch (config.opMode()) {
            case SINGLE:
                return ConvPattern.SINGLE;
            case BIG_OP:
                return ConvPattern.DOUBLE_SERIAL;
            case VAR_OP:
                return ConvPattern.values()[pick(VAR_OP_PROBABILITIES, rng)];
            default:
                throw new IllegalStateException("unknown op mode " + config.opMode());
        }
    }

    /** Patterns the op mode allows, each of positive probability. */
    List<ConvPattern> allowedPatterns() {
        switch (config.opMode()) {
            case SINGLE:
                return List.of(ConvPattern.SINGLE);
            case BIG_OP:
                return List.of(ConvPattern.DOUBLE_SERIAL);
            default:
                return List.of(ConvPattern.values());
        }
    }

    /** Input channels of conv {@code convIndex}: the 1x1 output n_b for W0 and W2, g*N for W1 and W3. */
    int convInputChannels(int convIndex, int readCount, int bankSize, int width) {
        if (convIndex == 0 || convIndex == 2) {
            return config.bottleneckChannels(readCount * bankSize * config.n(), width);
        }
        return width * config.n();
    }

    /** Steps 9-11 for every active conv of {@code pattern}, in ascending conv index order. */
    List<ConvSpec> drawConvs(ConvPattern pattern, int readCount, int bankSize, int width, AnnealingState state,
                             RandomGenerator rng) {
        List<ConvSpec> convs = new ArrayList<>(pattern.activeCount());
        for (int i : pattern.activeIndices()) {
            convs.add(drawConv(convInputChannels(i, readCount, bankSize, width), width * config.n(), state, rng));
        }
        return convs;
    }

    /** One conv: kernel h and w, then dilation per dimension for its kernel size, then groups. */
    ConvSpec drawConv(int inChannels, int outChannels, AnnealingState state, RandomGenerator rng) {
        int kh = drawKernel(state, rng);
        int kw = drawKernel(state, rng);
        int dh = drawDilation(kh, rng);
        int dw = drawDilation(kw, rng);
        return new ConvSpec(kh, kw, dh, dw, drawGroups(inChannels, outChannels, rng));
    }

    /** Uniform over the odd sizes 3..state.maxKernel, or 3 without variable kernels. */
    int drawKernel(AnnealingState state, RandomGenerator rng) {
        if (!config.varKs()) {
            return 3;
        }
        return 3 + 2 * rng.nextInt((state.maxKernel() - 1) / 2);
    }

    List<Integer> kernelSizes(AnnealingState state) {
        if (!config.varKs()) {
            return List.of(3);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int s = 3; s <= state.maxKernel(); s += 2) {
            sizes.add(s);
        }
        return sizes;
    }

    /** Fixes spec bug 11: uniform in 1..config.maxDilation(ks), which honours maxDilate (the original did not). */
    int drawDilation(int kernelSize, RandomGenerator rng) {
        return 1 + rng.nextInt(config.maxDilation(kernelSize));
    }

    /** Uniform over the group choices that divide both channel counts (1 always qualifies). */
    int drawGroups(int inChannels, int outChannels, RandomGenerator rng) {
        int pick = rng.nextInt(groupChoiceCount(inChannels, outChannels));
        for (int groups : groupChoices) {
            if (inChannels % groups == 0 && outChannels % groups == 0 && pick-- == 0) {
                return groups;
            }
        }
        throw new IllegalStateException("no group choice divides " + inChannels + " and " + outChannels);
    }

    /** How many group choices divide both channel counts. */
    int groupChoiceCount(int inChannels, int outChannels) {
        int count = 0;
        for (int groups : groupChoices) {
            if (inChannels % groups == 0 && outChannels % groups == 0) {
                count++;
            }
        }
        return count;
    }

    /** A uniformly random {@code size}-subset of 0..n-1, ascending (partial Fisher-Yates). */
    static List<Integer> uniformSubset(int n, int size, RandomGenerator rng) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(pool, size);
        Arrays.sort(chosen);
        List<Integer> out = new ArrayList<>(size);
        for (int v : chosen) {
            out.add(v);
        }
        return out;
    }

    /** Index drawn with probability proportional to {@code weights}. */
    static int pick(double[] weights, RandomGenerator rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        // Rounding can leave u at a tiny non-negative value: fall back to the last positive weight.
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight to pick from");
    }
}
