package org.smash4j.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws random architectures with the original's probability laws (spec 2.1-2.2): this is the
 * distribution the one-shot network is trained on, so search and evaluation must draw from it too.
 * Every architecture it returns satisfies the validity rules; all randomness comes from the generator
 * passed in, so the same seed gives the same sequence of architectures.
 */
public final class Sampler {
    private final SearchSpaceConfig config;
    private final OpLaws laws;

    public Sampler(SearchSpaceConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("the sampler needs a search-space config");
        }
        this.config = config;
        this.laws = new OpLaws(config);
    }

    public SearchSpaceConfig config() {
        return config;
    }

    /** One architecture: per block, a budget fraction, a bank size and the ops (spec 2.1-2.2). */
    public Architecture sample(AnnealingState state, RandomGenerator rng) {
        checkState(state);
        List<Block> blocks = new ArrayList<>(SearchSpaceConfig.BLOCKS);
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            double fraction = drawBudgetFraction(state, rng);
            List<Integer> sizes = laws.bankSizes(b);
            int bankSize = sizes.get(rng.nextInt(sizes.size()));
            blocks.add(sampleBlock(b, bankSize, fraction, state, rng));
        }
        return new Architecture(blocks);
    }

    /**
     * b ~ U(minBudget, maxBudget). If the annealed upper end is below the configured lower end (possible
     * early in training with minBudget > 0.5), the draw is uniform between the two, as numpy's uniform does.
     */
    double drawBudgetFraction(AnnealingState state, RandomGenerator rng) {
        return config.minBudget() + (state.maxBudget() - config.minBudget()) * rng.nextDouble();
    }

    /**
     * The ops of block {@code block} for a given bank size and budget fraction b (spec 2.2). Public so that
     * callers can study one block of the law in isolation (tests, search-space statistics).
     */
    public Block sampleBlock(int block, int bankSize, double budgetFraction, AnnealingState state,
                             RandomGenerator rng) {
        checkState(state);
        if (block < 0 || block >= SearchSpaceConfig.BLOCKS) {
            throw new IllegalArgumentException("block index must be 0..2, got " + block);
        }
        if (!config.bankSizeChoices(block).contains(bankSize)) {
            throw new IllegalArgumentException("bank size " + bankSize + " is not allowed in block " + block
                    + "; allowed: " + config.bankSizeChoices(block));
        }
        if (!(budgetFraction > 0 && budgetFraction <= 1)) {
            throw new IllegalArgumentException("budget fraction must be in (0, 1], got " + budgetFraction);
        }
        int d = config.depthCompression();
        int budget = budgetSlices(config, block, budgetFraction);
        int bankCap = bankCap(config, block, bankSize, budgetFraction);
        int minCost = OpLaws.minCost(bankSize, d);
        int written = OpLaws.initialBanks(config, block, bankSize);
        int used = 0;
        List<Op> ops = new ArrayList<>();
        while (budget - used >= minCost) {
            List<Integer> reads = laws.drawReads(written, budget - used, bankSize, rng);
            int width = laws.drawWidth(reads.size(), bankSize, bankCap, rng);
            used += reads.size() * bankSize / d;
            List<Integer> writes = laws.drawWrites(written, width, bankSize, bankCap, rng);
            written += newBanks(writes, written);
            ConvPattern pattern = laws.drawPattern(rng);
            List<ConvSpec> convs = laws.drawConvs(pattern, reads.size(), bankSize, width, state, rng);
            ops.add(new Op(reads, writes, width, pattern, convs));
        }
        return new Block(bankSize, ops);
    }

    /** Block budget in slices for fraction b: floor(b * nch_b / (N*D)) (spec 2.1). */
    public static int budgetSlices(SearchSpaceConfig config, int block, double budgetFraction) {
        return (int) Math.floor(budgetFraction * config.geometry().budgetChannels(block)
                / (config.n() * config.depthCompression()));
    }

    /** Bank cap for fraction b: min(initial + floor(ceil(b*depth*k)/bs), floor(widths_b/(bs*N))) (spec 1.4). */
    public static int bankCap(SearchSpaceConfig config, int block, int bankSize, double budgetFraction) {
        long layers = (long) Math.ceil(budgetFraction * config.depth() * config.k());
        return OpLaws.bankCap(config, block, bankSize, layers);
    }

    private static int newBanks(List<Integer> writes, int written) {
        int fresh = 0;
        for (int w : writes) {
            if (w >= written) {
                fresh++;
            }
        }
        return fresh;
    }

    private void checkState(AnnealingState state) {
        if (state == null) {
            throw new IllegalArgumentException("sampling needs an annealing state");
        }
        if (state.maxKernel() > config.maxKernel()) {
            throw new IllegalArgumentException("annealing maxKernel " + state.maxKernel()
                    + " exceeds the configured maxKernel " + config.maxKernel());
        }
    }
}
