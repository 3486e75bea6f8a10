package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.data.SyntheticFiles.cifarRecord;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.gzip;
import static org.smash4j.data.SyntheticFiles.idxImages;
import static org.smash4j.data.SyntheticFiles.idxLabels;
import static org.smash4j.data.SyntheticFiles.names;
import static org.smash4j.data.SyntheticFiles.write;
import static org.smash4j.data.SyntheticFiles.writeLines;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {
    @TempDir
    Path root;

    @Test
    void cifar10AcceptsTheParentFolderAndAttachesItsConstantsAndAugmentation() throws Exception {
        Path dir = root.resolve("cifar-10-batches-bin");
        for (int k = 1; k <= 5; k++) {
            write(dir.resolve("data_batch_" + k + ".bin"), concat(cifarRecord(k, k), cifarRecord(k + 10, 0)));
        }
        write(dir.resolve("test_batch.bin"), concat(cifarRecord(0, 0), cifarRecord(1, 1)));
        writeLines(dir.resolve("batches.meta.txt"), names("c", 10));
        TrainTestData data = DataSets.open("cifar10", root);
        assertEquals(10, data.train().size());
        assertEquals(2, data.test().size());
        assertEquals(Normalization.CIFAR10, data.normalization());
        assertEquals(new Augmentation(4, true), data.augmentation());
    }

    @Test
    void cifar10BatchCutAtARecordBoundaryIsRefusedNamingTheFile() throws Exception {
        Path dir = root.resolve("cifar-10-batches-bin");
        for (int k = 1; k <= 5; k++) {
            write(dir.resolve("data_batch_" + k + ".bin"), concat(cifarRecord(k, k), cifarRecord(k + 10, 0)));
        }
        Path cut = write(dir.resolve("data_batch_4.bin"), cifarRecord(4, 4));
        write(dir.resolve("test_batch.bin"), concat(cifarRecord(0, 0), cifarRecord(1, 1)));
        writeLines(dir.resolve("batches.meta.txt"), names("c", 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.open("cifar10", root));
        assertEquals(cut, e.path());
        assertEquals(cut + ": holds 1 records, but data_batch_1.bin holds 2; the five CIFAR-10 training batches and"
                + " the test batch hold equally many (10,000 each): the file is cut short or is not from this set",
                e.getMessage());
    }

    @Test
    void cifar100TrainNotFiveTimesTestIsRefused() throws Exception {
        Path dir = root.resolve("cifar-100-binary");
        write(dir.resolve("train.bin"), concat(cifarRecord(1, 1, 1), cifarRecord(2, 2, 2), cifarRecord(3, 3, 3),
                cifarRecord(4, 4, 4)));
        write(dir.resolve("test.bin"), cifarRecord(5, 5, 5));
        writeLines(dir.resolve("fine_label_names.txt"), names("fine", 100));
        writeLines(dir.resolve("coarse_label_names.txt"), names("coarse", 20));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.open("cifar100", root));
        assertEquals(dir.resolve("train.bin"), e.path());
        assertTrue(e.getMessage().contains("train.bin holds 4 records and test.bin 1"), e.getMessage());
    }

    @Test
    void mnistIsNotAugmentedAndIsNormalisedByItsOwnStatistics() throws Exception {
        write(root.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(2)));
        write(root.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(1, 2)));
        write(root.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(1)));
        write(root.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(3)));
        TrainTestData data = DataSets.open("MNIST", root);
        assertEquals(Augmentation.NONE, data.augmentation());
        assertArrayEquals(new int[] {1, 2}, data.train().labels());
        // idxImages: image 0 holds p mod 256 for p = 0..783, image 1 holds (p + 7) mod 256.
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < 784; p++) {
                sum += ((p + 7 * i) % 256) / 255.0;
            }
        }
        assertEquals(sum / 1568, data.normalization().mean().get(0), 1e-12);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSets.open("imagenet", root));
        assertEquals("unknown data set 'imagenet'; known: [fashion-mnist, mnist, cifar10, cifar100, "
                + "cifar100-coarse, stl10, imagenet32, modelnet10, modelnet10-16, modelnet10-8]", e.getMessage());
    }

    @Test
    void cifarWithoutAFolderSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSets.open("cifar100", null));
        assertTrue(e.getMessage().startsWith("data set cifar100 needs a data directory"), e.getMessage());
    }

    @Test
    void absentFolderIsNamed() {
        Path absent = root.resolve("nowhere");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.open("cifar10", absent));
        assertEquals(absent, e.path());
        assertTrue(e.getMessage().startsWith(absent + ": data folder for cifar10 not found"), e.getMessage());
    }
}
