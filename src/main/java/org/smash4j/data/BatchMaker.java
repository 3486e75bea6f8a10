package org.smash4j.data;

import java.util.SplittableRandom;

/**
 * Turns a run of positions in an ordering into a {@link Batch}: copy the uint8 images, augment, normalise
 * through a lookup table. Stateless apart from immutable tables, so the prefetch thread may use it freely.
 */
final class BatchMaker {
    private final ImageDataset data;
    private final float[][] table;

    BatchMaker(ImageDataset data, Normalization normalization) {
        if (normalization.channels() != data.channels()) {
            throw new IllegalArgumentException(data.name() + " has " + data.channels()
                    + " channels but the normalisation has " + normalization.channels());
        }
        this.data = data;
        this.table = normalization.lookupTable();
    }

    /**
     * @param order data-set index at each position; the batch takes positions first..first+size-1
     * @param random the batch's augmentation stream (may be null when augmentation is NONE)
     */
    Batch make(int[] order, int first, int size, Augmentation augmentation, SplittableRandom random, int epoch,
            long step) {
        int imageSize = data.imageSize();
        int plane = data.channelSize();
        float[] pixels = new float[size * imageSize];
        int[] labels = new int[size];
        int[] indices = new int[size];
        byte[] raw = new byte[imageSize];
        byte[] augmented = augmentation.isNone() ? raw : new byte[imageSize];
        for (int i = 0; i < size; i++) {
            int index = order[first + i];
            indices[i] = index;
            labels[i] = data.label(index);
            data.copyImage(index, raw, 0);
            if (augmentation.voxelJitter()) {
                VoxelDataset.Jitter.draw(random).apply(raw, data.channels(), data.height(), augmented);
            } else if (!augmentation.isNone()) {
                augmentation.apply(raw, 0, data.channels(), data.height(), data.width(), augmentation.draw(random),
                        augmented, 0);
            }
            int out = i * imageSize;
            for (int c = 0; c < data.channels(); c++) {
                float[] lut = table[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    pixels[out + p] = lut[augmented[p] & 0xFF];
                }
            }
        }
        return new Batch(epoch, step, first, size, data.channels(), data.height(), data.width(), pixels, labels,
                indices, data.spatialDims() == 3 ? data.depth() : 0);
    }
}
