package org.smash4j.nn;

import java.util.Arrays;

/**
 * Optional extra HyperNet input channels that say where each position of c is (issue 10). Row h of c stands for
 * generated output units [h*N, (h+1)*N) of every op, and column s for its s-th slice of D*N input channels; where c
 * marks an op's rows and columns alike (most ops mark every row), a HyperNet that sees only c and z produces the
 * same weights for all of them up to noise, which leaves each generated 1x1 conv with about N distinct output units.
 * These channels break the tie: a one-hot of the row (k channels) and a one-hot of the column's offset within its
 * op (first {@link #OFFSETS} - 1 offsets, then one channel for all further ones), as +-1 like c. The spare last
 * column, which no op owns, has all offset channels at -1.
 */
public final class PositionChannels {
    /** Offset channels: offsets 0, 1, 2 and "3 or more". */
    public static final int OFFSETS = 4;

    private PositionChannels() {
    }

    /** Channels added for {@code k} rows. */
    public static int count(int k) {
        return k + OFFSETS;
    }

    /**
     * The channels, laid out [channel][row][column] like c.
     *
     * @param opFirstSlices first column of every op, ascending; an op owns the columns up to the next op's first
     * @param usedSlices    columns owned by ops (the width minus the spare column)
     */
    public static float[] of(int k, int width, int[] opFirstSlices, int usedSlices) {
        int plane = k * width;
        float[] v = new float[count(k) * plane];
        Arrays.fill(v, -1f);
        for (int row = 0; row < k; row++) {
            Arrays.fill(v, row * plane + row * width, row * plane + (row + 1) * width, 1f);
        }
        for (int i = 0; i < opFirstSlices.length; i++) {
            int end = i + 1 < opFirstSlices.length ? opFirstSlices[i + 1] : usedSlices;
            for (int col = opFirstSlices[i]; col < end; col++) {
                int ch = k + Math.min(col - opFirstSlices[i], OFFSETS - 1);
                for (int row = 0; row < k; row++) {
                    v[ch * plane + row * width + col] = 1f;
                }
            }
        }
        return v;
    }
}
