package org.smash4j.data;

/**
 * How an epoch is cut into batches.
 *
 * @param batchSize images per batch (SMASH uses 50)
 * @param dropLast whether to drop a final batch smaller than batchSize
 * @param prefetch how many batches a background thread prepares ahead (0 = prepare on the caller's thread)
 */
public record BatchSettings(int batchSize, boolean dropLast, int prefetch) {
    /** Most batches prepared ahead: enough to overlap with training on two cores without hoarding memory. */
    public static final int MAX_PREFETCH = 2;

    /** Batch 50, keep the last partial batch, prefetch 2. */
    public static final BatchSettings DEFAULT = new BatchSettings(50, false, MAX_PREFETCH);

    public BatchSettings {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (prefetch < 0 || prefetch > MAX_PREFETCH) {
            throw new IllegalArgumentException("prefetch must be in 0.." + MAX_PREFETCH + ", got " + prefetch);
        }
    }

    public BatchSettings withBatchSize(int newBatchSize) {
        return new BatchSettings(newBatchSize, dropLast, prefetch);
    }

    public BatchSettings withDropLast(boolean newDropLast) {
        return new BatchSettings(batchSize, newDropLast, prefetch);
    }

    public BatchSettings withPrefetch(int newPrefetch) {
        return new BatchSettings(batchSize, dropLast, newPrefetch);
    }
}
