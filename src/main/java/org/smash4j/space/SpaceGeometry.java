package org.smash4j.space;

/**
 * Quantities derived once from a {@link SearchSpaceConfig} (spec 1.2, 3.1): per-block input channels,
 * parameter budgets and max widths of the reference network, the number of bank slots M, and the size
 * of the encoding. Blocks are indexed 0..2 here (the spec counts 1..3).
 */
public final class SpaceGeometry {
    private final int n;
    private final int depthCompression;
    private final int nMax;
    private final int maxBottleneck;
    private final int resolution;
    private final int[] in = new int[3];
    private final int[] nch = new int[3];
    private final int[] widths = new int[3];

    SpaceGeometry(int n, int nMax, int depth, int width, int depthCompression, int maxBottleneck, int resolution) {
        this.n = n;
        this.nMax = nMax;
        this.depthCompression = depthCompression;
        this.maxBottleneck = maxBottleneck;
        this.resolution = resolution;
        int base = 2 * n;
        int c0 = base * width;
        in[0] = c0;
        nch[0] = in[0] + depth * c0;
        widths[0] = in[0] + 2 * c0;
        in[1] = widths[0] / 2 / base * base;
        nch[1] = in[1] + depth * 2 * c0;
        widths[1] = in[1] + 2 * c0;
        in[2] = widths[1] / 2 / base * base;
        nch[2] = in[2] + depth * 4 * c0;
        widths[2] = 4 * c0;
    }

    /** Channels entering block b (the stem output for b = 0, a transition output otherwise). */
    public int blockInput(int b) {
        return in[b];
    }

    /** The block's reference budget in 1x1-conv input channels (rows of generated weight). */
    public int budgetChannels(int b) {
        return nch[b];
    }

    /** Max channels of the block output: the capacity of the following transition or head. */
    public int maxBlockWidth(int b) {
        return widths[b];
    }

    /** The block's full budget in slices: floor(nch_b / (N*D)). */
    public int budgetSlices(int b) {
        return nch[b] / (n * depthCompression);
    }

    /** Spatial size of block b (full, half, quarter). */
    public int blockResolution(int b) {
        return resolution >> b;
    }

    /** M: bank slots per block in the encoding (the most banks any block can have, with bank size 1). */
    public int maxBanks() {
        return Math.max(widths[0], Math.max(widths[1], widths[2])) / n;
    }

    /** Channels of the stem output (= the input of block 1). */
    public int stemChannels() {
        return in[0];
    }

    /** 1x1-conv input channels per encoding slice: D*N. */
    public int sliceChannels() {
        return n * depthCompression;
    }

    /** Width of a full-budget encoding in slices: floor(sum nch / (N*D)). */
    public int fullSlices() {
        return (nch[0] + nch[1] + nch[2]) / (n * depthCompression);
    }

    /** Widest 1x1-conv output any op can have: maxBottleneck * nMax. */
    public int maxBottleneckChannels() {
        return maxBottleneck * nMax;
    }

    /** Total 1x1 input channels of the reference network. */
    public int totalBudgetChannels() {
        return nch[0] + nch[1] + nch[2];
    }
}
