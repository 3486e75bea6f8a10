package org.smash4j.data;

import java.util.Objects;

/**
 * A data set as a run uses it: the training and test sets plus the normalisation and training-time
 * augmentation that belong to it. The test set is for final reporting only; selection uses a validation
 * split of {@link #train()} ({@link Splits}).
 */
public record TrainTestData(String name, ImageDataset train, ImageDataset test, Normalization normalization,
        Augmentation augmentation) {

    public TrainTestData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(augmentation, "augmentation");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width() || train.spatialDims() != test.spatialDims()) {
            throw new IllegalArgumentException(name + ": train images are " + train.channels() + "x" + train.height()
                    + "x" + train.width() + " but test images are " + test.channels() + "x" + test.height() + "x"
                    + test.width());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(name + ": train and test sets have different class lists");
        }
        if (normalization.channels() != train.channels()) {
            throw new IllegalArgumentException(name + ": normalisation has " + normalization.channels()
                    + " channels, the images " + train.channels());
        }
    }

    public int classCount() {
        return train.classCount();
    }
}
