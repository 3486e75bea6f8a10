package org.smash4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the binary versions of CIFAR-10 ({@code cifar-10-batches-bin/}) and CIFAR-100
 * ({@code cifar-100-binary/}): headerless records of label byte(s) then 3072 pixel bytes, the red, green and
 * blue 32x32 planes row-major, which is already our CHW layout.
 */
public final class CifarFormat {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    private static final int PIXELS = CHANNELS * SIDE * SIDE;

    /** Which CIFAR-100 label to use. */
    public enum Cifar100Labels {
        /** The 100 classes (default). */
        FINE,
        /** The 20 superclasses. */
        COARSE
    }

    private CifarFormat() {
    }

    /** CIFAR-10 training set: data_batch_1..5.bin (50,000 images in the real files). */
    public static ImageDataset readCifar10Train(Path dir) throws IOException {
        Path[] files = new Path[5];
        for (int k = 0; k < 5; k++) {
            files[k] = dir.resolve("data_batch_" + (k + 1) + ".bin");
        }
        return readCifar10(dir, files, "cifar10/train");
    }

    /** CIFAR-10 test set: test_batch.bin. */
    public static ImageDataset readCifar10Test(Path dir) throws IOException {
        return readCifar10(dir, new Path[] {dir.resolve("test_batch.bin")}, "cifar10/test");
    }

    /** CIFAR-100 train.bin with the chosen labels. */
    public static ImageDataset readCifar100Train(Path dir, Cifar100Labels labels) throws IOException {
        return readCifar100(dir, dir.resolve("train.bin"), labels, "train");
    }

    /** CIFAR-100 test.bin with the chosen labels. */
    public static ImageDataset readCifar100Test(Path dir, Cifar100Labels labels) throws IOException {
        return readCifar100(dir, dir.resolve("test.bin"), labels, "test");
    }

    private static ImageDataset readCifar10(Path dir, Path[] files, String name) throws IOException {
        List<String> classes = DataFiles.classNames(dir.resolve("batches.meta.txt"), 10);
        Records records = readRecords(files, new int[] {10}, 0);
        return new ImageDataset(name, CHANNELS, SIDE, SIDE, records.pixels, records.labels, classes);
    }

    private static ImageDataset readCifar100(Path dir, Path file, Cifar100Labels which, String split)
            throws IOException {
        boolean fine = which == Cifar100Labels.FINE;
        List<String> classes = fine ? DataFiles.classNames(dir.resolve("fine_label_names.txt"), 100)
                : DataFiles.classNames(dir.resolve("coarse_label_names.txt"), 20);
        Records records = readRecords(new Path[] {file}, new int[] {20, 100}, fine ? 1 : 0);
        return new ImageDataset("cifar100" + (fine ? "" : "-coarse") + "/" + split, CHANNELS, SIDE, SIDE,
                records.pixels, records.labels, classes);
    }

    private record Records(PixelStore pixels, int[] labels) {
    }

    /**
     * Reads records of {@code labelLimits.length} label bytes plus 3072 pixels from each file in turn,
     * checking every label byte against its limit and keeping label byte {@code keep}.
     */
    private static Records readRecords(Path[] files, int[] labelLimits, int keep) throws IOException {
        String[] labelNames = labelLimits.length == 1 ? new String[] {"label"}
                : new String[] {"coarse label", "fine label"};
        int recordBytes = labelLimits.length + PIXELS;
        int total = 0;
        int[] counts = new int[files.length];
        for (int f = 0; f < files.length; f++) {
            DataFiles.requireFile(files[f], "a CIFAR binary batch of " + recordBytes + "-byte records");
            long size = DataFiles.size(files[f]);
            if (size == 0) {
                throw new DataFormatException(files[f], "file is empty (expected " + recordBytes + "-byte records)");
            }
            if (size % recordBytes != 0) {
                throw new DataFormatException(files[f], "truncated file: " + size + " bytes is not a whole number of "
                        + recordBytes + "-byte records (" + labelLimits.length + " label byte"
                        + (labelLimits.length == 1 ? "" : "s") + " + " + PIXELS + " pixels); the last record has only "
                        + size % recordBytes + " bytes");
            }
            counts[f] = Math.toIntExact(size / recordBytes);
            total = Math.addExact(total, counts[f]);
        }
        PixelStore.Builder pixels = new PixelStore.Builder(total, PIXELS);
        int[] labels = new int[total];
        byte[] record = new byte[recordBytes];
        int image = 0;
        for (int f = 0; f < files.length; f++) {
            try (InputStream in = DataFiles.open(files[f], false)) {
                for (int r = 0; r < counts[f]; r++, image++) {
                    if (in.readNBytes(record, 0, recordBytes) < recordBytes) {
                        throw new DataFormatException(files[f], "truncated file: record " + r + " ends early");
                    }
                    for (int k = 0; k < labelLimits.length; k++) {
                        int value = record[k] & 0xFF;
                        if (value >= labelLimits[k]) {
                            throw new DataFormatException(files[f], labelNames[k] + " " + value + " of record " + r
                                    + " is out of range 0.." + (labelLimits[k] - 1));
                        }
                    }
                    labels[image] = record[keep] & 0xFF;
                    pixels.set(image, record, labelLimits.length);
                }
            }
        }
        return new Records(pixels.build(), labels);
    }
}
