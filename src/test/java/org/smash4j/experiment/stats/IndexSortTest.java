package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stable index sort and its strict-inversion count, on inputs whose inversions are counted by hand. */
class IndexSortTest {

    @Test
    void countsStrictInversionsOnly() {
        // [3,1,2]: pairs (3,1) and (3,2) are inverted, (1,2) is not -> 2.
        int[] order = {0, 1, 2};
        assertEquals(2, IndexSort.sortCountingInversions(order, new double[] {3, 1, 2}));
        assertArrayEquals(new int[] {1, 2, 0}, order);
        // [2,1,1]: (2,1) twice; the equal pair (1,1) is not an inversion -> 2; stable, so index 1 stays before 2.
        int[] tied = {0, 1, 2};
        assertEquals(2, IndexSort.sortCountingInversions(tied, new double[] {2, 1, 1}));
        assertArrayEquals(new int[] {1, 2, 0}, tied);
        // Reversed 1..7: every one of the 21 pairs is inverted.
        int[] reversed = {0, 1, 2, 3, 4, 5, 6};
        assertEquals(21, IndexSort.sortCountingInversions(reversed, new double[] {7, 6, 5, 4, 3, 2, 1}));
    }

    @Test
    void lexicographicOrderBreaksTiesBySecondKey() {
        // (x,y): (2,1) (1,5) (2,0) (1,3) -> sorted (1,3) (1,5) (2,0) (2,1) = indices 3,1,2,0.
        assertArrayEquals(new int[] {3, 1, 2, 0},
                IndexSort.byKeys(new double[] {2, 1, 2, 1}, new double[] {1, 5, 0, 3}));
    }
}
