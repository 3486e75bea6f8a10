package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The donor permutation moves as many values as any permutation can, and is random. */
class ValueShuffleTest {

    private static int moved(List<String> values, int[] donors) {
        int n = 0;
        for (int i = 0; i < donors.length; i++) {
            n += values.get(donors[i]).equals(values.get(i)) ? 0 : 1;
        }
        return n;
    }

    private static void assertPermutation(int[] donors) {
        int[] sorted = donors.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "not a permutation: " + Arrays.toString(donors));
        }
    }

    @Test
    void distinctValuesGiveADerangement() {
        List<String> values = List.of("a", "b", "c", "d", "e");
        for (long seed = 0; seed < 50; seed++) {
            int[] d = ValueShuffle.donors(values, new SplittableRandom(seed));
            assertPermutation(d);
            assertEquals(5, moved(values, d), Arrays.toString(d));
        }
    }

    @Test
    void noMajorityMeansEveryOpGetsADifferentValue() {
        // Largest group 2 <= 5/2.
        List<String> values = List.of("a", "b", "a", "c", "b");
        for (long seed = 0; seed < 50; seed++) {
            int[] d = ValueShuffle.donors(values, new SplittableRandom(seed));
            assertPermutation(d);
            assertEquals(5, moved(values, d), Arrays.toString(d));
        }
    }

    @Test
    void aMajorityKeepsOnlyItsSurplus() {
        // Four a's and one b: the b-op gets an a, one a-op gets the b, the other three a-ops must keep an a.
        // Best possible: 5 - (2*4 - 5) = 2 ops change.
        List<String> values = List.of("a", "a", "b", "a", "a");
        Set<Integer> receiversOfB = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            int[] d = ValueShuffle.donors(values, new SplittableRandom(seed));
            assertPermutation(d);
            assertEquals(2, moved(values, d), Arrays.toString(d));
            for (int i = 0; i < 5; i++) {
                if (d[i] == 2) {
                    receiversOfB.add(i);
                }
            }
        }
        assertTrue(receiversOfB.size() > 1, "the b always went to the same op: " + receiversOfB);
    }

    @Test
    void nothingToMoveGivesTheIdentity() {
        assertArrayEquals(new int[] {0, 1, 2}, ValueShuffle.donors(List.of("x", "x", "x"), new SplittableRandom(3)));
        assertArrayEquals(new int[] {0}, ValueShuffle.donors(List.of("x"), new SplittableRandom(3)));
        assertArrayEquals(new int[0], ValueShuffle.donors(List.of(), new SplittableRandom(3)));
    }

    @Test
    void differentSeedsGiveDifferentPermutations() {
        List<String> values = List.of("a", "b", "c", "d", "e", "f");
        Set<List<Integer>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            seen.add(Arrays.stream(ValueShuffle.donors(values, new SplittableRandom(seed))).boxed().toList());
        }
        // 120 six-cycles exist; twenty draws landing on fewer than 5 of them would mean no real randomness.
        assertTrue(seen.size() >= 5, "only " + seen.size() + " distinct permutations");
    }
}
