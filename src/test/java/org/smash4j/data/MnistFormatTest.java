package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.gzip;
import static org.smash4j.data.SyntheticFiles.idxHeader;
import static org.smash4j.data.SyntheticFiles.idxImages;
import static org.smash4j.data.SyntheticFiles.idxLabels;
import static org.smash4j.data.SyntheticFiles.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFormatTest {
    @TempDir
    Path dir;

    private static final List<String> DIGITS = MnistFormat.DIGIT_CLASSES;

    @Test
    void readsGzippedIdxPairWithKnownPixelsAndLabels() throws Exception {
        Path images = write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(3)));
        Path labels = write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(7, 0, 9)));
        ImageDataset data = MnistFormat.read(images, labels, "t", DIGITS);
        assertEquals(3, data.size());
        assertEquals(1, data.channels());
        assertEquals(28, data.height());
        assertEquals(28, data.width());
        assertArrayEquals(new int[] {7, 0, 9}, data.labels());
        // pixel (i, r, c) = (i*7 + r*28 + c) mod 256 as written
        assertEquals(0, data.pixel(0, 0, 0, 0));
        assertEquals(27, data.pixel(0, 0, 0, 27));
        assertEquals(28, data.pixel(0, 0, 1, 0));
        assertEquals((2 * 7 + 27 * 28 + 27) % 256, data.pixel(2, 0, 27, 27));
        assertEquals((7 + 5 * 28 + 3) % 256, data.pixel(1, 0, 5, 3));
    }

    @Test
    void rawAndGzippedFilesGiveTheSameSet() throws Exception {
        ImageDataset raw = MnistFormat.read(write(dir.resolve("a/img"), idxImages(2)),
                write(dir.resolve("a/lab"), idxLabels(4, 5)), "raw", DIGITS);
        ImageDataset gz = MnistFormat.read(write(dir.resolve("b/img"), gzip(idxImages(2))),
                write(dir.resolve("b/lab"), gzip(idxLabels(4, 5))), "gz", DIGITS);
        assertArrayEquals(raw.image(1), gz.image(1));
        assertArrayEquals(new int[] {4, 5}, raw.labels());
        assertEquals((7 + 100) % 256, raw.image(1)[100] & 0xFF);
    }

    @Test
    void findsTheUsualFileSpellingsInAFolder() throws Exception {
        write(dir.resolve("train-images.idx3-ubyte"), idxImages(1));
        write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(3));
        ImageDataset data = MnistFormat.readTrain(dir, "t", DIGITS);
        assertArrayEquals(new int[] {3}, data.labels());
    }

    @Test
    void missingFileNamesTheFile() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.readTest(dir, "t", DIGITS));
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz"), e.path());
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-images.idx3-ubyte"), e.getMessage());
    }

    @Test
    void truncatedRawImagesAreReported() {
        byte[] full = idxImages(3);
        Path images = write(dir.resolve("img"), Arrays.copyOf(full, full.length - 10));
        Path labels = write(dir.resolve("lab"), idxLabels(1, 2, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(images, e.path());
        assertTrue(e.getMessage().startsWith(images + ": truncated file"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsReported() {
        byte[] gz = gzip(idxImages(50));
        Path images = write(dir.resolve("img.gz"), Arrays.copyOf(gz, gz.length / 2));
        Path labels = write(dir.resolve("lab"), idxLabels(new int[50]));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(images, e.path());
        assertTrue(e.getMessage().contains("truncated file (the gzip stream ends early)"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() {
        Path labels = write(dir.resolve("lab"), new byte[] {0, 0, 8, 1, 0, 0});
        Path images = write(dir.resolve("img"), idxImages(1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(labels + ": truncated file: the IDX header needs 8 bytes, found only 6", e.getMessage());
    }

    @Test
    void headerCountLargerThanTheFileIsReportedWithoutAllocatingIt() {
        byte[] body = Arrays.copyOfRange(idxImages(1), 16, 16 + 784);
        Path images = write(dir.resolve("img"), concat(idxHeader(3, 2_000_000_000, 28, 28), body));
        Path labels = write(dir.resolve("lab"), idxLabels(1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertTrue(e.getMessage().contains("truncated file: the header announces 2000000000 images"),
                e.getMessage());
    }

    @Test
    void wrongMagicNumberIsReported() {
        // A label file passed where images are expected: magic 0x00000801 instead of 0x00000803.
        Path images = write(dir.resolve("img"), idxLabels(1, 2));
        Path labels = write(dir.resolve("lab"), idxLabels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(images + ": wrong magic number 0x00000801, expected 0x00000803 "
                + "(IDX unsigned-byte images, 3 dimensions)", e.getMessage());
    }

    @Test
    void imageLabelCountMismatchIsReported() {
        Path images = write(dir.resolve("img"), idxImages(2));
        Path labels = write(dir.resolve("lab"), idxLabels(1, 2, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(labels, e.path());
        assertEquals(labels + ": image/label count mismatch: holds 3 labels but " + images + " holds 2 images",
                e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() {
        Path images = write(dir.resolve("img"), idxImages(3));
        Path labels = write(dir.resolve("lab"), idxLabels(1, 10, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(labels + ": label 10 of image 1 is out of range 0..9", e.getMessage());
    }

    @Test
    void wrongImageSizeIsReported() {
        Path images = write(dir.resolve("img"), concat(idxHeader(3, 1, 32, 32), new byte[1024]));
        Path labels = write(dir.resolve("lab"), idxLabels(1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertEquals(images + ": wrong image size: 32x32, expected 28x28", e.getMessage());
    }

    @Test
    void extraDataAfterTheAnnouncedImagesIsReported() {
        Path images = write(dir.resolve("img"), concat(idxImages(1), new byte[5]));
        Path labels = write(dir.resolve("lab"), idxLabels(1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistFormat.read(images, labels, "t", DIGITS));
        assertTrue(e.getMessage().startsWith(images + ": unexpected data after the 1 images"), e.getMessage());
    }
}
