package org.smash4j.data;

import java.util.Arrays;

/**
 * Batches for validation, test and scoring: every image once, in data-set order, never augmented, the last
 * batch kept even when smaller. Batch b has epoch 0 and step b.
 */
public final class EvaluationBatches {
    private EvaluationBatches() {
    }

    /** Unshuffled, unaugmented batches of {@code batchSize}, prefetched on a background thread. */
    public static BatchStream of(ImageDataset data, Normalization normalization, int batchSize) {
        return of(data, normalization, batchSize, BatchSettings.MAX_PREFETCH);
    }

    public static BatchStream of(ImageDataset data, Normalization normalization, int batchSize, int prefetch) {
        BatchSettings settings = new BatchSettings(batchSize, false, prefetch);
        BatchMaker maker = new BatchMaker(data, normalization);
        int[] identity = new int[data.size()];
        Arrays.setAll(identity, i -> i);
        int batches = (data.size() + batchSize - 1) / batchSize;
        return new BatchStream(b -> maker.make(identity, b * batchSize,
                Math.min(batchSize, data.size() - b * batchSize), Augmentation.NONE, null, 0, b),
                0, batches, settings.prefetch());
    }
}
