package org.smash4j.data;

import java.util.Objects;
import java.util.SplittableRandom;
import org.smash4j.util.RandomStreams;

/**
 * The training batches of a run: each epoch visits the set in an order shuffled by
 * {@code RandomStreams.of(seed, "shuffle", epoch)}, and the images of global step s are augmented from
 * {@code RandomStreams.of(seed, "augment", s)} in batch order. A batch is therefore a pure function of
 * (seed, epoch, batch index), which makes prefetching invisible in the results and lets a resumed run start
 * at any step and see exactly the batches an uninterrupted run would.
 */
public final class TrainingBatches {
    private final ImageDataset data;
    private final Normalization normalization;
    private final Augmentation augmentation;
    private final long seed;
    private final BatchSettings settings;
    private final BatchMaker maker;

    public TrainingBatches(ImageDataset data, Normalization normalization, Augmentation augmentation, long seed,
            BatchSettings settings) {
        this.data = Objects.requireNonNull(data, "data");
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seed = seed;
        if (batchesPerEpoch() == 0) {
            throw new IllegalArgumentException(data.name() + ": " + data.size() + " images make no batch of "
                    + settings.batchSize() + (settings.dropLast() ? " with drop-last" : ""));
        }
        this.maker = new BatchMaker(data, normalization);
    }

    /** Batch size 50, no drop-last, prefetch 2. */
    public TrainingBatches(ImageDataset data, Normalization normalization, Augmentation augmentation, long seed) {
        this(data, normalization, augmentation, seed, BatchSettings.DEFAULT);
    }

    public ImageDataset data() {
        return data;
    }

    public Normalization normalization() {
        return normalization;
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    public long seed() {
        return seed;
    }

    public BatchSettings settings() {
        return settings;
    }

    public int batchesPerEpoch() {
        int n = data.size();
        int b = settings.batchSize();
        return settings.dropLast() ? n / b : (n + b - 1) / b;
    }

    /** The order in which epoch {@code epoch} visits the images (a permutation of 0..size-1). */
    public int[] order(int epoch) {
        checkEpoch(epoch);
        return Permutations.shuffled(data.size(), RandomStreams.of(seed, "shuffle", epoch));
    }

    /** Batch {@code batchIndex} of epoch {@code epoch}, computed on the caller's thread. */
    public Batch batch(int epoch, int batchIndex) {
        Objects.checkIndex(batchIndex, batchesPerEpoch());
        return make(order(epoch), epoch, batchIndex);
    }

    /** All batches of {@code epoch}. */
    public BatchStream epoch(int epoch) {
        return epoch(epoch, 0);
    }

    /** The batches of {@code epoch} from batch {@code startBatch} on (for resuming mid-epoch). */
    public BatchStream epoch(int epoch, int startBatch) {
        if (startBatch < 0 || startBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("start batch " + startBatch + " is outside 0.." + batchesPerEpoch()
                    + " for epoch " + epoch);
        }
        int[] order = order(epoch);
        return new BatchStream(b -> make(order, epoch, b), startBatch, batchesPerEpoch(), settings.prefetch());
    }

    /** The rest of the epoch that contains global step {@code step}, starting at that step. */
    public BatchStream fromStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        long epoch = step / batchesPerEpoch();
        if (epoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("step " + step + " lies beyond the last representable epoch");
        }
        return epoch((int) epoch, (int) (step % batchesPerEpoch()));
    }

    private Batch make(int[] order, int epoch, int batchIndex) {
        int first = batchIndex * settings.batchSize();
        int size = Math.min(settings.batchSize(), data.size() - first);
        long step = (long) epoch * batchesPerEpoch() + batchIndex;
        SplittableRandom random = RandomStreams.of(seed, "augment", step);
        return maker.make(order, first, size, augmentation, random, epoch, step);
    }

    private static void checkEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }
}
