package org.smash4j.nn;

import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.Op;
import org.smash4j.space.SearchSpaceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which paths of one block a training step keeps (path dropout, Bender et al. 2018), for the whole batch.
 *
 * <p><b>A path</b> is one write of an op: output chunk j of op o added into bank {@code writes[j]}
 * ({@link MemoryBankExecutor}: a bank is the sum of everything written into it). The block input is no path: a bank
 * that holds a chunk of it always keeps it, so every op write into such a bank may be dropped (as a residual branch
 * is dropped and its identity kept).
 *
 * <p><b>The rule.</b> With rate r, each write into bank w is dropped independently with probability r^(1/k_w),
 * k_w the number of op writes into w in the block, so that all k_w writes into a bank are dropped with probability
 * r, whatever k_w (Bender et al.'s r^(1/k) for k incoming paths). Then every bank that is read (by a later op, or
 * by the block output, which concatenates all banks and which the transition or head reads) holds at least one
 * kept contribution at the time of the read: where the draw dropped every op write that reached a bank without
 * block input before the read, one of those writes, chosen uniformly, is kept again. An op all of whose writes are
 * dropped is not computed at all. The masks of a step are drawn from its own stream, so a resumed run drops what an
 * uninterrupted one would.
 *
 * <p><b>No rescaling.</b> Kept contributions are not divided by their keep probability: a bank is a sum of a
 * varying number of contributions (and forced keeps would bias an inverse-probability scale anyway), per-path keep
 * probabilities as low as 1 - r^(1/k) would amplify single contributions several-fold, and weight-sharing scores
 * normalise every block output with the batch's own BN statistics, which absorbs the scale difference between
 * training with dropout and scoring without it.
 */
public final class PathMask {
    private final boolean[][] kept;

    private PathMask(boolean[][] kept) {
        this.kept = kept;
    }

    /** Keeps every path (no dropout). */
    public static PathMask keepAll(Block block) {
        boolean[][] k = new boolean[block.ops().size()][];
        for (int o = 0; o < k.length; o++) {
            k[o] = new boolean[block.ops().get(o).writes().size()];
            java.util.Arrays.fill(k[o], true);
        }
        return new PathMask(k);
    }

    /** Masks for every block of {@code arch}, drawn in block order from {@code rng}. */
    public static PathMask[] draw(Architecture arch, SearchSpaceConfig config, double rate, RandomGenerator rng) {
        PathMask[] out = new PathMask[SearchSpaceConfig.BLOCKS];
        for (int b = 0; b < out.length; b++) {
            Block block = arch.blocks().get(b);
            int inputBanks = config.geometry().blockInput(b) / (block.bankSize() * config.n());
            out[b] = draw(block, inputBanks, rate, rng);
        }
        return out;
    }

    /**
     * The mask of one block whose input fills banks 0..inputBanks-1, at rate r (see the class comment). Rate 0 keeps
     * everything and draws nothing.
     */
    public static PathMask draw(Block block, int inputBanks, double rate, RandomGenerator rng) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("path dropout rate must be in [0, 1), got " + rate);
        }
        PathMask mask = keepAll(block);
        if (rate == 0) {
            return mask;
        }
        List<Op> ops = block.ops();
        int banks = inputBanks;
        for (Op op : ops) {
            for (int w : op.writes()) {
                banks = Math.max(banks, w + 1);
            }
        }
        int[] writers = new int[banks];
        for (Op op : ops) {
            for (int w : op.writes()) {
                writers[w]++;
            }
        }
        int[] contributions = new int[banks]; // kept contributions so far: the input chunk and kept writes
        List<List<int[]>> dropped = new ArrayList<>();
        for (int w = 0; w < banks; w++) {
            contributions[w] = w < inputBanks ? 1 : 0;
            dropped.add(new ArrayList<>());
        }
        for (int o = 0; o < ops.size(); o++) {
            Op op = ops.get(o);
            for (int r : op.reads()) {
                mask.keepOneIfEmpty(r, contributions, dropped, rng);
            }
            for (int j = 0; j < op.writes().size(); j++) {
                int w = op.writes().get(j);
                if (rng.nextDouble() < Math.pow(rate, 1.0 / writers[w])) {
                    mask.kept[o][j] = false;
                    dropped.get(w).add(new int[] {o, j});
                } else {
                    contributions[w]++;
                }
            }
        }
        for (int w = 0; w < banks; w++) {
            mask.keepOneIfEmpty(w, contributions, dropped, rng); // the block output reads every bank
        }
        return mask;
    }

    private void keepOneIfEmpty(int bank, int[] contributions, List<List<int[]>> dropped, RandomGenerator rng) {
        List<int[]> candidates = dropped.get(bank);
        if (contributions[bank] > 0 || candidates.isEmpty()) {
            return; // kept already, or never written (the executor rejects such an architecture)
        }
        int[] pick = candidates.remove(rng.nextInt(candidates.size()));
        kept[pick[0]][pick[1]] = true;
        contributions[bank]++;
    }

    /** Whether op {@code op}'s {@code write}-th write is kept. */
    public boolean keeps(int op, int write) {
        return kept[op][write];
    }

    /** Whether op {@code op} has a kept write, i.e. must be computed. */
    public boolean runs(int op) {
        for (boolean k : kept[op]) {
            if (k) {
                return true;
            }
        }
        return false;
    }

    /** Number of dropped writes. */
    public int droppedCount() {
        int n = 0;
        for (boolean[] op : kept) {
            for (boolean k : op) {
                n += k ? 0 : 1;
            }
        }
        return n;
    }
}
