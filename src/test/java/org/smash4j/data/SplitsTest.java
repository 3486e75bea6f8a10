package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /**
     * n 1x1x2 images where image i holds bytes (i / 256, i mod 256), so an image's original index can be read
     * back from its pixels; the first {@code zeros} images have label 0, the rest label 1.
     */
    private static ImageDataset indexed(int n, int zeros) {
        byte[] pixels = new byte[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[2 * i] = (byte) (i / 256);
            pixels[2 * i + 1] = (byte) i;
            labels[i] = i < zeros ? 0 : 1;
        }
        return ImageDataset.of("indexed", 1, 1, 2, pixels, labels, List.of("zero", "one"));
    }

    private static int[] originals(ImageDataset part) {
        int[] out = new int[part.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = part.pixel(i, 0, 0, 0) * 256 + part.pixel(i, 0, 0, 1);
        }
        return out;
    }

    @Test
    void defaultHoldsOutTenPercentDisjointFromTrainAndCoveringTheSet() {
        Splits.TrainValidation split = Splits.holdOut(indexed(1000, 500), 3);
        assertEquals(100, split.validation().size());
        assertEquals(900, split.train().size());
        TreeSet<Integer> all = new TreeSet<>();
        for (int i : originals(split.train())) {
            all.add(i);
        }
        for (int i : originals(split.validation())) {
            assertTrue(all.add(i), "image " + i + " is in both parts");
        }
        assertEquals(1000, all.size());
        assertEquals(0, all.first());
        assertEquals(999, all.last());
    }

    @Test
    void partsKeepTheOriginalOrderAndLabels() {
        Splits.TrainValidation split = Splits.holdOut(indexed(300, 120), 1);
        int[] validation = originals(split.validation());
        int[] sorted = validation.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, validation);
        for (int i = 0; i < validation.length; i++) {
            assertEquals(validation[i] < 120 ? 0 : 1, split.validation().label(i));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ImageDataset data = indexed(500, 250);
        int[] a = originals(Splits.holdOut(data, 11).validation());
        int[] b = originals(Splits.holdOut(data, 11).validation());
        int[] c = originals(Splits.holdOut(data, 12).validation());
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        // A random split, not the last 10%: some validation images come from the first half.
        assertTrue(a[0] < 250, Arrays.toString(a));
    }

    @Test
    void stratifiedSplitGivesEachClassItsShare() {
        // 70 of class 0, 30 of class 1: a 20% split takes exactly 14 and 6.
        Splits.TrainValidation split = Splits.holdOut(indexed(100, 70), 0.2, 4, true);
        int zeros = 0;
        for (int label : split.validation().labels()) {
            zeros += label == 0 ? 1 : 0;
        }
        assertEquals(20, split.validation().size());
        assertEquals(14, zeros);
    }

    @Test
    void stratifiedRoundingUsesLargestRemainders() {
        // 11 images (7 zeros, 4 ones), 3 for validation: exact shares 1.909 and 1.091 -> 2 and 1.
        Splits.TrainValidation split = Splits.holdOut(indexed(11, 7), 3.0 / 11, 9, true);
        int[] labels = split.validation().labels();
        assertEquals(3, labels.length);
        assertEquals(2, Arrays.stream(labels).filter(l -> l == 0).count());
    }

    @Test
    void holdOutLastReproducesTheOriginalFixedSplit() {
        Splits.TrainValidation split = Splits.holdOutLast(indexed(50, 10), 0.1);
        assertArrayEquals(new int[] {45, 46, 47, 48, 49}, originals(split.validation()));
        assertEquals(45, split.train().size());
    }

    @Test
    void rejectsFractionsThatLeaveAnEmptyPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splits.holdOut(indexed(4, 2), 0.1, 0, false));
        assertEquals("indexed: a validation fraction of 0.1 of 4 images leaves 0 for validation and 4 for "
                + "training; both need at least one", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.holdOut(indexed(4, 2), 1.0, 0, false));
    }
}
