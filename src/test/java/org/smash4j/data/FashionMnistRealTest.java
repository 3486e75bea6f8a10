package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real Fashion-MNIST files of Debian's dataset-fashion-mnist, where installed. */
class FashionMnistRealTest {
    @Test
    void loadsTheRealFilesWithTheirKnownCountsLabelsAndStatistics() throws Exception {
        Path dir = Path.of(DataSets.FASHION_MNIST_DIR);
        assumeTrue(Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed at " + dir + " (apt-get install dataset-fashion-mnist); skipped");
        TrainTestData data = DataSets.open("fashion-mnist", null);
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2}, Arrays.copyOf(data.train().labels(), 8));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6}, Arrays.copyOf(data.test().labels(), 8));
        assertEquals("Ankle boot", data.train().classNames().get(data.train().label(0)));
        // The widely published Fashion-MNIST training statistics: mean 0.2860, std 0.3530.
        assertEquals(0.2860, data.normalization().mean().get(0), 5e-4);
        assertEquals(0.3530, data.normalization().std().get(0), 5e-4);
        assertEquals(new Augmentation(2, true), data.augmentation());
    }
}
