package org.smash4j.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, independent random streams derived from (run seed, purpose, step). Every random draw of a run
 * (architecture sampling, noise z, augmentation, shuffling) comes from such a stream, never from a global
 * generator or from libtorch, so that a resumed run draws exactly what an uninterrupted one would.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /** A generator for {@code purpose} at {@code step} of the run with {@code seed}. */
    public static SplittableRandom of(long seed, String purpose, long step) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        h = mix(h ^ step);
        return new SplittableRandom(h);
    }

    /** A generator for {@code purpose} of the run with {@code seed} (step 0). */
    public static SplittableRandom of(long seed, String purpose) {
        return of(seed, purpose, 0);
    }

    // SplitMix64 finaliser: a bijective mixer, so distinct inputs never collide.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
