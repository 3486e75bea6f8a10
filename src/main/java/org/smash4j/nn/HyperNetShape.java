package org.smash4j.nn;

import java.util.List;

/**
 * Capacity of the HyperNet (spec 3.3): the growth of its first dense layer, the growth of every other dense
 * layer and the number of layers of each dense block. The paper's "crippled HyperNet" experiment shrinks it.
 */
public record HyperNetShape(int firstGrowth, int growth, List<Integer> blockLayers) {
    public HyperNetShape {
        blockLayers = List.copyOf(blockLayers);
        if (firstGrowth < 1 || growth < 1 || blockLayers.isEmpty() || blockLayers.stream().anyMatch(l -> l < 0)) {
            throw new IllegalArgumentException("invalid HyperNet shape " + firstGrowth + "/" + growth + "/"
                    + blockLayers);
        }
    }

    /** The original's HyperNet: growth 7 then 10, dense blocks of 8, 10 and 4 layers. */
    public static HyperNetShape standard() {
        return new HyperNetShape(7, 10, List.of(8, 10, 4));
    }
}
