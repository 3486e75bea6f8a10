package org.smash4j.encoding;

import java.util.random.RandomGenerator;

/**
 * The HyperNet's noise input z (spec 3.2): i.i.d. standard normal values, one per cell of a k x (S+1) grid.
 * z is drawn afresh for every weight generation (every training step, every scored architecture), from a
 * generator the caller derives from a named stream so that runs are reproducible.
 */
public final class Noise {
    private Noise() {
    }

    /** {@code height*width} draws of N(0,1), laid out [row][column] (index row*width + col), in draw order. */
    public static float[] draw(int height, int width, RandomGenerator rng) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "noise needs a positive shape, got " + height + " rows x " + width + " columns");
        }
        if (rng == null) {
            throw new IllegalArgumentException("noise needs a random generator, got none");
        }
        float[] z = new float[Math.multiplyExact(height, width)];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return z;
    }
}
