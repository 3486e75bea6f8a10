package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.smash4j.experiment.stats.Correlation.Measure;

/**
 * Correlations against values computed by hand in the comments, and against scipy 1.17.1 (scipy.stats.pearsonr,
 * spearmanr, kendalltau, whose kendalltau default is tau-b) on fixed data sets the tests rebuild exactly.
 */
class CorrelationTest {

    @Test
    void pearsonByHand() {
        // x = [1..5], y = [2,4,5,4,5]; means 3 and 4; dx = [-2,-1,0,1,2], dy = [-2,0,1,0,1];
        // Sxy = 4+0+0+0+2 = 6, Sxx = 10, Syy = 4+0+1+0+1 = 6 -> r = 6/sqrt(60) = 0.7745966692414834 (scipy agrees).
        double r = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertEquals(6 / Math.sqrt(60), r, 1e-15);
        assertEquals(0.7745966692414834, r, 1e-15);
    }

    @Test
    void spearmanWithTiesUsesMidRanks() {
        // x = [1,2,2,3,4] -> ranks [1, 2.5, 2.5, 4, 5]; y = [2,1,4,3,5] -> ranks [2,1,4,3,5]; both rank means 3.
        // dx = [-2,-0.5,-0.5,1,2], dy = [-1,-2,1,0,2]; Sxy = 2+1-0.5+0+4 = 6.5; Sxx = 4+.25+.25+1+4 = 9.5; Syy = 10.
        // rho = 6.5/sqrt(95) = 0.6668859288553503 (scipy spearmanr agrees).
        double rho = Correlation.spearman(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 4, 3, 5});
        assertEquals(6.5 / Math.sqrt(95), rho, 1e-15);
        assertEquals(0.6668859288553503, rho, 1e-15);
    }

    @Test
    void kendallTauBWithTiesInEachVariable() {
        // x = [1,2,2,3,4], y = [2,1,3,3,4]; the 10 pairs (i,j):
        // (0,1) x up, y down: D   (0,2) C   (0,3) C   (0,4) C   (1,2) x tied (2,2)
        // (1,3) C   (1,4) C   (2,3) y tied (3,3)   (2,4) C   (3,4) C
        // C = 7, D = 1; n0 = 10, pairs tied in x n1 = 1, in y n2 = 1 -> tau_b = 6/sqrt(9*9) = 2/3 (scipy agrees).
        double tau = Correlation.kendallTauB(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 3, 3, 4});
        assertEquals(2.0 / 3.0, tau, 1e-15);
    }

    @Test
    void kendallTauBWithAPairTiedInBoth() {
        // x = [1,2,2,3,4], y = [1,2,2,1,3]:
        // (0,1) C  (0,2) C  (0,3) y tied (1,1)  (0,4) C  (1,2) tied in both (2,2)/(2,2)
        // (1,3) x up, y down: D  (1,4) C  (2,3) D  (2,4) C  (3,4) C
        // C = 6, D = 2; n1 (tied in x, joint included) = 1, n2 (tied in y, joint included) = 2.
        // tau_b = 4/sqrt((10-1)(10-2)) = 4/sqrt(72) = 0.4714045207910317 (scipy: 0.4714045207910316).
        double tau = Correlation.kendallTauB(new double[] {1, 2, 2, 3, 4}, new double[] {1, 2, 2, 1, 3});
        assertEquals(4 / Math.sqrt(72), tau, 1e-15);
    }

    @Test
    void allThreeAgreeWithScipyOnATiedIntegerSet() {
        // x_i = 37i mod 11, y_i = x_i + (53i mod 7), i = 0..99: many ties in both variables.
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = (i * 37) % 11;
            y[i] = x[i] + (i * 53) % 7;
        }
        assertEquals(0.8522462786254719, Correlation.pearson(x, y), 1e-13);
        assertEquals(0.8585471279143749, Correlation.spearman(x, y), 1e-13);
        assertEquals(0.7058192497672459, Correlation.kendallTauB(x, y), 1e-13);
    }

    @Test
    void allThreeAgreeWithScipyOnAContinuousSet() {
        // x_i = sin(i), y_i = sin(i) + 0.5 cos(3i), i = 0..59 (no ties).
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = Math.sin(i);
            y[i] = Math.sin(i) + 0.5 * Math.cos(3 * i);
        }
        assertEquals(0.8973062090357748, Correlation.pearson(x, y), 1e-13);
        assertEquals(0.8828007779938873, Correlation.spearman(x, y), 1e-13);
        assertEquals(0.6802259887005649, Correlation.kendallTauB(x, y), 1e-13);
    }

    @Test
    void fastKendallMatchesPairByPairCounting() {
        // The O(n log n) merge-sort count against the definition, pair by pair, on random data with heavy ties.
        SplittableRandom rng = new SplittableRandom(20180101);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rng.nextInt(150);
            int levels = 1 + rng.nextInt(8);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(levels);
                y[i] = rng.nextInt(levels) + (rng.nextBoolean() ? x[i] : 0);
            }
            double expected = tauBByDefinition(x, y);
            double actual = Correlation.kendallTauB(x, y);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "trial " + trial + ": expected NaN, got " + actual);
            } else {
                assertEquals(expected, actual, 1e-12, "trial " + trial + " n=" + n);
            }
        }
    }

    @Test
    void perfectMonotoneGivesExactlyOne() {
        // y = exp(x) is monotone but not linear: the rank measures are exactly 1, Pearson is below 1.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = Math.exp(x[i]);
            down[i] = -Math.exp(x[i]);
        }
        assertEquals(1.0, Correlation.spearman(x, up), 0.0);
        assertEquals(1.0, Correlation.kendallTauB(x, up), 0.0);
        assertEquals(-1.0, Correlation.spearman(x, down), 0.0);
        assertEquals(-1.0, Correlation.kendallTauB(x, down), 0.0);
        assertTrue(Correlation.pearson(x, up) < 0.95, "exp is far from linear on 1..8");
        double[] line = {3, 5, 7, 9, 11, 13, 15, 17};
        assertEquals(1.0, Correlation.pearson(x, line), 1e-15);
        assertEquals(1.0, Measure.PEARSON.apply(x, line), 1e-15);
        assertEquals(-1.0, Measure.KENDALL_TAU_B.apply(x, down), 0.0);
    }

    @Test
    void constantInputGivesNaNWithAReason() {
        double[] x = {1, 2, 3};
        double[] flat = {4, 4, 4};
        assertTrue(Double.isNaN(Correlation.pearson(x, flat)));
        assertTrue(Double.isNaN(Correlation.spearman(flat, x)));
        assertTrue(Double.isNaN(Correlation.kendallTauB(x, flat)));
        assertEquals(Optional.of("y is constant (all 3 values are 4.0), so no correlation is defined"),
                Correlation.undefinedReason(x, flat));
        assertTrue(Correlation.undefinedReason(flat, x).orElseThrow().startsWith("x is constant"));
        assertEquals(Optional.empty(), Correlation.undefinedReason(x, x));
    }

    @Test
    void tooFewOrMismatchedPairsThrow() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1}, new double[] {2}));
        assertEquals("needs at least 2 pairs, got 1", one.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> Correlation.kendallTauB(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertEquals("x and y must be paired, but x has 3 values and y has 2", mismatch.getMessage());
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> Correlation.spearman(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(infinite.getMessage().startsWith("y[1] is Infinity"), infinite.getMessage());
    }

    /** tau_b by its definition: sum of sign products over all pairs, over sqrt of (pairs untied in x)(untied in y). */
    private static double tauBByDefinition(double[] x, double[] y) {
        long signSum = 0;
        long untiedX = 0;
        long untiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int sx = Double.compare(x[i], x[j]);
                int sy = Double.compare(y[i], y[j]);
                signSum += (long) Integer.signum(sx) * Integer.signum(sy);
                untiedX += sx != 0 ? 1 : 0;
                untiedY += sy != 0 ? 1 : 0;
            }
        }
        if (untiedX == 0 || untiedY == 0) {
            return Double.NaN;
        }
        return signSum / Math.sqrt((double) untiedX * untiedY);
    }
}
