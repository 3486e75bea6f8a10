package org.smash4j.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Phi and its inverse against scipy.stats.norm.cdf / ppf values (scipy 1.17.1). */
class StandardNormalTest {

    @Test
    void cdfMatchesTables() {
        assertEquals(0.5, StandardNormal.cdf(0), 0.0);
        assertEquals(0.9750021048517795, StandardNormal.cdf(1.96), 1e-15);
        assertEquals(0.15865525393145707, StandardNormal.cdf(-1), 1e-15);
        assertEquals(0.6914624612740131, StandardNormal.cdf(0.5), 1e-15);
        assertEquals(0.9986501019683699, StandardNormal.cdf(3), 1e-15);
        // Tails keep relative accuracy (Phi(-6), Phi(-20) to 1e-13 relative); both sides of the switch from series
        // to continued fraction at |x| = 2.5 are right.
        assertEquals(9.865876450376946e-10, StandardNormal.cdf(-6), 1e-23);
        assertEquals(2.7536241186061556e-89, StandardNormal.cdf(-20), 3e-102);
        assertEquals(9.865876450376946e-10, 1 - StandardNormal.cdf(6), 1e-16);
        assertEquals(0.006209665325776132, StandardNormal.cdf(-2.5), 1e-17);
        assertEquals(0.006209665325776138, StandardNormal.cdf(-2.4999999999999996), 1e-17);
        assertEquals(0.0, StandardNormal.cdf(-40), 0.0);
        assertEquals(1.0, StandardNormal.cdf(40), 0.0);
    }

    @Test
    void quantileMatchesTables() {
        assertEquals(0.0, StandardNormal.quantile(0.5), 1e-15);
        assertEquals(1.959963984540054, StandardNormal.quantile(0.975), 1e-13);
        assertEquals(1.2815515655446004, StandardNormal.quantile(0.9), 1e-13);
        assertEquals(-0.5244005127080409, StandardNormal.quantile(0.3), 1e-13);
        assertEquals(3.090232306167813, StandardNormal.quantile(0.999), 1e-12);
        assertEquals(-4.753424308822899, StandardNormal.quantile(1e-6), 1e-13);
        assertEquals(-20.0, StandardNormal.quantile(2.7536241186061556e-89), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(1.2));
    }
}
