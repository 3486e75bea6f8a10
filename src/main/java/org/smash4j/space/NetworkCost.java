package org.smash4j.space;

import java.util.List;

/**
 * Exact size and compute of one architecture's stand-alone network in one {@link NormStyle}: every layer's
 * trainable parameters and multiply-accumulates per image, made by {@link CostModel}.
 *
 * @param normStyle   how the ops normalise (it changes the BN parameter count only)
 * @param stem        the 7x7 stem conv
 * @param blocks      the three blocks with their ops
 * @param transitions the transitions after blocks 0 and 1
 * @param head        BN, global average pool and the linear classifier
 */
public record NetworkCost(NormStyle normStyle, LayerCost stem, List<BlockCost> blocks, List<LayerCost> transitions,
                          LayerCost head) {
    public NetworkCost {
        blocks = List.copyOf(blocks);
        transitions = List.copyOf(transitions);
    }

    /** Total trainable parameters. */
    public long params() {
        long p = stem.params() + head.params();
        for (BlockCost b : blocks) {
            p += b.params();
        }
        for (LayerCost t : transitions) {
            p += t.params();
        }
        return p;
    }

    /** Total multiply-accumulates per image (convs and the linear layer). */
    public long macs() {
        long m = stem.macs() + head.macs();
        for (BlockCost b : blocks) {
            m += b.macs();
        }
        for (LayerCost t : transitions) {
            m += t.macs();
        }
        return m;
    }
}
