package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.smash4j.space.Architecture;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.space.SpaceGeometry;
import org.smash4j.util.RandomStreams;

/**
 * The learned 1x1 weights of a weight-sharing network: one matrix laid out like a generated Wg
 * ({@link HyperNet#toWeightMatrix}), [rows, maxBottleneck * N_max], from which every architecture takes its ops'
 * slices as it would from a generated Wg, so ops at the same slice positions of different architectures share them.
 */
public final class StoredWeights {
    /** The tensor's name in {@link Parameters}. */
    public static final String NAME = "stored.wg";

    private StoredWeights() {
    }

    /**
     * Rows: those of the largest architecture's Wg, (S_max + 1) * D * N, where S_max, the most slices an architecture
     * can use, is the sum of the blocks' full budgets (the validator refuses a block over its budget, so none needs
     * more; the last D*N rows mirror the generated Wg's spare column and are never read).
     */
    public static int rows(SearchSpaceConfig config) {
        SpaceGeometry g = config.geometry();
        int slices = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            slices += g.budgetSlices(b);
        }
        return (slices + 1) * g.sliceChannels();
    }

    /** Adds the matrix to {@code params} (main group, so it takes weight decay), orthogonally initialised. */
    static NDArray create(SearchSpaceConfig config, Parameters params, long seed) {
        int rows = rows(config);
        int cols = config.geometry().maxBottleneckChannels();
        return params.add(NAME, Parameters.Group.MAIN, new Shape(rows, cols),
                Init.orthogonal(rows, cols, RandomStreams.of(seed, "init:" + NAME)));
    }

    /** {@code stored}, after checking that {@code arch}'s Wg fits in it. */
    static NDArray check(NDArray stored, Architecture arch, SearchSpaceConfig config) {
        int needed = (arch.usedSlices(config) + 1) * config.geometry().sliceChannels();
        if (needed > stored.getShape().get(0)) {
            throw new IllegalArgumentException("the architecture uses " + arch.usedSlices(config) + " slices, more "
                    + "than the space's budgets allow; it is not in this search space");
        }
        return stored;
    }
}
