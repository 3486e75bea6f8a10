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

    /**
     * Checks the record counts of a CIFAR-10 folder before anything is read: the five training batches and the
     * test batch hold equally many records (10,000 each in the real files), so a batch cut at a record boundary
     * is caught. Files that are missing or not whole records are left to the readers, which name them.
     */
    public static void requireCifar10Counts(Path dir) throws IOException {
        Path first = dir.resolve("data_batch_1.bin");
        List<Path> files = new java.util.ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            files.add(dir.resolve("data_batch_" + k + ".bin"));
        }
        files.add(dir.resolve("test_batch.bin"));
        long expected = records(first, 1 + PIXELS);
        for (Path f : files) {
            long n = records(f, 1 + PIXELS);
            if (expected >= 0 && n >= 0 && n != expected) {
                throw new DataFormatException(f, "holds " + n + " records, but " + first.getFileName() + " holds "
                        + expected + "; the five CIFAR-10 training batches and the test batch hold equally many"
                        + " (10,000 each): the file is cut short or is not from this set");
            }
        }
    }

    /** Checks that CIFAR-100's train.bin holds five times the records of test.bin (50,000 and 10,000). */
    public static void requireCifar100Counts(Path dir) throws IOException {
        Path train = dir.resolve("train.bin");
        Path test = dir.resolve("test.bin");
        long trainRecords = records(train, 2 + PIXELS);
        long testRecords = records(test, 2 + PIXELS);
        if (trainRecords >= 0 && testRecords >= 0 && trainRecords != 5 * testRecords) {
            throw new DataFormatException(trainRecords < 5 * testRecords ? train : test, "train.bin holds "
                    + trainRecords + " records and test.bin " + testRecords + "; CIFAR-100's training set holds five"
                    + " times its test set (50,000 and 10,000): a file is cut short or is not from this set");
        }
    }

    /** Whole records in {@code file}, or -1 when it is missing or not whole records (the readers report that). */
    private static long records(Path file, int recordBytes) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return -1;
        }
        long size = DataFiles.size(file);
        return size > 0 && size % recordBytes == 0 ? size / recordBytes : -1;
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
        byte[] firstRecord = new byte[recordBytes];
        int image = 0;
        for (int f = 0; f < files.length; f++) {
            boolean allLikeFirst = true;
            try (InputStream in = DataFiles.open(files[f], false)) {
                for (int r = 0; r < counts[f]; r++, image++) {
                    if (in.readNBytes(record, 0, recordBytes) < recordBytes) {
                        throw new DataFormatException(files[f], "truncated file: record " + r + " ends early");
                    }
                    if (r == 0) {
                        System.arraycopy(record, 0, firstRecord, 0, recordBytes);
                    } else if (allLikeFirst) {
                        allLikeFirst = java.util.Arrays.equals(record, firstRecord);
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
            // A file of zeros (or any one record repeated) parses, but would train on a single blank image.
            if (counts[f] > 1 && allLikeFirst) {
                throw new DataFormatException(files[f], "all " + counts[f] + " records are identical (same label and"
                        + " pixels); the file is blank or corrupt");
            }
        }
        return new Records(pixels.build(), labels);
    }
}
