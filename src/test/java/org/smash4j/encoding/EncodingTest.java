package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Encoding value: its [channel][row][column] indexing and its immutability. */
class EncodingTest {

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void cellsAreIndexedChannelThenRowThenColumn() {
        Encoding e = new Encoding(2, 2, 3, ramp(12), new int[] {0, 1});
        // (ch*height + row)*width + col
        assertEquals(8f, e.get(1, 0, 2));   // (1*2 + 0)*3 + 2
        assertEquals(4f, e.get(0, 1, 1));   // (0*2 + 1)*3 + 1
        assertEquals(11f, e.get(1, 1, 2));
        assertEquals(2, e.usedSlices());
        assertEquals(5f, e.asReadOnlyBuffer().get(5));
        IndexOutOfBoundsException x = assertThrows(IndexOutOfBoundsException.class, () -> e.get(0, 2, 0));
        assertTrue(x.getMessage().contains("(channel 0, row 2, column 0)"), x.getMessage());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        float[] values = ramp(12);
        int[] first = {0, 1};
        Encoding e = new Encoding(2, 2, 3, values, first);
        values[0] = 99f;
        first[0] = 2;
        e.values()[1] = 99f;
        e.opFirstSlices()[1] = 2;
        assertEquals(0f, e.get(0, 0, 0));
        assertEquals(1f, e.get(0, 0, 1));
        assertArrayEquals(new int[] {0, 1}, e.opFirstSlices());
        assertTrue(e.asReadOnlyBuffer().isReadOnly());
        assertEquals(new Encoding(2, 2, 3, ramp(12), new int[] {0, 1}), e);
        assertNotEquals(new Encoding(2, 2, 3, ramp(12), new int[] {0, 2}), e);
    }

    @Test
    void wrongSizesAreRejected() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new Encoding(2, 2, 3, new float[11], new int[0]));
        assertTrue(x.getMessage().contains("needs 12 values, got 11"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> new Encoding(2, 2, 3, new float[12], new int[] {3}));
        assertTrue(x.getMessage().contains("first slice 3 is outside the 3 columns"), x.getMessage());
    }
}
