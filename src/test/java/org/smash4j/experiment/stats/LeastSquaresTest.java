package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Least-squares lines against hand-computed fits and scipy.stats.linregress. */
class LeastSquaresTest {

    @Test
    void fitByHand() {
        // x = [1..5], y = [2,4,5,4,5]: Sxy = 6, Sxx = 10, Syy = 6 (see CorrelationTest.pearsonByHand);
        // slope = 6/10 = 0.6, intercept = 4 - 0.6*3 = 2.2, r^2 = 36/60 = 0.6 (linregress: 0.6, 2.2, r=0.7746).
        LeastSquares fit = LeastSquares.fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertEquals(0.6, fit.slope(), 1e-15);
        assertEquals(2.2, fit.intercept(), 1e-14);
        assertEquals(0.6, fit.rSquared(), 1e-15);
        assertEquals(5, fit.n());
        assertEquals(2.2 + 0.6 * 10, fit.predict(10), 1e-13);
    }

    @Test
    void matchesLinregressOnAContinuousSet() {
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = Math.sin(i);
            y[i] = Math.sin(i) + 0.5 * Math.cos(3 * i);
        }
        LeastSquares fit = LeastSquares.fit(x, y);
        assertEquals(0.99625655391636, fit.slope(), 1e-13);
        assertEquals(0.006544523763053027, fit.intercept(), 1e-13);
        assertEquals(0.8051584327741531, fit.rSquared(), 1e-13);
    }

    @Test
    void exactLineIsRecovered() {
        // y = -3x + 7 exactly: slope -3, intercept 7, r^2 = 1.
        LeastSquares fit = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {7, 4, 1, -2});
        assertEquals(-3.0, fit.slope(), 1e-15);
        assertEquals(7.0, fit.intercept(), 1e-15);
        assertEquals(1.0, fit.rSquared(), 1e-15);
    }

    @Test
    void degenerateData() {
        // Constant y: the horizontal line through it fits, r^2 is 0/0.
        LeastSquares flat = LeastSquares.fit(new double[] {1, 2, 3}, new double[] {5, 5, 5});
        assertEquals(0.0, flat.slope(), 0.0);
        assertEquals(5.0, flat.intercept(), 0.0);
        assertTrue(Double.isNaN(flat.rSquared()));
        IllegalArgumentException vertical = assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[] {2, 2, 2}, new double[] {1, 2, 3}));
        assertTrue(vertical.getMessage().contains("x is constant"), vertical.getMessage());
    }
}
