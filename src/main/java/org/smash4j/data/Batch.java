package org.smash4j.data;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One minibatch ready for the network: normalised float pixels NCHW (voxel grids: NCDHW) plus labels, and where it
 * sits in the run (epoch, global step, position in the epoch's order). Arrays are copied in and out so the value stays
 * immutable; {@link #pixelBuffer()} is a read-only view for callers that only hand the data to a tensor.
 *
 * @param epoch the epoch it belongs to (0 for evaluation)
 * @param step the global step: epoch * batchesPerEpoch + batch index within the epoch
 * @param firstIndex position of its first image in the epoch's (shuffled) order: batch index * batch size
 * @param size number of images (the last batch of an epoch may be smaller unless drop-last is set)
 * @param imageIndices index in the data set of each image, in batch order
 * @param depth the depth of voxel grids, 0 for images (no depth axis)
 */
public record Batch(int epoch, long step, int firstIndex, int size, int channels, int height, int width,
        float[] pixels, int[] labels, int[] imageIndices, int depth) {

    /** A batch of images. */
    public Batch(int epoch, long step, int firstIndex, int size, int channels, int height, int width, float[] pixels,
            int[] labels, int[] imageIndices) {
        this(epoch, step, firstIndex, size, channels, height, width, pixels, labels, imageIndices, 0);
    }

    public Batch {
        if (size <= 0 || channels <= 0 || height <= 0 || width <= 0 || depth < 0) {
            throw new IllegalArgumentException("batch size and image shape must be positive, got size " + size
                    + ", " + channels + "x" + height + "x" + width);
        }
        if (pixels.length != size * channels * Math.max(depth, 1) * height * width || labels.length != size
                || imageIndices.length != size) {
            throw new IllegalArgumentException("a batch of " + size + " images of " + channels + "x" + height + "x"
                    + width + (depth > 0 ? "x" + depth + " deep" : "") + " needs "
                    + size * channels * Math.max(depth, 1) * height * width + " pixels, " + size + " labels and "
                    + size + " indices; got " + pixels.length + ", " + labels.length + " and " + imageIndices.length);
        }
        pixels = pixels.clone();
        labels = labels.clone();
        imageIndices = imageIndices.clone();
    }

    /** A copy of the normalised pixels, [image][channel][row][col]. */
    @Override
    public float[] pixels() {
        return pixels.clone();
    }

    /** A read-only view of the normalised pixels, without copying. */
    public FloatBuffer pixelBuffer() {
        return FloatBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int[] imageIndices() {
        return imageIndices.clone();
    }

    public int label(int i) {
        return labels[i];
    }

    /** The NCHW shape {size, channels, height, width}, or NCDHW for voxel grids. */
    public long[] shape() {
        return depth > 0 ? new long[] {size, channels, depth, height, width}
                : new long[] {size, channels, height, width};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && epoch == b.epoch && step == b.step && firstIndex == b.firstIndex
                && size == b.size && channels == b.channels && height == b.height && width == b.width
                && depth == b.depth
                && Arrays.equals(pixels, b.pixels) && Arrays.equals(labels, b.labels)
                && Arrays.equals(imageIndices, b.imageIndices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(step) + Arrays.hashCode(labels)) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Batch[epoch " + epoch + ", step " + step + ", first " + firstIndex + ", " + size + " x " + channels
                + "x" + height + "x" + width + "]";
    }
}
