package org.smash4j.run;


import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Score values: mean and sample standard deviation of the draws, and what is refused. */
class ScoreTest {

    @Test
    void meanAndSampleStdOfTheDraws() {
        // mean (0.2 + 0.4 + 0.6)/3 = 0.4; squares 0.04 + 0 + 0.04 = 0.08, /(3-1) = 0.04, sqrt = 0.2
        Score s = Score.ofDraws(List.of(0.2, 0.4, 0.6), 1.5, 2.0);
        assertEquals(0.4, s.error(), 1e-15);
        assertEquals(0.2, s.std(), 1e-15);
        assertEquals(List.of(0.2, 0.4, 0.6), s.draws());
        assertEquals(1.5, s.loss());
        assertEquals(2.0, s.seconds());
        assertTrue(Double.isNaN(s.ensembleError()), "no ensemble error unless the scorer gives one");
    }

    @Test
    void oneDrawHasZeroSpread() {
        Score s = Score.ofDraws(List.of(0.37), Double.NaN, 0);
        assertEquals(0.37, s.error());
        assertEquals(0.0, s.std());
        assertTrue(Double.isNaN(s.loss()));
    }

    @Test
    void withersChangeOneField() {
        Score s = Score.ofDraws(List.of(0.1, 0.3), 0.9, 4).withEnsembleError(0.25).withSeconds(0);
        assertEquals(0.25, s.ensembleError());
        assertEquals(0.0, s.seconds());
        assertEquals(0.2, s.error(), 1e-15);
    }

    @Test
    void refusesWhatCannotBeAScore() {
        assertEquals("a score needs at least one draw",
                assertThrows(IllegalArgumentException.class, () -> Score.ofDraws(List.of(), 0, 0)).getMessage());
        assertEquals("score draw 1 is NaN, not a finite number", assertThrows(IllegalArgumentException.class,
                () -> Score.ofDraws(List.of(0.1, Double.NaN), 0, 0)).getMessage());
        assertEquals("score seconds must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> Score.ofDraws(List.of(0.1), 0, -1)).getMessage());
        assertEquals("ensemble error must be finite or NaN (unknown), got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Score.ofDraws(List.of(0.1), 0, 0).withEnsembleError(Double.POSITIVE_INFINITY))
                        .getMessage());
    }
}
