package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.data.NumpyFiles.float64s;
import static org.smash4j.data.NumpyFiles.int64s;
import static org.smash4j.data.NumpyFiles.npy;
import static org.smash4j.data.NumpyFiles.npz;
import static org.smash4j.data.SyntheticFiles.cifarPixel;
import static org.smash4j.data.SyntheticFiles.cifarRecord;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Imagenet32FormatTest {
    /** Labels on disk (1..1000) of the ten training batches: odd batches hold one image, even ones two. */
    private static final int[][] TRAIN_LABELS = {{1000}, {1, 2}, {3}, {4, 5}, {6}, {7, 8}, {9}, {10, 11}, {12},
        {500, 999}};
    private static final int[] VAL_LABELS = {2, 1000, 1};

    @TempDir
    Path root;

    /** Image i of batch k (0-based) has cifarRecord seed 100k + i; validation image i has seed 950 + i. */
    private static byte[] pixels(int seedBase, int count) {
        byte[][] images = new byte[count][];
        for (int i = 0; i < count; i++) {
            images[i] = cifarRecord(seedBase + i);
        }
        return concat(images);
    }

    private static byte[] mean() {
        double[] values = new double[3072];
        Arrays.setAll(values, p -> p / 3072.0);
        return float64s(values);
    }

    /** The pickle version: python 3 training batches (protocols 3 and 4), a python 2 validation batch. */
    private Path pickles() {
        for (int k = 0; k < 10; k++) {
            byte[] pixels = pixels(100 * k, TRAIN_LABELS[k].length);
            write(root.resolve("Imagenet32_train/train_data_batch_" + (k + 1)), k % 3 == 1
                    ? Imagenet32Pickles.python4(pixels, TRAIN_LABELS[k])
                    : Imagenet32Pickles.python3(pixels, TRAIN_LABELS[k], mean(), "numpy.core.multiarray"));
        }
        write(root.resolve("Imagenet32_val/val_data"), Imagenet32Pickles.python2(pixels(950, 3), VAL_LABELS));
        return root;
    }

    private static byte[] batchNpz(byte[] pixels, int[] labels, String dataShape, boolean deflate) {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("data", npy("|u1", dataShape, pixels));
        arrays.put("labels", npy("<i8", "(" + labels.length + ",)", int64s(Arrays.stream(labels)
                .asLongStream().toArray())));
        arrays.put("mean", npy("<f8", "(3072,)", mean()));
        return npz(arrays, deflate);
    }

    /** The npz version, in the folders the npz downloads unpack to. */
    private Path npzBatches() {
        for (int k = 0; k < 10; k++) {
            int n = TRAIN_LABELS[k].length;
            write(root.resolve("Imagenet32_train_npz/train_data_batch_" + (k + 1) + ".npz"),
                    batchNpz(pixels(100 * k, n), TRAIN_LABELS[k], "(" + n + ", 3072)", k % 2 == 0));
        }
        write(root.resolve("Imagenet32_val_npz/val_data.npz"), batchNpz(pixels(950, 3), VAL_LABELS, "(3, 3072)",
                true));
        return root;
    }

    /** The 15 training images in order: 0-based labels and (batch, index) seeds. */
    private static void assertTrainSet(ImageDataset train) {
        assertEquals(15, train.size());
        assertEquals(1000, train.classCount());
        assertEquals("class_1", train.classNames().get(0));
        assertArrayEquals(new int[] {999, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 499, 998}, train.labels());
        // image 3 is image 0 of the third batch (k = 2), seed 200; image 14 is image 1 of the tenth, seed 901
        assertEquals(cifarPixel(200, 0, 0, 0), train.pixel(3, 0, 0, 0));
        assertEquals(cifarPixel(200, 2, 17, 5), train.pixel(3, 2, 17, 5));
        assertEquals(cifarPixel(901, 1, 31, 31), train.pixel(14, 1, 31, 31));
        assertEquals(cifarPixel(0, 1, 2, 3), train.pixel(0, 1, 2, 3));
    }

    private static void assertValSet(ImageDataset val) {
        assertArrayEquals(new int[] {1, 999, 0}, val.labels());
        assertEquals(cifarPixel(952, 2, 9, 30), val.pixel(2, 2, 9, 30));
    }

    @Test
    void pickleBatchesOfPythonProtocolsTwoToFourAreReadWithLabelsMadeZeroBased() throws Exception {
        Path dir = pickles();
        assertTrainSet(Imagenet32Format.readTrain(dir));
        assertValSet(Imagenet32Format.readVal(dir));
    }

    @Test
    void pickleImageStringsLocatedInsteadOfReadGiveTheSameImages() throws Exception {
        Path dir = pickles();
        ImageDataset streamed = Imagenet32Format.readTrain(dir, 0, 0, 16); // strings over 16 bytes stay on disk
        assertTrainSet(streamed);
        ImageDataset inMemory = Imagenet32Format.readTrain(dir);
        for (int i = 0; i < 15; i++) {
            assertArrayEquals(inMemory.image(i), streamed.image(i));
        }
    }

    @Test
    void npzBatchesStoredOrDeflatedReadLikeThePickles() throws Exception {
        Path dir = npzBatches();
        assertTrainSet(Imagenet32Format.readTrain(dir));
        assertValSet(Imagenet32Format.readVal(dir));
    }

    @Test
    void smashConsolidatedNpzKeepsItsZeroBasedLabels() throws Exception {
        write(root.resolve("imagenet32_train.npz"), batchNpz(pixels(40, 3), new int[] {0, 999, 5}, "(3, 3, 32, 32)",
                true));
        write(root.resolve("imagenet32_val.npz"), batchNpz(pixels(50, 1), new int[] {7}, "(1, 3, 32, 32)", false));
        ImageDataset train = Imagenet32Format.readTrain(root);
        assertArrayEquals(new int[] {0, 999, 5}, train.labels());
        assertEquals(cifarPixel(42, 2, 31, 0), train.pixel(2, 2, 31, 0));
        assertArrayEquals(new int[] {7}, Imagenet32Format.readVal(root).labels());
    }

    @Test
    void subsetWhileReadingPicksExactlyWhatRandomSubsetPicks() throws Exception {
        Path dir = pickles();
        ImageDataset full = Imagenet32Format.readTrain(dir);
        for (long seed : new long[] {1, 42, 7777}) {
            ImageDataset expected = full.randomSubset(6, seed);
            ImageDataset subset = Imagenet32Format.readTrain(dir, 6, seed);
            assertEquals(expected.name(), subset.name());
            assertArrayEquals(expected.labels(), subset.labels());
            for (int i = 0; i < 6; i++) {
                assertArrayEquals(expected.image(i), subset.image(i));
            }
        }
        assertEquals(15, Imagenet32Format.readTrain(dir, 15, 3).size()); // a limit of all images keeps all
    }

    @Test
    void dataSetsOpensImagenet32WithItsConstantsAndSubset() throws Exception {
        Path dir = npzBatches();
        TrainTestData data = DataSets.open("imagenet32", dir);
        assertEquals(Normalization.IMAGENET32, data.normalization());
        assertEquals(Augmentation.cropAndFlip(4), data.augmentation());
        assertEquals(15, data.train().size());
        assertEquals(3, data.test().size());
        TrainTestData limited = DataSets.open("imagenet32", dir, 4, 9);
        assertArrayEquals(data.train().randomSubset(4, 9).labels(), limited.train().labels());
        TrainTestData cifarLike = DataSets.open("imagenet32", dir, 0, 9);
        assertEquals(15, cifarLike.train().size());
    }

    @Test
    void labelOutOfRangeIsRefusedInEachLayout() throws Exception {
        Path dir = pickles();
        Path batch = write(dir.resolve("Imagenet32_train/train_data_batch_5"),
                Imagenet32Pickles.python3(pixels(0, 1), new int[] {0}, null, "numpy._core.multiarray"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Imagenet32Format.readTrain(dir));
        assertEquals(batch + ": key 'labels': label 0 of image 0 is out of range 1..1000", e.getMessage());

        Path npzFile = write(root.resolve("other/val_data.npz"), batchNpz(pixels(0, 2), new int[] {5, 1001},
                "(2, 3072)", true));
        e = assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(npzFile.getParent()));
        assertEquals(npzFile + ": entry labels.npy: label 1001 of image 1 is out of range 1..1000", e.getMessage());

        Path smash = write(root.resolve("smash/imagenet32_val.npz"), batchNpz(pixels(0, 1), new int[] {1000},
                "(1, 3, 32, 32)", false));
        e = assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(smash.getParent()));
        assertEquals(smash + ": entry labels.npy: label 1000 of image 0 is out of range 0..999 (SMASH's consolidated "
                + "files are read as 0-based; 1-based labels must be shifted)", e.getMessage());
    }

    @Test
    void truncatedPickleIsRefusedWhetherTheImagesAreReadOrLocated() throws Exception {
        Path dir = pickles();
        Path val = dir.resolve("Imagenet32_val/val_data");
        byte[] content = Files.readAllBytes(val);
        Files.write(val, Arrays.copyOf(content, content.length - 100)); // cuts into the image string
        DataFormatException e = assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(dir));
        assertTrue(e.getMessage().startsWith(val + ": truncated pickle: a 9216-byte string ends early"),
                e.getMessage());
        Path batch = dir.resolve("Imagenet32_train/train_data_batch_2");
        content = Files.readAllBytes(batch);
        Files.write(batch, Arrays.copyOf(content, 500));
        e = assertThrows(DataFormatException.class, () -> Imagenet32Format.readTrain(dir, 0, 0, 16));
        assertTrue(e.getMessage().startsWith(batch + ": truncated pickle: a 6144-byte string at byte "),
                e.getMessage());
    }

    @Test
    void picklesOtherThanNumpyBatchesAreRefused() throws Exception {
        Path file = root.resolve("Imagenet32_val/val_data");
        write(file, new PickleBytes().proto(2).global("os", "system").stop().bytes());
        assertEquals(file + ": unsupported global os.system (only numpy arrays, dtypes and scalars are rebuilt) "
                + "(pickle byte 2)", assertThrows(DataFormatException.class,
                        () -> Imagenet32Format.readVal(root)).getMessage());
        write(file, new PickleBytes().proto(5).bytes());
        assertEquals(file + ": pickle protocol 5 is not supported (2 to 4 are) (pickle byte 0)",
                assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(root)).getMessage());
        // python 3 with protocol 2 wraps bytes in _codecs.encode(text, 'latin1')
        write(file, new PickleBytes().proto(2).global("_codecs", "encode").stop().bytes());
        assertTrue(assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(root)).getMessage()
                .startsWith(file + ": bytes pickled by python 3 with protocol 2 (_codecs.encode) are not supported"));
        write(file, new PickleBytes().proto(2).raw('I').bytes()); // INT: a text opcode of protocol 0
        assertEquals(file + ": unsupported pickle opcode 0x49 ('I') (this reader handles dicts of numpy arrays and "
                + "lists of ints only) (pickle byte 2)", assertThrows(DataFormatException.class,
                        () -> Imagenet32Format.readVal(root)).getMessage());
        write(file, new PickleBytes().proto(2).emptyList().stop().bytes());
        assertEquals(file + ": the pickle holds a list, expected a dict with 'data' and 'labels'",
                assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(root)).getMessage());
    }

    @Test
    void wrongShapesAndCountsAreRefused() throws Exception {
        Path file = write(root.resolve("val_data.npz"), batchNpz(new byte[6000], new int[] {1, 2}, "(2, 3000)",
                false));
        assertEquals(file + ": entry data.npy: expected uint8 images of shape (n, 3072), found |u1 (2, 3000)",
                assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(root)).getMessage());
        write(file, batchNpz(pixels(0, 2), new int[] {1, 2, 3}, "(2, 3072)", false));
        assertEquals(file + ": entry labels.npy: image/label count mismatch: 3 labels for 2 images",
                assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(root)).getMessage());
    }

    @Test
    void missingBatchOrFolderIsNamed() throws Exception {
        Path dir = pickles();
        Path seventh = dir.resolve("Imagenet32_train/train_data_batch_7");
        Files.delete(seventh);
        assertEquals(seventh + ": file not found (expected ImageNet32x32 training batch 7 of 10)",
                assertThrows(DataFormatException.class, () -> Imagenet32Format.readTrain(dir)).getMessage());
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertTrue(assertThrows(DataFormatException.class, () -> Imagenet32Format.readVal(empty)).getMessage()
                .startsWith(empty + ": no ImageNet32x32 validation file"));
    }
}
