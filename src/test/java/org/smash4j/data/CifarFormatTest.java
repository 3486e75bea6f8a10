package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smash4j.data.SyntheticFiles.cifarPixel;
import static org.smash4j.data.SyntheticFiles.cifarRecord;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.names;
import static org.smash4j.data.SyntheticFiles.write;
import static org.smash4j.data.SyntheticFiles.writeLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarFormatTest {
    private static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    @TempDir
    Path root;

    /** cifar-10-batches-bin with batch k holding k records (seeds 10k+r, labels (k+r) mod 10). */
    private Path cifar10() {
        Path dir = root.resolve("cifar-10-batches-bin");
        for (int k = 1; k <= 5; k++) {
            byte[][] records = new byte[k][];
            for (int r = 0; r < k; r++) {
                records[r] = cifarRecord(10 * k + r, (k + r) % 10);
            }
            write(dir.resolve("data_batch_" + k + ".bin"), concat(records));
        }
        write(dir.resolve("test_batch.bin"), concat(cifarRecord(200, 9), cifarRecord(201, 0)));
        writeLines(dir.resolve("batches.meta.txt"), CIFAR10_NAMES);
        return dir;
    }

    private Path cifar100() {
        Path dir = root.resolve("cifar-100-binary");
        write(dir.resolve("train.bin"), concat(cifarRecord(1, 19, 99), cifarRecord(2, 0, 0), cifarRecord(3, 7, 42)));
        write(dir.resolve("test.bin"), cifarRecord(4, 5, 55));
        writeLines(dir.resolve("fine_label_names.txt"), names("fine", 100));
        writeLines(dir.resolve("coarse_label_names.txt"), names("coarse", 20));
        return dir;
    }

    @Test
    void cifar10ConcatenatesTheFiveBatchesInOrderWithPlanesAsCHW() throws Exception {
        Path dir = cifar10();
        ImageDataset train = CifarFormat.readCifar10Train(dir);
        assertEquals(1 + 2 + 3 + 4 + 5, train.size());
        assertEquals(CIFAR10_NAMES, train.classNames());
        // batch 1: record 0 (label 1); batch 2: records 0,1 (labels 2,3); batch 3: labels 3,4,5; ...
        assertArrayEquals(new int[] {1, 2, 3, 3, 4, 5, 4, 5, 6, 7, 5, 6, 7, 8, 9}, train.labels());
        // image 3 is batch 3 record 0: seed 30. First 32 bytes of a record's pixels = top row of red.
        assertEquals(cifarPixel(30, 0, 0, 5), train.pixel(3, 0, 0, 5));
        assertEquals(cifarPixel(30, 1, 4, 7), train.pixel(3, 1, 4, 7));
        assertEquals(cifarPixel(30, 2, 31, 31), train.pixel(3, 2, 31, 31));
        assertEquals((54 + 2 * 50 + 31 * 3 + 31) % 256, train.pixel(14, 2, 31, 31));
        ImageDataset test = CifarFormat.readCifar10Test(dir);
        assertArrayEquals(new int[] {9, 0}, test.labels());
        assertEquals(cifarPixel(201, 1, 2, 3), test.pixel(1, 1, 2, 3));
    }

    @Test
    void cifar100UsesFineLabelsByDefaultAndCoarseOnRequest() throws Exception {
        Path dir = cifar100();
        ImageDataset fine = CifarFormat.readCifar100Train(dir, CifarFormat.Cifar100Labels.FINE);
        assertArrayEquals(new int[] {99, 0, 42}, fine.labels());
        assertEquals(100, fine.classCount());
        assertEquals("fine42", fine.classNames().get(42));
        assertEquals(cifarPixel(3, 2, 10, 20), fine.pixel(2, 2, 10, 20));
        ImageDataset coarse = CifarFormat.readCifar100Train(dir, CifarFormat.Cifar100Labels.COARSE);
        assertArrayEquals(new int[] {19, 0, 7}, coarse.labels());
        assertEquals(20, coarse.classCount());
        assertArrayEquals(new int[] {55}, CifarFormat.readCifar100Test(dir, CifarFormat.Cifar100Labels.FINE).labels());
    }

    @Test
    void truncatedBatchIsReported() throws Exception {
        Path dir = cifar10();
        Path batch = dir.resolve("data_batch_2.bin");
        byte[] content = Files.readAllBytes(batch);
        Files.write(batch, Arrays.copyOf(content, content.length - 1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarFormat.readCifar10Train(dir));
        assertEquals(batch, e.path());
        assertEquals(batch + ": truncated file: 6145 bytes is not a whole number of 3073-byte records "
                + "(1 label byte + 3072 pixels); the last record has only 3072 bytes", e.getMessage());
    }

    @Test
    void missingBatchIsReported() throws Exception {
        Path dir = cifar10();
        Files.delete(dir.resolve("data_batch_4.bin"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarFormat.readCifar10Train(dir));
        assertEquals(dir.resolve("data_batch_4.bin") + ": file not found (expected a CIFAR binary batch of "
                + "3073-byte records)", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() throws Exception {
        Path dir = cifar10();
        Path test = write(dir.resolve("test_batch.bin"), concat(cifarRecord(0, 3), cifarRecord(0, 10)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarFormat.readCifar10Test(dir));
        assertEquals(test + ": label 10 of record 1 is out of range 0..9", e.getMessage());
    }

    @Test
    void cifar100CoarseLabelOutOfRangeIsReportedEvenWhenUsingFine() throws Exception {
        Path dir = cifar100();
        Path test = write(dir.resolve("test.bin"), cifarRecord(0, 20, 5));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarFormat.readCifar100Test(dir, CifarFormat.Cifar100Labels.FINE));
        assertEquals(test + ": coarse label 20 of record 0 is out of range 0..19", e.getMessage());
    }

    @Test
    void wrongNumberOfClassNamesIsReported() throws Exception {
        Path dir = cifar10();
        Path meta = writeLines(dir.resolve("batches.meta.txt"), CIFAR10_NAMES.subList(0, 9));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarFormat.readCifar10Test(dir));
        assertEquals(meta + ": holds 9 class names, expected 10", e.getMessage());
    }

    @Test
    void batchOfZerosIsRefusedNamingTheFile() throws Exception {
        Path dir = cifar10();
        // Ten black "airplanes": well-formed records with label 0 and all pixels 0.
        Path zeros = write(dir.resolve("data_batch_3.bin"), new byte[10 * 3073]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarFormat.readCifar10Train(dir));
        assertEquals(zeros, e.path());
        assertEquals(zeros + ": all 10 records are identical (same label and pixels); the file is blank or corrupt",
                e.getMessage());
    }

    @Test
    void emptyFileIsReported() throws Exception {
        Path dir = cifar100();
        Path train = write(dir.resolve("train.bin"), new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarFormat.readCifar100Train(dir, CifarFormat.Cifar100Labels.FINE));
        assertEquals(train + ": file is empty (expected 3074-byte records)", e.getMessage());
    }
}
