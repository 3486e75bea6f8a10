package org.smash4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An immutable, labelled set of 3-D objects, each seen from the same number of rotations as a 32x32x32
 * occupancy grid of values {0,1} (ModelNet10, {@link ModelNet10Format}), as read; training and evaluation
 * use its grids as an {@link ImageDataset} of voxel grids ({@link #toGrids}).
 *
 * <p>A grid is addressed as the npy array it came from: voxel (i, j, k) at index (i*32 + j)*32 + k. Since every
 * value is 0 or 1 the grids are stored bit-packed, 4 KiB per grid instead of 32 KiB: SMASH's 24-rotation
 * training set (3,991 objects) takes 392 MB rather than 3.1 GB. {@link #grid} hands out uint8 copies.
 */
public final class VoxelDataset {
    public static final int SIDE = 32;
    public static final int VOXELS = SIDE * SIDE * SIDE;
    static final int PACKED_BYTES = VOXELS / 8;

    /** SMASH's input scaling x*6-1, mapping empty 0 to -1 and occupied 1 to 5. */
    public static final float SCALE = 6f;
    public static final float OFFSET = -1f;

    private final String name;
    private final int rotations;
    private final byte[][] packed; // [object][rotation * PACKED_BYTES + voxel / 8], bit voxel % 8
    private final int[] labels;
    private final List<String> classNames;

    VoxelDataset(String name, int rotations, byte[][] packed, int[] labels, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.classNames = List.copyOf(classNames);
        if (rotations < 1) {
            throw new IllegalArgumentException(name + ": needs at least one rotation, got " + rotations);
        }
        if (packed.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + packed.length + " objects but " + labels.length
                    + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (packed[i].length != rotations * PACKED_BYTES) {
                throw new IllegalArgumentException(name + ": object " + i + " does not hold " + rotations + " grids");
            }
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of object " + i
                        + " is outside 0.." + (this.classNames.size() - 1));
            }
        }
        this.rotations = rotations;
        this.packed = packed;
        this.labels = labels;
    }

    /**
     * A set from uint8 grids {@code voxels[object][rotation][VOXELS]} of 0s and 1s (copied).
     *
     * @throws IllegalArgumentException for a value other than 0 or 1, or ragged rotations
     */
    public static VoxelDataset of(String name, byte[][][] voxels, int[] labels, List<String> classNames) {
        int rotations = voxels.length == 0 ? 1 : voxels[0].length;
        byte[][] packed = new byte[voxels.length][];
        for (int o = 0; o < voxels.length; o++) {
            if (voxels[o].length != rotations) {
                throw new IllegalArgumentException(name + ": object " + o + " has " + voxels[o].length
                        + " rotations, object 0 has " + rotations);
            }
            packed[o] = new byte[rotations * PACKED_BYTES];
            for (int r = 0; r < rotations; r++) {
                if (voxels[o][r].length != VOXELS) {
                    throw new IllegalArgumentException(name + ": grid " + o + "/" + r + " holds " + voxels[o][r].length
                            + " values, not " + VOXELS);
                }
                int bad = pack(voxels[o][r], 0, packed[o], r * PACKED_BYTES);
                if (bad >= 0) {
                    throw new IllegalArgumentException(name + ": value " + voxels[o][r][bad] + " at index " + bad
                            + " of grid " + o + "/" + r + " is not 0 or 1");
                }
            }
        }
        return new VoxelDataset(name, rotations, packed, labels.clone(), classNames);
    }

    /**
     * Packs the grid at {@code grid[offset..offset+VOXELS)} into {@code PACKED_BYTES} bytes at {@code dst[dstOffset]}.
     *
     * @return -1, or the index within the grid of the first value that is not 0 or 1
     */
    static int pack(byte[] grid, int offset, byte[] dst, int dstOffset) {
        for (int b = 0; b < PACKED_BYTES; b++) {
            int bits = 0;
            for (int t = 0; t < 8; t++) {
                int v = grid[offset + b * 8 + t];
                if ((v & ~1) != 0) {
                    return b * 8 + t;
                }
                bits |= v << t;
            }
            dst[dstOffset + b] = (byte) bits;
        }
        return -1;
    }

    public String name() {
        return name;
    }

    /** Number of objects. */
    public int size() {
        return labels.length;
    }

    /** Grids per object. */
    public int rotations() {
        return rotations;
    }

    public int label(int object) {
        return labels[object];
    }

    public int[] labels() {
        return labels.clone();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    /** 0 or 1 at (i, j, k) of grid {@code rotation} of {@code object}. */
    public int voxel(int object, int rotation, int i, int j, int k) {
        Objects.checkIndex(rotation, rotations);
        int index = (Objects.checkIndex(i, SIDE) * SIDE + Objects.checkIndex(j, SIDE)) * SIDE
                + Objects.checkIndex(k, SIDE);
        return packed[Objects.checkIndex(object, size())][rotation * PACKED_BYTES + index / 8] >> (index % 8) & 1;
    }

    /** A uint8 copy of grid {@code rotation} of {@code object}: {@link #VOXELS} values 0 or 1. */
    public byte[] grid(int object, int rotation) {
        Objects.checkIndex(rotation, rotations);
        byte[] src = packed[Objects.checkIndex(object, size())];
        byte[] out = new byte[VOXELS];
        int base = rotation * PACKED_BYTES;
        for (int v = 0; v < VOXELS; v++) {
            out[v] = (byte) (src[base + v / 8] >> (v % 8) & 1);
        }
        return out;
    }

    /** Every rotation of {@code object}, for averaging predictions over them at test time. */
    public byte[][] allRotations(int object) {
        byte[][] out = new byte[rotations][];
        for (int r = 0; r < rotations; r++) {
            out[r] = grid(object, r);
        }
        return out;
    }

    /**
     * SMASH's choice of rotations when it uses {@code count} of {@code available}: python's
     * {@code range(0, available, available // count)} (24 and 12 give 0, 2, ..., 22).
     */
    public static int[] spacedRotations(int available, int count) {
        if (count < 1 || count > available) {
            throw new IllegalArgumentException("cannot use " + count + " of " + available + " rotations");
        }
        int step = available / count;
        return java.util.stream.IntStream.iterate(0, r -> r < available, r -> r + step).toArray();
    }

    /** The first {@code n} objects (SMASH trains ModelNet10 on the first 3,990). */
    public VoxelDataset first(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException(name + ": cannot take " + n + " objects from a set of " + size());
        }
        return new VoxelDataset(name + "[first " + n + "]", rotations, Arrays.copyOf(packed, n),
                Arrays.copyOf(labels, n), classNames);
    }

    /**
     * Every grid as a sample of an {@link ImageDataset} of voxel grids of side {@code side} (32, 16 or 8), one
     * channel, occupied voxels 255 and empty ones 0 ({@link Normalization#VOXELS} maps them to SMASH's 5 and -1).
     * A smaller side takes the maximum over each (32/side)^3 cell: a cell is occupied when any of its voxels is.
     * Each rotation of an object is its own sample, in object order, rotations together; with several rotations
     * the set records which object each grid shows ({@link ImageDataset#objects}).
     */
    public ImageDataset toGrids(int side) {
        if (side < 4 || SIDE % side != 0) {
            throw new IllegalArgumentException("a grid side must divide 32 and be at least 4, got " + side);
        }
        int f = SIDE / side;
        int cells = side * side * side;
        int count = size() * rotations;
        byte[] out = new byte[count * cells];
        int[] sampleLabels = new int[count];
        int[] objects = new int[count];
        for (int o = 0; o < size(); o++) {
            byte[] src = packed[o];
            for (int r = 0; r < rotations; r++) {
                int sample = o * rotations + r;
                sampleLabels[sample] = labels[o];
                objects[sample] = o;
                int base = r * PACKED_BYTES;
                for (int v = 0; v < VOXELS; v++) {
                    if ((src[base + v / 8] >> (v % 8) & 1) != 0) {
                        int i = v / (SIDE * SIDE) / f;
                        int j = v / SIDE % SIDE / f;
                        int k = v % SIDE / f;
                        out[sample * cells + (i * side + j) * side + k] = (byte) 255;
                    }
                }
            }
        }
        String suffix = side == SIDE ? "" : " at " + side + "^3";
        return ImageDataset.voxels(name + suffix, 1, side, out, sampleLabels, rotations > 1 ? objects : null,
                classNames);
    }

    /** The network input for a grid: x*6-1 per voxel, so 0 becomes -1 and 1 becomes 5. */
    public static float[] scaled(byte[] grid) {
        float[] out = new float[grid.length];
        scaleInto(grid, out, 0);
        return out;
    }

    /** {@link #scaled} into {@code dst} at {@code offset}, to fill a batch without extra arrays. */
    public static void scaleInto(byte[] grid, float[] dst, int offset) {
        for (int v = 0; v < grid.length; v++) {
            dst[offset + v] = grid[v] * SCALE + OFFSET;
        }
    }

    /**
     * SMASH's ModelNet training augmentation ({@code jitter_chunk}): flip axis i, then axis j, each with
     * probability 0.2, then roll each of the three axes by an integer in [-2, 1] with wrap-around (np.roll).
     */
    public record Jitter(boolean flipI, boolean flipJ, int shiftI, int shiftJ, int shiftK) {
        public static final double FLIP_PROBABILITY = 0.2;
        public static final int MIN_SHIFT = -2;
        public static final int MAX_SHIFT = 1;

        public Jitter {
            for (int s : new int[] {shiftI, shiftJ, shiftK}) {
                if (s < MIN_SHIFT || s > MAX_SHIFT) {
                    throw new IllegalArgumentException("shift " + s + " is outside [-2, 1]");
                }
            }
        }

        /** Draws flips then shifts in SMASH's order, from the caller's stream only. */
        public static Jitter draw(SplittableRandom random) {
            boolean flipI = random.nextDouble() < FLIP_PROBABILITY;
            boolean flipJ = random.nextDouble() < FLIP_PROBABILITY;
            return new Jitter(flipI, flipJ, random.nextInt(MIN_SHIFT, MAX_SHIFT + 1),
                    random.nextInt(MIN_SHIFT, MAX_SHIFT + 1), random.nextInt(MIN_SHIFT, MAX_SHIFT + 1));
        }

        /** A new grid: out[i][j][k] = flipped[(i - shiftI) mod 32][(j - shiftJ) mod 32][(k - shiftK) mod 32]. */
        public byte[] apply(byte[] grid) {
            if (grid.length != VOXELS) {
                throw new IllegalArgumentException("a grid holds " + VOXELS + " values, got " + grid.length);
            }
            byte[] out = new byte[VOXELS];
            apply(grid, 1, SIDE, out);
            return out;
        }

        /**
         * The same for {@code channels} grids of side {@code side} (C x side^3 values, e.g. a reduced-resolution
         * sample), written to {@code dst}; every channel moves alike and the shifts stay whole voxels.
         */
        public void apply(byte[] src, int channels, int side, byte[] dst) {
            int grid = side * side * side;
            if (src.length < channels * grid || dst.length < channels * grid) {
                throw new IllegalArgumentException(channels + " grids of side " + side + " need " + channels * grid
                        + " values");
            }
            for (int c = 0; c < channels; c++) {
                int base = c * grid;
                for (int i = 0; i < side; i++) {
                    int si = source(i, shiftI, flipI, side);
                    for (int j = 0; j < side; j++) {
                        int sj = source(j, shiftJ, flipJ, side);
                        int out = base + (i * side + j) * side;
                        int in = base + (si * side + sj) * side;
                        for (int k = 0; k < side; k++) {
                            dst[out + k] = src[in + source(k, shiftK, false, side)];
                        }
                    }
                }
            }
        }

        private static int source(int index, int shift, boolean flip, int side) {
            int rolled = Math.floorMod(index - shift, side);
            return flip ? side - 1 - rolled : rolled;
        }
    }

    /** A jittered copy of {@code grid}, drawn from {@code random}. */
    public static byte[] augment(byte[] grid, SplittableRandom random) {
        return Jitter.draw(random).apply(grid);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " objects x " + rotations + " rotations of 32^3 voxels, " + classCount()
                + " classes)";
    }
}
