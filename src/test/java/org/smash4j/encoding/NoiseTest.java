package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.smash4j.util.RandomStreams;

/** The noise z: standard normal, reproducible from its stream, laid out [row][column] in draw order. */
class NoiseTest {

    @Test
    void valuesAreStandardNormal() {
        // 8 x 12,500 = 100,000 draws: the sample mean has sd 1/sqrt(1e5) = 0.0032 and the sample variance
        // sd sqrt(2/1e5) = 0.0045, so the tolerances below are about 6 sd wide.
        float[] z = Noise.draw(8, 12_500, RandomStreams.of(7, "noise", 3));
        assertEquals(100_000, z.length);
        double sum = 0;
        double sq = 0;
        int beyond3 = 0;
        for (float v : z) {
            sum += v;
            sq += (double) v * v;
            beyond3 += Math.abs(v) > 3 ? 1 : 0;
        }
        double mean = sum / z.length;
        double var = sq / z.length - mean * mean;
        assertEquals(0.0, mean, 0.02, "mean");
        assertEquals(1.0, var, 0.03, "variance");
        // P(|x| > 3) = 0.0027 for N(0,1): about 270 of 1e5 (sd 16); a uniform or clipped draw would miss it.
        assertTrue(beyond3 > 170 && beyond3 < 370, "draws beyond 3 sd: " + beyond3);
    }

    @Test
    void sameStreamSameNoiseOtherStepOtherNoise() {
        float[] a = Noise.draw(4, 17, RandomStreams.of(1, "noise", 5));
        float[] b = Noise.draw(4, 17, RandomStreams.of(1, "noise", 5));
        float[] c = Noise.draw(4, 17, RandomStreams.of(1, "noise", 6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "step 5 and step 6 drew the same z");
    }

    @Test
    void cellsFollowTheGeneratorsDrawOrderRowByRow() {
        float[] z = Noise.draw(3, 5, new SplittableRandom(42));
        SplittableRandom reference = new SplittableRandom(42);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 5; col++) {
                assertEquals((float) reference.nextGaussian(), z[row * 5 + col], "z[" + row + "][" + col + "]");
            }
        }
    }

    @Test
    void emptyShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Noise.draw(0, 5, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("0 rows x 5 columns"), e.getMessage());
    }
}
