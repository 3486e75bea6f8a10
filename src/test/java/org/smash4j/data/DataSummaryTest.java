package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataSummaryTest {
    @Test
    void countsClassesAndComputesExactPixelStatistics() {
        // Three 2-channel 1x1 images, labels 2, 0, 2 of 3 classes.
        // Channel 0: 0, 255, 0 -> mean 1/3, population std sqrt(2/9). Channel 1: 51, 51, 51 -> 0.2, std 0.
        byte[] pixels = {0, 51, (byte) 255, 51, 0, 51};
        ImageDataset data = ImageDataset.of("x", 2, 1, 1, pixels, new int[] {2, 0, 2}, List.of("a", "b", "c"));
        DataSummary s = DataSummary.of(data);
        assertEquals(3, s.images());
        assertEquals(List.of(1, 0, 2), s.classCounts());
        assertEquals(1.0 / 3, s.mean().get(0), 1e-12);
        assertEquals(Math.sqrt(2.0 / 9), s.std().get(0), 1e-12);
        assertEquals(0.2, s.mean().get(1), 1e-12);
        assertEquals(0.0, s.std().get(1), 1e-12);
    }

    @Test
    void refusesOneClassAndIdenticalImagesButAcceptsOneDifferingImage() {
        List<String> classes = List.of("airplane", "car");
        ImageDataset oneClass = ImageDataset.of("cifar10/train", 1, 1, 2, new byte[] {1, 2, 3, 4}, new int[] {0, 0},
                classes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSummary.requireLearnable(oneClass));
        assertEquals("cifar10/train: all 2 training images are labelled class 0 (airplane); a classifier needs at"
                + " least two classes: check the label files", e.getMessage());

        ImageDataset blank = ImageDataset.of("cifar10/train", 1, 1, 2, new byte[6], new int[] {0, 1, 1}, classes);
        e = assertThrows(IllegalArgumentException.class, () -> DataSummary.requireLearnable(blank));
        assertEquals("cifar10/train: all 3 training images are identical; the image files are probably blank or"
                + " corrupt", e.getMessage());

        ImageDataset lastDiffers = ImageDataset.of("x", 1, 1, 2, new byte[] {0, 0, 0, 0, 0, 1}, new int[] {0, 1, 1},
                classes);
        assertDoesNotThrow(() -> DataSummary.requireLearnable(lastDiffers));
    }
}
