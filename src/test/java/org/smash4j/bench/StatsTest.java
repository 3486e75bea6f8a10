package org.smash4j.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTest {
    @Test
    void percentilesAsNumpyComputesThem() {
        // numpy: np.percentile([4, 1, 3, 2], [50, 10, 90]) = [2.5, 1.3, 3.7]
        Stats s = Stats.of(new double[] {4, 1, 3, 2});
        assertEquals(new Stats(4, 2.5, 1.3, 3.7, 2.5).toString(), new Stats(s.count(), s.median(),
                Math.round(s.p10() * 1e12) / 1e12, Math.round(s.p90() * 1e12) / 1e12, s.mean()).toString());
        assertEquals(0, Stats.of(new double[0]).count());
    }
}
