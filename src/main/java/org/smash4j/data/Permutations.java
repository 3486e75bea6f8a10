package org.smash4j.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded Fisher-Yates permutations, shared by subsets, validation splits and epoch shuffling so that all
 * three draw from their named random stream in exactly the same way.
 */
final class Permutations {
    private Permutations() {
    }

    /** A uniformly random permutation of 0..n-1 drawn from {@code random}. */
    static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        return order;
    }

    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
