package org.smash4j.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random local changes of an architecture (spec 6, {@code perturb}): the neighbourhood that the
 * perturbation and hill-climbing phases of the search explore around a good architecture. Each field of
 * each op is re-drawn, with probability p, from the sampler's own law; bank sizes never change.
 * Unlike the original, the result always satisfies the validity rules (given a valid base).
 */
public final class Perturber {
    private final SearchSpaceConfig config;
    private final OpLaws laws;

    public Perturber(SearchSpaceConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("the perturber needs a search-space config");
        }
        this.config = config;
        this.laws = new OpLaws(config);
    }

    /**
     * A perturbed copy of {@code base}; p = 0 returns an equal architecture. {@code state} supplies the
     * kernel sizes that re-drawn kernels may take; the budget is always the full block budget (spec 6).
     */
    public Architecture perturb(Architecture base, double p, AnnealingState state, RandomGenerator rng) {
        if (base == null || base.blocks().size() != SearchSpaceConfig.BLOCKS) {
            throw new IllegalArgumentException("perturbation needs an architecture of exactly 3 blocks, got "
                    + (base == null ? "none" : base.blocks().size() + " blocks"));
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("perturbation probability must be in [0, 1], got " + p);
        }
        if (state == null || state.maxKernel() > config.maxKernel()) {
            throw new IllegalArgumentException("perturbation needs an annealing state with maxKernel <= "
                    + config.maxKernel() + ", got " + state);
        }
        List<Block> blocks = new ArrayList<>(SearchSpaceConfig.BLOCKS);
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            blocks.add(perturbBlock(b, base.blocks().get(b), p, state, rng));
        }
        return new Architecture(blocks);
    }

    private Block perturbBlock(int block, Block base, double p, AnnealingState state, RandomGenerator rng) {
        int bankSize = base.bankSize();
        if (!config.bankSizeChoices(block).contains(bankSize)) {
            throw new IllegalArgumentException("block " + block + " of the base has bank size " + bankSize
                    + ", which this search space does not allow (" + config.bankSizeChoices(block) + ")");
        }
        int d = config.depthCompression();
        int budget = config.geometry().budgetSlices(block);
        // The original's perturbation cap uses ceil(depth*k)/bs: the cap of validity rule 2.
        int bankCap = OpLaws.fullBankCap(config, block, bankSize);
        int minCost = OpLaws.minCost(bankSize, d);
        int written = OpLaws.initialBanks(config, block, bankSize);
        int used = 0;
        List<Op> ops = new ArrayList<>(base.ops().size());
        for (Op op : base.ops()) {
            if (budget - used < minCost) {
                // Fixes spec bug 13 (second half): the original kept the ops past this point unchecked, so
                // they could overrun the budget or read unwritten banks. They are dropped instead.
                break;
            }
            List<Integer> reads = op.reads();
            final int writtenBefore = written;
            boolean readsUnwritten = reads.stream().anyMatch(r -> r >= writtenBefore);
            boolean overBudget = reads.size() * bankSize / d > budget - used;
            // Re-sampled also when earlier changes made the kept reads unaffordable, for the same reason.
            if (rng.nextDouble() < p || readsUnwritten || overBudget) {
                reads = laws.drawReads(written, budget - used, bankSize, rng);
            }
            int width = op.width();
            if (rng.nextDouble() < p) {
                width = laws.drawWidth(reads.size(), bankSize, bankCap, rng);
            }
            used += reads.size() * bankSize / d;
            List<Integer> writes;
            // Fixes spec bug 14: with a wider op, kept writes could leave output chunks unwritten.
            if (rng.nextDouble() < p || op.writes().size() < width / bankSize) {
                writes = laws.drawWrites(written, width, bankSize, bankCap, rng);
            } else {
                writes = remapUnwritten(op.writes(), written);
            }
            written += (int) writes.stream().filter(w -> w >= writtenBefore).count();
            ops.add(perturbConvs(op, reads, writes, width, bankSize, p, state, rng));
        }
        return new Block(bankSize, ops);
    }

    /**
     * Kept writes that name banks not yet written (because earlier ops now allocate fewer banks) go to
     * the first unwritten banks in order, so allocation stays sequential. A valid base lists its writes in
     * ascending order, so the result keeps the required order: written banks first, then new ones.
     */
    static List<Integer> remapUnwritten(List<Integer> writes, int written) {
        List<Integer> out = new ArrayList<>(writes.size());
        int next = written;
        for (int w : writes) {
            out.add(w < written ? w : next++);
        }
        return out;
    }

    /** Pattern, kernel sizes, dilations and groups, each re-drawn with probability p. */
    private Op perturbConvs(Op op, List<Integer> reads, List<Integer> writes, int width, int bankSize, double p,
                            AnnealingState state, RandomGenerator rng) {
        int readCount = reads.size();
        ConvSpec[] specs = new ConvSpec[4];
        for (int i : op.pattern().activeIndices()) {
            specs[i] = op.conv(i);
        }
        ConvPattern pattern = op.pattern();
        int outChannels = width * config.n();
        if (rng.nextDouble() < p) {
            pattern = laws.drawPattern(rng);
            // Convs that become active get a fresh spec from the sampler's law; the others keep theirs.
            for (int i : pattern.activeIndices()) {
                if (specs[i] == null) {
                    specs[i] = laws.drawConv(laws.convInputChannels(i, readCount, bankSize, width), outChannels,
                            state, rng);
                }
            }
        }
        List<Integer> active = pattern.activeIndices();
        if (rng.nextDouble() < p) {
            for (int i : active) {
                ConvSpec s = specs[i];
                int kh = laws.drawKernel(state, rng);
                int kw = laws.drawKernel(state, rng);
                // Fixes spec bug 13: the original kept the old dilation, e.g. 7x7 with dilation 3, outside the
                // training law. A dimension whose kernel size changed gets its dilation re-drawn for the new size.
                int dh = kh == s.kernelH() ? s.dilationH() : laws.drawDilation(kh, rng);
                int dw = kw == s.kernelW() ? s.dilationW() : laws.drawDilation(kw, rng);
                specs[i] = new ConvSpec(kh, kw, dh, dw, s.groups());
            }
        }
        if (rng.nextDouble() < p) {
            for (int i : active) {
                ConvSpec s = specs[i];
                specs[i] = new ConvSpec(s.kernelH(), s.kernelW(), laws.drawDilation(s.kernelH(), rng),
                        laws.drawDilation(s.kernelW(), rng), s.groups());
            }
        }
        boolean redrawGroups = rng.nextDouble() < p;
        for (int i : active) {
            ConvSpec s = specs[i];
            int in = laws.convInputChannels(i, readCount, bankSize, width);
            // Also re-drawn when a new width or read set makes the kept groups stop dividing the channels.
            if (redrawGroups || in % s.groups() != 0 || outChannels % s.groups() != 0) {
                specs[i] = new ConvSpec(s.kernelH(), s.kernelW(), s.dilationH(), s.dilationW(),
                        laws.drawGroups(in, outChannels, rng));
            }
        }
        List<ConvSpec> convs = new ArrayList<>(active.size());
        for (int i : active) {
            convs.add(specs[i]);
        }
        return new Op(reads, writes, width, pattern, convs);
    }
}
