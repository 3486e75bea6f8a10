package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    @Test
    void computesExactPerChannelMeanAndPopulationStd() {
        // Two 2-channel 1x2 images. Channel 0 values: 0, 255, 0, 255 -> mean 0.5, std 0.5.
        // Channel 1 values: 51, 51, 102, 102 (= 0.2, 0.2, 0.4, 0.4) -> mean 0.3, std 0.1.
        byte[] pixels = {0, (byte) 255, 51, 51, 0, (byte) 255, 102, 102};
        ImageDataset data = ImageDataset.of("x", 2, 1, 2, pixels, new int[] {0, 0}, List.of("a"));
        Normalization n = Normalization.compute(data);
        assertEquals(0.5, n.mean().get(0), 1e-12);
        assertEquals(0.5, n.std().get(0), 1e-12);
        assertEquals(0.3, n.mean().get(1), 1e-12);
        assertEquals(0.1, n.std().get(1), 1e-12);
    }

    @Test
    void normalisesLikeToTensorThenNormalize() {
        // CIFAR-10 red: (255/255 - 0.49139968) / 0.24703233 = 0.50860032 / 0.24703233 = 2.058839...
        assertEquals(2.0588, Normalization.CIFAR10.normalize(0, 255), 1e-4);
        // CIFAR-100 blue at 0: -0.44091785 / 0.27615049 = -1.596654...
        assertEquals(-1.59666, Normalization.CIFAR100.normalize(2, 0), 1e-4);
        Normalization half = Normalization.of(new double[] {0.5}, new double[] {0.25});
        assertArrayEquals(new float[] {-2f, 2f, (float) ((51 / 255.0 - 0.5) / 0.25)},
                half.apply(new byte[] {0, (byte) 255, 51}, 1, 3), 1e-6f);
    }

    @Test
    void applyUsesEachImagesChannelPlanes() {
        Normalization n = Normalization.of(new double[] {0, 0.2}, new double[] {1, 0.5});
        // Two 2-channel 1x1 images: [c0=255, c1=51] and [c0=0, c1=102].
        float[] out = n.apply(new byte[] {(byte) 255, 51, 0, 102}, 1, 1);
        assertArrayEquals(new float[] {1f, 0f, 0f, 0.4f}, out, 1e-6f);
    }

    @Test
    void publishedConstantsMatchTheSpec() {
        assertEquals(List.of(0.49139968, 0.48215827, 0.44653124), Normalization.CIFAR10.mean());
        assertEquals(List.of(0.26733428, 0.25643846, 0.27615049), Normalization.CIFAR100.std());
        assertEquals(List.of(0.44671, 0.43981, 0.40665), Normalization.STL10.mean());
        assertEquals(List.of(0.26041, 0.25321, 0.26821), Normalization.IMAGENET32.std());
    }

    @Test
    void rejectsConstantChannelAndBadParameters() {
        ImageDataset flat = ImageDataset.of("flat", 1, 1, 2, new byte[] {7, 7}, new int[] {0}, List.of("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalization.compute(flat));
        assertEquals("flat: channel 0 has the same value in every pixel, so it cannot be normalised (std 0)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Normalization.of(new double[] {0.5}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.of(new double[] {0.5, 0.5}, new double[] {0.2}));
    }
}
