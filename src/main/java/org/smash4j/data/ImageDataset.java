package org.smash4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smash4j.util.RandomStreams;

/**
 * An immutable, labelled set of equally sized images held in memory as uint8, laid out
 * [image][channel][row][col] (NCHW). One byte per value keeps sets up to ImageNet32x32 in memory; pixels
 * become floats only batch by batch ({@link TrainingBatches}), after augmentation and normalisation.
 *
 * <p>The same set holds voxel grids ({@link #voxels}): cubes as deep as they are high, laid out
 * [grid][channel][depth][row][col] (NCDHW), so splits, subsets, summaries and batching serve both; a grid's
 * "pixels" are its voxels.
 */
public final class ImageDataset {
    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final int spatialDims;
    private final PixelStore pixels;
    private final int[] labels;
    private final int[] objects; // voxel grids: the object each grid shows (its rotations share it); else null
    private final List<String> classNames;

    ImageDataset(String name, int channels, int height, int width, PixelStore pixels, int[] labels,
            List<String> classNames) {
        this(name, channels, height, width, 2, pixels, labels, null, classNames);
    }

    private ImageDataset(String name, int channels, int height, int width, int spatialDims, PixelStore pixels,
            int[] labels, int[] objects, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        if (spatialDims != 2 && (spatialDims != 3 || height != width)) {
            throw new IllegalArgumentException(name + ": samples are images or cubic voxel grids, not "
                    + spatialDims + "-D of side " + height + "x" + width);
        }
        this.spatialDims = spatialDims;
        this.classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    name + ": channels, height and width must be positive, got " + channels + "x" + height + "x" + width);
        }
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one class name");
        }
        int depth = spatialDims == 3 ? height : 1;
        if (pixels.imageBytes() != channels * depth * height * width) {
            throw new IllegalArgumentException(name + ": images hold " + pixels.imageBytes() + " bytes, but "
                    + channels + "x" + (spatialDims == 3 ? height + "x" : "") + height + "x" + width + " needs "
                    + channels * depth * height * width);
        }
        if (pixels.count() != labels.length) {
            throw new IllegalArgumentException(
                    name + ": " + pixels.count() + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (this.classNames.size() - 1));
            }
        }
        if (objects != null && objects.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + objects.length + " object ids for " + labels.length
                    + " samples");
        }
        this.objects = objects;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * A data set from NCHW uint8 {@code pixels} (copied, so later changes to the caller's arrays do not show).
     *
     * @param classNames one name per class; labels must lie in 0..classNames.size()-1
     */
    public static ImageDataset of(String name, int channels, int height, int width, byte[] pixels, int[] labels,
            List<String> classNames) {
        int imageBytes = channels * height * width;
        if (imageBytes <= 0 || pixels.length % imageBytes != 0) {
            throw new IllegalArgumentException(name + ": " + pixels.length
                    + " pixel bytes are not a whole number of " + channels + "x" + height + "x" + width + " images");
        }
        PixelStore.Builder builder = new PixelStore.Builder(pixels.length / imageBytes, imageBytes);
        for (int i = 0; i < pixels.length / imageBytes; i++) {
            builder.set(i, pixels, i * imageBytes);
        }
        return new ImageDataset(name, channels, height, width, builder.build(), labels.clone(), classNames);
    }

    /**
     * A set of voxel grids of side {@code side} from NCDHW uint8 {@code voxels} (copied); one value per voxel, e.g.
     * occupancy as 0 or 255.
     *
     * @param objects the object each grid shows, so that the rotations of one object stay on one side of a split
     *     and are averaged at evaluation; null when every grid is an object of its own
     */
    public static ImageDataset voxels(String name, int channels, int side, byte[] voxels, int[] labels,
            int[] objects, List<String> classNames) {
        int gridBytes = channels * side * side * side;
        if (gridBytes <= 0 || voxels.length % gridBytes != 0) {
            throw new IllegalArgumentException(name + ": " + voxels.length + " voxel bytes are not a whole number of "
                    + channels + "x" + side + "x" + side + "x" + side + " grids");
        }
        PixelStore.Builder builder = new PixelStore.Builder(voxels.length / gridBytes, gridBytes);
        for (int i = 0; i < voxels.length / gridBytes; i++) {
            builder.set(i, voxels, i * gridBytes);
        }
        return new ImageDataset(name, channels, side, side, 3, builder.build(), labels.clone(),
                objects == null ? null : objects.clone(), classNames);
    }

    public String name() {
        return name;
    }

    /** 2 for images, 3 for voxel grids. */
    public int spatialDims() {
        return spatialDims;
    }

    /** The object each sample shows (several grids of one object: its rotations), or null: each is its own. */
    public int[] objects() {
        return objects == null ? null : objects.clone();
    }

    /** The depth of a voxel grid (its height); 1 for images, which have no depth axis. */
    public int depth() {
        return spatialDims == 3 ? height : 1;
    }

    /** Values per channel of one sample: height * width, times depth for voxel grids. */
    public int channelSize() {
        return depth() * height * width;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Bytes (values) per image: channels * height * width (times depth for voxel grids). */
    public int imageSize() {
        return channels * channelSize();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    public int label(int image) {
        return labels[image];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** The uint8 value (0..255) at (image, channel, row, col). */
    public int pixel(int image, int channel, int row, int col) {
        if (spatialDims != 2) {
            throw new IllegalStateException(name + " holds voxel grids, not images");
        }
        Objects.checkIndex(channel, channels);
        Objects.checkIndex(row, height);
        Objects.checkIndex(col, width);
        return pixels.get(Objects.checkIndex(image, size()), (channel * height + row) * width + col);
    }

    /** Copies image {@code image} (CHW, {@link #imageSize()} bytes) into {@code dst} at {@code dstOffset}. */
    public void copyImage(int image, byte[] dst, int dstOffset) {
        pixels.copyImage(Objects.checkIndex(image, size()), dst, dstOffset);
    }

    /** A copy of image {@code image}, CHW. */
    public byte[] image(int image) {
        byte[] out = new byte[imageSize()];
        copyImage(image, out, 0);
        return out;
    }

    /** The images at {@code indices}, in that order, as a new set called {@code newName}. */
    public ImageDataset select(int[] indices, String newName) {
        for (int index : indices) {
            Objects.checkIndex(index, size());
        }
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selectedLabels[i] = labels[indices[i]];
        }
        int[] selectedObjects = null;
        if (objects != null) {
            selectedObjects = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                selectedObjects[i] = objects[indices[i]];
            }
        }
        return new ImageDataset(newName, channels, height, width, spatialDims, pixels.select(indices), selectedLabels,
                selectedObjects, classNames);
    }

    /** The first {@code n} images (for quick runs and tests). */
    public ImageDataset first(int n) {
        checkSubsetSize(n);
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return select(indices, name + "[first " + n + "]");
    }

    /**
     * {@code n} images chosen uniformly without replacement by a seeded stream, kept in their original order
     * so that a subset of a subset stays easy to reason about.
     */
    public ImageDataset randomSubset(int n, long seed) {
        checkSubsetSize(n);
        int[] order = Permutations.shuffled(size(), RandomStreams.of(seed, "subset"));
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        return select(chosen, name + "[random " + n + ", seed " + seed + "]");
    }

    private void checkSubsetSize(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException(
                    name + ": cannot take " + n + " images from a set of " + size());
        }
    }

    @Override
    public String toString() {
        return name + " (" + size() + (spatialDims == 3 ? " voxel grids, " + channels + "x" + height + "x"
                : " images, " + channels + "x") + height + "x" + width + ", " + classNames.size() + " classes)";
    }
}
