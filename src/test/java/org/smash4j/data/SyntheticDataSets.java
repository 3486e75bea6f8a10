package org.smash4j.data;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.smash4j.data.SyntheticFiles.cifarRecord;
import static org.smash4j.data.SyntheticFiles.gzip;
import static org.smash4j.data.SyntheticFiles.idxImages;
import static org.smash4j.data.SyntheticFiles.idxLabels;
import static org.smash4j.data.SyntheticFiles.names;
import static org.smash4j.data.SyntheticFiles.write;
import static org.smash4j.data.SyntheticFiles.writeLines;

/**
 * Whole small data sets in their standard files (see {@link SyntheticFiles}), for tests outside this package that
 * train on them through {@link DataSets}: image i has label i mod the class count.
 */
public final class SyntheticDataSets {
    private SyntheticDataSets() {
    }

    /** An {@code mnist} folder: 1x28x28 images, 10 classes. */
    public static Path mnist(Path dir, int train, int test) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(train)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(cyclic(train, 10))));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(test)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(cyclic(test, 10))));
        return dir;
    }

    /** A {@code cifar100} / {@code cifar100-coarse} folder: 3x32x32 images, 100 fine and 20 coarse classes. */
    public static Path cifar100(Path dir, int train, int test) {
        write(dir.resolve("train.bin"), cifar100Records(train));
        write(dir.resolve("test.bin"), cifar100Records(test));
        writeLines(dir.resolve("coarse_label_names.txt"), names("coarse", 20));
        writeLines(dir.resolve("fine_label_names.txt"), names("fine", 100));
        return dir;
    }

    private static byte[] cifar100Records(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(cifarRecord(i, i % 20, i % 100));
        }
        return out.toByteArray();
    }

    private static int[] cyclic(int count, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }
}
