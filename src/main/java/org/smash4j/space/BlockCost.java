package org.smash4j.space;

import java.util.List;

/**
 * The memory-bank layout and the per-op costs of one block of the stand-alone network.
 *
 * @param block          block index (0..2)
 * @param resolution     spatial size of the block (full, half, quarter)
 * @param bankSize       bank size in units of N
 * @param initialBanks   R0: banks filled by the block input (leftover input channels are dropped)
 * @param banks          banks at the end of the block: max(max written index + 1, R0)
 * @param outputChannels banks * bankSize * N: what the following transition or head receives
 * @param ops            the cost of each op, in execution order
 */
public record BlockCost(int block, int resolution, int bankSize, int initialBanks, int banks, int outputChannels,
                        List<OpCost> ops) {
    public BlockCost {
        ops = List.copyOf(ops);
    }

    /** Parameters of the block's ops. */
    public long params() {
        return ops.stream().mapToLong(OpCost::params).sum();
    }

    /** Multiply-accumulates of the block's ops per image. */
    public long macs() {
        return ops.stream().mapToLong(OpCost::macs).sum();
    }
}
