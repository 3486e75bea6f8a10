package org.smash4j.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training-time augmentation of one data set: random crop of the original size from the image padded with
 * zeros on every side (torchvision RandomCrop(size, padding)), then a random horizontal flip. Which crop and
 * flip an image gets is drawn from a random stream the caller passes in, never from shared state, so the same
 * (seed, step, position in batch) always yields the same augmented image.
 *
 * <p>Voxel grids have their own augmentation instead, SMASH's ModelNet jitter ({@link VoxelDataset.Jitter}:
 * flips and shifts with wrap-around), drawn from the same per-image stream.
 *
 * @param padding zero padding on each side; 0 disables the crop
 * @param horizontalFlip whether to mirror left-right with probability 1/2
 * @param voxelJitter whether to jitter voxel grids (then padding is 0 and horizontalFlip false)
 */
public record Augmentation(int padding, boolean horizontalFlip, boolean voxelJitter) {

    /** No augmentation (digits, evaluation). */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** SMASH's ModelNet training augmentation of voxel grids. */
    public static final Augmentation VOXEL_JITTER = new Augmentation(0, false, true);

    /** An image augmentation. */
    public Augmentation(int padding, boolean horizontalFlip) {
        this(padding, horizontalFlip, false);
    }

    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        if (voxelJitter && (padding != 0 || horizontalFlip)) {
            throw new IllegalArgumentException("voxel jitter does not combine with image crops and flips");
        }
    }

    /** Random crop with {@code padding} and horizontal flip (CIFAR: 4, 28x28 images: 2). */
    public static Augmentation cropAndFlip(int padding) {
        return new Augmentation(padding, true);
    }

    public boolean isNone() {
        return padding == 0 && !horizontalFlip && !voxelJitter;
    }

    /**
     * Where the crop window starts in the padded image and whether to flip.
     *
     * @param top row of the padded image that becomes row 0, in 0..2*padding
     * @param left column of the padded image that becomes column 0, in 0..2*padding
     */
    public record Placement(int top, int left, boolean flip) {
    }

    /** Draws one image's placement: crop top, then crop left, then flip, each only when enabled. */
    public Placement draw(SplittableRandom random) {
        int top = padding;
        int left = padding;
        if (padding > 0) {
            top = random.nextInt(2 * padding + 1);
            left = random.nextInt(2 * padding + 1);
        }
        boolean flip = horizontalFlip && random.nextBoolean();
        return new Placement(top, left, flip);
    }

    /**
     * Writes the augmented CHW image to {@code dst}: out[c][y][x] = in[c][y + top - padding][x' + left - padding]
     * with x' = (flip ? width-1-x : x), and 0 where that falls in the padding.
     */
    public void apply(byte[] src, int srcOffset, int channels, int height, int width, Placement placement,
            byte[] dst, int dstOffset) {
        int dy = placement.top() - padding;
        int dx = placement.left() - padding;
        if (Math.abs(dy) > padding || Math.abs(dx) > padding) {
            throw new IllegalArgumentException(placement + " lies outside the padding of " + padding);
        }
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                int outRow = dstOffset + plane + y * width;
                if (sy < 0 || sy >= height) {
                    Arrays.fill(dst, outRow, outRow + width, (byte) 0);
                    continue;
                }
                int inRow = srcOffset + plane + sy * width;
                for (int x = 0; x < width; x++) {
                    int sx = (placement.flip() ? width - 1 - x : x) + dx;
                    dst[outRow + x] = sx < 0 || sx >= width ? 0 : src[inRow + sx];
                }
            }
        }
    }
}
