package org.smash4j.space;

import java.util.List;

/**
 * The ops of one block, which all work on memory banks of {@code bankSize*N} channels at the block's
 * resolution. The block input fills banks 0..floor(C_in/(bankSize*N))-1; the rest are allocated by writes.
 *
 * @param bankSize bank size in units of N (1..N_max/N)
 * @param ops      the ops in execution order
 */
public record Block(int bankSize, List<Op> ops) {
    public Block {
        ops = List.copyOf(ops);
    }
}
