package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smash4j.space.Architecture;
import org.smash4j.space.SearchSpaceConfig;

/** The original's row marking (rows below the op width) and the unmarked encoding, on the golden architecture. */
class RowMarkingTest {
    private static final int WIDTH = 35;

    @Test
    void opWidthMarksRowsBelowTheWidthWhateverTheBottleneck() {
        Architecture arch = GoldenArchitecture.architecture();
        SearchSpaceConfig config = GoldenArchitecture.config();
        Encoding used = Encoder.encode(arch, config, RowMarking.USED_UNITS);
        Encoding width = Encoder.encode(arch, config, RowMarking.OP_WIDTH);
        assertArrayEquals(Encoder.encode(arch, config).values(), used.values(), "USED_UNITS is the default");
        // Op B (column 1): g = 1, n_b = 32. USED_UNITS marks all 4 rows, OP_WIDTH only row 0.
        for (int row = 0; row < 4; row++) {
            assertEquals(1f, used.get(WIDTH, row, 1), "USED_UNITS row " + row);
            assertEquals(row == 0 ? 1f : -1f, width.get(WIDTH, row, 1), "OP_WIDTH row " + row);
        }
        // The op at column 3: g = 4, n_b = 16. USED_UNITS marks rows 0-1, OP_WIDTH all 4.
        for (int row = 0; row < 4; row++) {
            assertEquals(row < 2 ? 1f : -1f, used.get(WIDTH + 3, row, 3), "USED_UNITS row " + row);
            assertEquals(1f, width.get(WIDTH + 3, row, 3), "OP_WIDTH row " + row);
        }
        assertArrayEquals(used.opFirstSlices(), width.opFirstSlices());
    }

    @Test
    void unmarkedEncodingKeepsTheShapeAndDropsEveryMark() {
        Architecture arch = GoldenArchitecture.architecture();
        Encoding c = Encoder.encode(arch, GoldenArchitecture.config());
        Encoding blank = Encoder.unmarked(arch, GoldenArchitecture.config());
        assertEquals(c.channels(), blank.channels());
        assertEquals(c.height(), blank.height());
        assertEquals(c.width(), blank.width());
        assertArrayEquals(c.opFirstSlices(), blank.opFirstSlices());
        for (float v : blank.values()) {
            assertEquals(-1f, v);
        }
    }
}
