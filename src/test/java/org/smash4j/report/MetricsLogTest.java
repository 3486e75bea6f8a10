package org.smash4j.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training time over resumed segments and the trailing moving average, on hand-made numbers. */
class MetricsLogTest {
    private static MetricsLog.Epoch epoch(int e, double elapsed) {
        return new MetricsLog.Epoch(e, e * 10L, 1, 0.5, 0.1, 1, 0.5, Double.NaN, Double.NaN, elapsed, -1,
                Double.NaN);
    }

    @Test
    void resumedSegmentsAreAdded() {
        // Clock runs 10, 20; resume restarts it: 5, 15; resume again: 7.  20 + 15 + 7 = 42.
        MetricsLog m = new MetricsLog(List.of(), List.of(epoch(1, 10), epoch(2, 20), epoch(3, 5), epoch(4, 15),
                epoch(5, 7)));
        assertEquals(42.0, m.trainingSeconds(), 1e-12);
    }

    @Test
    void noClockIsUnknownNotZero() {
        assertTrue(Double.isNaN(MetricsLog.empty().trainingSeconds()));
        assertTrue(Double.isNaN(new MetricsLog(List.of(), List.of(epoch(1, Double.NaN))).trainingSeconds()));
    }

    @Test
    void movingAverageIsTrailing() {
        // Windows of 2 over 1, 2, 4, 8: (1+2)/2, (2+4)/2, (4+8)/2.
        assertEquals(List.of(1.5, 3.0, 6.0), TrainingCharts.movingAverage(List.of(1.0, 2.0, 4.0, 8.0), 2));
        assertEquals(List.of(), TrainingCharts.movingAverage(List.of(1.0), 2));
    }
}
