package org.smash4j.space;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every knob of the search space (spec sections 0-1) plus the data shape it is built for. Immutable and
 * validated on construction: an impossible combination fails here, with a message that names it, rather
 * than deep inside a network.
 *
 * <p>Units: {@code n} (N) is the base bank unit in channels. Bank sizes and op widths are counted in
 * units of N. One column ("slice") of the encoding stands for {@code depthCompression*N} 1x1-conv input
 * channels.
 *
 * @param n                base bank size N in channels
 * @param nMax             max op width and max bank size in channels (a multiple of N)
 * @param depth            reference layers per block (sets the per-block parameter budget)
 * @param width            reference widening factor
 * @param bottleneck       the 1x1 conv outputs up to bottleneck x the op width
 * @param maxBottleneck    cap on the 1x1 output, in units of nMax
 * @param depthCompression D: 1x1 input channels per encoding slice are D*N
 * @param maxDilate        largest dilation per dimension
 * @param maxKernel        final largest (odd) kernel size; annealed from 3
 * @param maxGroups        groups are the divisors of N up to this value
 * @param opMode           which conv patterns ops may use
 * @param varKs            variable, possibly non-square kernel sizes (else always 3x3)
 * @param varGroup         variable groups (else always 1)
 * @param minBudget        lower end of the sampled per-block budget fraction
 * @param inChannels       image channels
 * @param resolution       image height and width (blocks run at full, half and quarter resolution)
 * @param numClasses       number of classes
 * @param spatialDims      2 for images (k x k convs), 3 for voxel grids (cubic inputs, convs over three axes);
 *                         written to JSON only when it is 3, so 2-D files read and write as before
 */
