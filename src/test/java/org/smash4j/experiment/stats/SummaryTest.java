package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Summary statistics against values worked out by hand (and cross-checked with numpy/scipy where noted). */
class SummaryTest {

    @Test
    void meanAndSampleStdOfTextbookSample() {
        // [2,4,4,4,5,5,7,9]: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
        // sample variance 32/7, std sqrt(32/7) = 2.138089935299395 (numpy std ddof=1 agrees).
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Summary.mean(values), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7.0), Summary.sampleStd(values), 1e-15);
        assertEquals(2.138089935299395, Summary.sampleStd(values), 1e-15);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Summary.median(new double[] {5, 1, 3}), 0.0);
        // Even count: mean of the middle two of [1,2,3,4] = 2.5.
        assertEquals(2.5, Summary.median(new double[] {4, 1, 3, 2}), 0.0);
    }

    @Test
    void quantilesInterpolateLinearlyLikeNumpy() {
        // Sorted [1,2,3,4], h = 3q: q=0.25 -> h=0.75 -> 1 + 0.75*(2-1) = 1.75; q=0.9 -> h=2.7 -> 3 + 0.7 = 3.7.
        // numpy.quantile([4,1,3,2], [0, .25, .5, .9, 1]) = [1, 1.75, 2.5, 3.7, 4].
        double[] values = {4, 1, 3, 2};
        assertArrayEquals(new double[] {1, 1.75, 2.5, 3.7, 4},
                Summary.quantiles(values, 0, 0.25, 0.5, 0.9, 1), 1e-15);
        assertEquals(3.7, Summary.quantile(values, 0.9), 1e-15);
        assertArrayEquals(new double[] {4, 1, 3, 2}, values, 0.0, "input must not be reordered");
        assertEquals(7.0, Summary.quantile(new double[] {7}, 0.3), 0.0);
    }

    @Test
    void ranksAverageTies() {
        // Sorted: 10 takes rank 1; the three 20s span ranks 2,3,4 -> each 3; 30 takes rank 5 (scipy rankdata agrees).
        assertArrayEquals(new double[] {1, 3, 3, 5, 3}, Summary.ranks(new double[] {10, 20, 20, 30, 20}), 0.0);
        // Ties at both ends: [5,5,1,9,9,9] -> 1 is rank 1; 5s span 2,3 -> 2.5; 9s span 4,5,6 -> 5.
        assertArrayEquals(new double[] {2.5, 2.5, 1, 5, 5, 5}, Summary.ranks(new double[] {5, 5, 1, 9, 9, 9}), 0.0);
        // -0.0 and 0.0 are the same number, so they tie.
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Summary.ranks(new double[] {-0.0, 0.0, 1}), 0.0);
    }

    @Test
    void badInputIsRejectedWithItsReason() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Summary.mean(new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("values[1] is NaN"), nan.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Summary.median(new double[0]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> Summary.sampleStd(new double[] {3}));
        assertTrue(single.getMessage().contains("at least 2"), single.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> Summary.quantile(new double[] {1, 2}, 1.5));
        assertTrue(level.getMessage().contains("1.5"), level.getMessage());
    }
}
