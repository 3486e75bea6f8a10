package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Top-k errors against rankings built by hand. */
class TopKErrorTest {
    /** Logits 0, 1, ..., 11 in a rotated order so that class c has rank (c + shift) mod 12 from the top. */
    private static float[] rotated(int shift) {
        float[] row = new float[12];
        for (int c = 0; c < 12; c++) {
            row[c] = 11 - Math.floorMod(c + shift, 12);
        }
        return row;
    }

    @Test
    void countsLabelsOutsideTheTopFive() {
        // Row r: the label 0 has exactly r classes above it (ranks 0..7): ranks 5, 6, 7 miss the top five.
        int rows = 8;
        float[] logits = new float[rows * 12];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(rotated(r), 0, logits, r * 12, 12);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, new Shape(rows, 12));
            NDArray y = m.create(new long[rows]);
            assertEquals(3, Loss.topKErrors(x, y, 5));
            assertEquals(7, Loss.topKErrors(x, y, 1));
            assertEquals(Loss.errors(x, y), Loss.topKErrors(x, y, 1));
            assertEquals(0, Loss.topKErrors(x, y, 8));
        }
    }

    @Test
    void tiesCountForTheLabel() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Every class ties: nothing scores strictly higher than the label.
            NDArray x = m.zeros(new Shape(2, 12));
            NDArray y = m.create(new long[] {3, 11});
            assertEquals(0, Loss.topKErrors(x, y, 5));
        }
        double[] p = {0.3, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05};
        assertFalse(Loss.missesTopK(p, 4, 5), "4 classes above");
        assertTrue(Loss.missesTopK(p, 5, 5), "5 classes above");
        assertFalse(Loss.missesTopK(p, 2, 2), "one class above, one tie");
    }
}