public record SearchSpaceConfig(
        int n,
        int nMax,
        int depth,
        int width,
        int bottleneck,
        int maxBottleneck,
        int depthCompression,
        int maxDilate,
        int maxKernel,
        int maxGroups,
        OpMode opMode,
        boolean varKs,
        boolean varGroup,
        double minBudget,
        int inChannels,
        int resolution,
        int numClasses,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = TwoDimensional.class)
        @JsonProperty(defaultValue = "2") int spatialDims) {

    /** The number of blocks, always three. */
    public static final int BLOCKS = 3;

    /** A 2-D (image) search space. */
    public SearchSpaceConfig(int n, int nMax, int depth, int width, int bottleneck, int maxBottleneck,
            int depthCompression, int maxDilate, int maxKernel, int maxGroups, OpMode opMode, boolean varKs,
            boolean varGroup, double minBudget, int inChannels, int resolution, int numClasses) {
        this(n, nMax, depth, width, bottleneck, maxBottleneck, depthCompression, maxDilate, maxKernel, maxGroups,
                opMode, varKs, varGroup, minBudget, inChannels, resolution, numClasses, 2);
    }

    /** Jackson's filter that leaves the 2-D default out of written JSON (equals is called with the value). */
    static final class TwoDimensional {
        @Override
        public boolean equals(Object value) {
            return Integer.valueOf(2).equals(value);
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }

    public SearchSpaceConfig {
        List<String> errors = new ArrayList<>();
        if (n < 1) {
            errors.add("n (N) must be >= 1, got " + n);
        }
        if (nMax < 1 || n >= 1 && nMax % n != 0) {
            errors.add("nMax must be a positive multiple of n, got nMax=" + nMax + ", n=" + n);
        }
        if (depth < 1) {
            errors.add("depth must be >= 1, got " + depth);
        }
        if (width < 1) {
            errors.add("width must be >= 1, got " + width);
        }
        if (bottleneck < 1) {
            errors.add("bottleneck must be >= 1, got " + bottleneck);
        }
        if (maxBottleneck < 1) {
            errors.add("maxBottleneck must be >= 1, got " + maxBottleneck);
        }
        if (depthCompression < 1) {
            errors.add("depthCompression must be >= 1, got " + depthCompression);
        }
        if (maxDilate < 1) {
            errors.add("maxDilate must be >= 1, got " + maxDilate);
        }
        if (maxKernel < 3 || maxKernel % 2 == 0) {
            errors.add("maxKernel must be odd and >= 3, got " + maxKernel);
        }
        if (maxGroups < 1) {
            errors.add("maxGroups must be >= 1, got " + maxGroups);
        }
        if (opMode == null) {
            errors.add("opMode is missing (single, var_op or big_op)");
        }
        if (!(minBudget > 0 && minBudget <= 1)) {
            errors.add("minBudget must be in (0, 1], got " + minBudget);
        }
        if (inChannels < 1) {
            errors.add("inChannels must be >= 1, got " + inChannels);
        }
        if (resolution < 4 || resolution % 4 != 0) {
            errors.add("resolution must be a multiple of 4 (two halvings), got " + resolution);
        }
        if (numClasses < 2) {
            errors.add("numClasses must be >= 2, got " + numClasses);
        }
        if (spatialDims == 0) {
            spatialDims = 2; // a run.json written before 3-D networks, read by the lenient mapper
        }
        if (spatialDims != 2 && spatialDims != 3) {
            errors.add("spatialDims must be 2 (images) or 3 (voxel grids), got " + spatialDims);
        }
        if (errors.isEmpty()) {
            // Derived checks need the basic ones to hold first.
            SpaceGeometry g = new SpaceGeometry(n, nMax, depth, width, depthCompression, maxBottleneck, resolution);
            for (int b = 0; b < BLOCKS; b++) {
                if (g.blockInput(b) < n) {
                    errors.add(String.format(Locale.ROOT,
                            "block %d would get %d input channels (< N=%d): increase width or decrease N",
                            b, g.blockInput(b), n));
                } else if (bankSizeChoices(g, b, n, nMax / n, depthCompression).isEmpty()) {
                    errors.add(String.format(Locale.ROOT,
                            "block %d has no valid bank size: with D=%d, a bank size must be a multiple of D or"
                                    + " leave at least D initial banks of its %d input channels",
                            b, depthCompression, g.blockInput(b)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid search space: " + String.join("; ", errors));
        }
    }

    /** k = N_max / N: the max op width and bank size in units of N, and the height of c. */
    public int k() {
        return nMax / n;
    }

    /** Derived per-block reference budgets and encoding sizes. */
    public SpaceGeometry geometry() {
        return new SpaceGeometry(n, nMax, depth, width, depthCompression, maxBottleneck, resolution);
    }

    /**
     * Bank sizes (units of N) allowed in block {@code b}: s in 1..k with s a multiple of D, or with at least D
     * initial banks (spec 2.1), and always at least one initial bank. The rule comes from the slice encoding: a read of banks that do not fill whole
     * slices must come in multiples of D banks.
     */
    public List<Integer> bankSizeChoices(int b) {
        return bankSizeChoices(geometry(), b, n, k(), depthCompression);
    }

    private static List<Integer> bankSizeChoices(SpaceGeometry g, int b, int n, int k, int d) {
        List<Integer> out = new ArrayList<>();
        for (int s = 1; s <= k; s++) {
            int initial = g.blockInput(b) / (s * n);
            if (initial >= 1 && (s % d == 0 || initial >= d)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Odd kernel sizes 3..maxKernel. */
    public List<Integer> kernelSizes() {
        List<Integer> out = new ArrayList<>();
        for (int s = 3; s <= maxKernel; s += 2) {
            out.add(s);
        }
        return out;
    }

    /** Allowed groups: the divisors of N up to maxGroups (just 1 without varGroup). */
    public List<Integer> groupChoices() {
        List<Integer> out = new ArrayList<>();
        for (int f = 1; f <= n; f++) {
            if (n % f == 0 && (f <= maxGroups) && (varGroup || f == 1)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Largest dilation allowed with kernel size {@code ks}: the original's bound 4 - (ks-1)/2 (ks=3 -> 3,
     * ks=5 -> 2, ks=7 -> 1), which keeps the dilated extent near 7-9 pixels, capped by maxDilate (the
     * original ignored maxDilate, bug 11) and never below 1.
     */
    public int maxDilation(int ks) {
        return Math.max(1, Math.min(maxDilate, 4 - (ks - 1) / 2));
    }

    /** Channels of the 1x1 conv of an op that reads {@code nch} channels and has width g (units of N). */
    public int bottleneckChannels(int nch, int g) {
        int gN = g * n;
        int mult = Math.max(1, Math.min(bottleneck, nch / gN));
        return Math.min(Math.min(mult * gN, nch), maxBottleneck * nMax);
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent builder with {@code opt*} setters, starting from a preset. */
    public static final class Builder {
        private int n, nMax, depth, width, bottleneck, maxBottleneck, depthCompression, maxDilate, maxKernel,
                maxGroups, inChannels, resolution, numClasses, spatialDims;
        private OpMode opMode;
        private boolean varKs, varGroup;
        private double minBudget;

        private Builder(SearchSpaceConfig c) {
            n = c.n; nMax = c.nMax; depth = c.depth; width = c.width; bottleneck = c.bottleneck;
            maxBottleneck = c.maxBottleneck; depthCompression = c.depthCompression; maxDilate = c.maxDilate;
            maxKernel = c.maxKernel; maxGroups = c.maxGroups; opMode = c.opMode; varKs = c.varKs;
            varGroup = c.varGroup; minBudget = c.minBudget; inChannels = c.inChannels;
            resolution = c.resolution; numClasses = c.numClasses; spatialDims = c.spatialDims;
        }

        public Builder optN(int v) { n = v; return this; }
        public Builder optNMax(int v) { nMax = v; return this; }
        public Builder optDepth(int v) { depth = v; return this; }
        public Builder optWidth(int v) { width = v; return this; }
        public Builder optBottleneck(int v) { bottleneck = v; return this; }
        public Builder optMaxBottleneck(int v) { maxBottleneck = v; return this; }
        public Builder optDepthCompression(int v) { depthCompression = v; return this; }
        public Builder optMaxDilate(int v) { maxDilate = v; return this; }
        public Builder optMaxKernel(int v) { maxKernel = v; return this; }
        public Builder optMaxGroups(int v) { maxGroups = v; return this; }
        public Builder optOpMode(OpMode v) { opMode = v; return this; }
        public Builder optVarKs(boolean v) { varKs = v; return this; }
        public Builder optVarGroup(boolean v) { varGroup = v; return this; }
        public Builder optMinBudget(double v) { minBudget = v; return this; }
        public Builder optInChannels(int v) { inChannels = v; return this; }
        public Builder optResolution(int v) { resolution = v; return this; }
        public Builder optNumClasses(int v) { numClasses = v; return this; }
        public Builder optSpatialDims(int v) { spatialDims = v; return this; }

        public SearchSpaceConfig build() {
            return new SearchSpaceConfig(n, nMax, depth, width, bottleneck, maxBottleneck, depthCompression,
                    maxDilate, maxKernel, maxGroups, opMode, varKs, varGroup, minBudget, inChannels, resolution,
                    numClasses, spatialDims);
        }
    }
}
