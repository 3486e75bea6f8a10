package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {
    /** n images of 2x2x3 where byte p of image i is i*12 + p, labels i mod 3. */
    static ImageDataset numbered(int n) {
        byte[] pixels = new byte[n * 12];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) k;
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % 3);
        return ImageDataset.of("numbered", 2, 2, 3, pixels, labels, List.of("a", "b", "c"));
    }

    @Test
    void pixelAddressingIsNchw() {
        ImageDataset data = numbered(2);
        // image 1, channel 1, row 0, col 2: offset 12 + (1*2 + 0)*3 + 2 = 20
        assertEquals(20, data.pixel(1, 1, 0, 2));
        assertEquals(9, data.pixel(0, 1, 1, 0));
        assertArrayEquals(new byte[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, data.image(1));
    }

    @Test
    void factoryCopiesTheCallersArrays() {
        byte[] pixels = {10, 20, 30, 40};
        int[] labels = {1};
        ImageDataset data = ImageDataset.of("x", 1, 2, 2, pixels, labels, List.of("a", "b"));
        pixels[0] = 99;
        labels[0] = 0;
        assertEquals(10, data.pixel(0, 0, 0, 0));
        assertEquals(1, data.label(0));
        data.labels()[0] = 0;
        assertEquals(1, data.label(0));
    }

    @Test
    void rejectsLabelsOutsideTheClassList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of("x", 1, 1, 1, new byte[2], new int[] {0, 2}, List.of("a", "b")));
        assertEquals("x: label 2 of image 1 is outside 0..1", e.getMessage());
    }

    @Test
    void rejectsPixelsThatAreNotWholeImages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of("x", 1, 2, 2, new byte[6], new int[] {0}, List.of("a")));
        assertTrue(e.getMessage().contains("not a whole number of 1x2x2 images"), e.getMessage());
    }

    @Test
    void firstTakesThePrefix() {
        ImageDataset first = numbered(5).first(2);
        assertEquals(2, first.size());
        assertArrayEquals(new int[] {0, 1}, first.labels());
        assertEquals(23, first.pixel(1, 1, 1, 2));
    }

    @Test
    void randomSubsetIsSeededDistinctAndInOriginalOrder() {
        ImageDataset data = numbered(20);
        ImageDataset a = data.randomSubset(6, 7);
        ImageDataset b = data.randomSubset(6, 7);
        ImageDataset c = data.randomSubset(6, 8);
        int[] originals = new int[6];
        for (int i = 0; i < 6; i++) {
            originals[i] = a.pixel(i, 0, 0, 0) / 12; // byte 0 of image k is 12k
            assertArrayEquals(b.image(i), a.image(i));
            assertEquals(originals[i] % 3, a.label(i));
        }
        for (int i = 1; i < 6; i++) {
            assertTrue(originals[i] > originals[i - 1], Arrays.toString(originals));
        }
        int[] other = new int[6];
        for (int i = 0; i < 6; i++) {
            other[i] = c.pixel(i, 0, 0, 0) / 12;
        }
        assertNotEquals(Arrays.toString(originals), Arrays.toString(other));
        assertThrows(IllegalArgumentException.class, () -> data.randomSubset(21, 0));
    }
}
