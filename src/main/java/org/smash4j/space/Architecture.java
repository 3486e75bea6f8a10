package org.smash4j.space;

import java.util.List;

/**
 * A point of the search space: always exactly three blocks (full, half and quarter resolution).
 * Immutable; validity against a {@link SearchSpaceConfig} is checked by {@link ArchitectureValidator}.
 */
public record Architecture(List<Block> blocks) {
    public Architecture {
        blocks = List.copyOf(blocks);
    }

    /**
     * Encoding slices used by each op, in execution order over all blocks: an op reading r banks of
     * bank size bs consumes r*bs/D slices (r*bs*N rows of generated weight).
     */
    public int[] opSlices(SearchSpaceConfig config) {
        int[] out = new int[opCount()];
        int i = 0;
        for (Block b : blocks) {
            for (Op op : b.ops()) {
                out[i++] = op.reads().size() * b.bankSize() / config.depthCompression();
            }
        }
        return out;
    }

    /** Total encoding slices S used by all ops. */
    public int usedSlices(SearchSpaceConfig config) {
        int s = 0;
        for (int v : opSlices(config)) {
            s += v;
        }
        return s;
    }

    /** Number of ops over all blocks. */
    public int opCount() {
        return blocks.stream().mapToInt(b -> b.ops().size()).sum();
    }
}
