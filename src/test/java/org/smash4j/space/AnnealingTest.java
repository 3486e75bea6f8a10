package org.smash4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The annealing schedule at hand-computed iterations (spec 2.4). */
class AnnealingTest {
    // J = 200 iterations, so t = j / 100 until j = 100 and 1 after.
    private final Annealing paper = new Annealing(Presets.paper(), 200);

    @Test
    void paperScheduleAtHandComputedIterations() {
        // t = 0: m = 3 -> {3}; budget 0.5.
        assertEquals(new AnnealingState(3, 0.5), paper.at(0));
        // t = .24: m = 3 + floor(.96) = 3 -> {3}; budget .5 + .12.
        assertState(3, 0.62, paper.at(24));
        // t = .25: m = 4 -> range(3, 6, 2) = {3, 5}; budget .625.
        assertState(5, 0.625, paper.at(25));
        // t = .74: m = 3 + floor(2.96) = 5 -> {3, 5}; budget .87.
        assertState(5, 0.87, paper.at(74));
        // t = .75: m = 6 -> range(3, 8, 2) = {3, 5, 7}; budget .875.
        assertState(7, 0.875, paper.at(75));
        // t = 1 at the half-way point and after.
        assertEquals(new AnnealingState(7, 1.0), paper.at(100));
        assertEquals(new AnnealingState(7, 1.0), paper.at(199));
        assertEquals(AnnealingState.finalState(Presets.paper()), paper.at(150));
    }

    @Test
    void evenIntermediateValuesAreNeverStored() {
        // Bug 12: the original's m takes 4 and 6; the stored largest allowed size must always be odd.
        for (int j = 0; j < 200; j++) {
            assertEquals(1, paper.at(j).maxKernel() % 2, "iteration " + j);
        }
    }

    @Test
    void smallerFinalKernelAnnealsToItsOwnMaximum() {
        // tiny: K = 5, m = 3 + floor(2t): 5x5 from t = .5.
        Annealing tiny = new Annealing(Presets.tiny(), 200);
        assertEquals(3, tiny.at(49).maxKernel());
        assertEquals(5, tiny.at(50).maxKernel());
        assertEquals(5, tiny.at(200).maxKernel());
        assertEquals(new AnnealingState(5, 1.0), AnnealingState.finalState(Presets.tiny()));
    }

    @Test
    void progressAndArgumentChecks() {
        assertEquals(0.5, Annealing.progress(25, 100), 0.0);
        assertEquals(1.0, Annealing.progress(1000, 100), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Annealing.progress(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> new Annealing(Presets.paper(), 0));
        assertThrows(IllegalArgumentException.class, () -> new AnnealingState(4, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new AnnealingState(3, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new AnnealingState(3, 1.5));
    }

    private static void assertState(int maxKernel, double maxBudget, AnnealingState s) {
        assertEquals(maxKernel, s.maxKernel());
        assertEquals(maxBudget, s.maxBudget(), 1e-12);
    }
}
