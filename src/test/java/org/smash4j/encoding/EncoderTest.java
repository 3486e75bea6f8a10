package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.encoding.HandMarks.conv;
import static org.smash4j.encoding.HandMarks.region;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smash4j.encoding.HandMarks.Cell;
import org.smash4j.encoding.HandMarks.HandOp;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvPattern;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.OpMode;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

/** The encoder against hand-derived marks (spec 3.1 with bugs 9, 10 and 15 fixed). */
class EncoderTest {

    @Test
    void goldenArchitectureMarksExactlyTheHandDerivedCells() {
        SearchSpaceConfig config = GoldenArchitecture.config();
        EncodingLayout layout = new EncodingLayout(config);
        Encoding c = Encoder.encode(GoldenArchitecture.architecture(), config);

        assertEquals(55, c.channels());
        assertEquals(4, c.height());
        assertEquals(GoldenArchitecture.WIDTH, c.width());
        assertEquals(16, c.usedSlices());
        assertArrayEquals(GoldenArchitecture.FIRST_SLICES, c.opFirstSlices());
        // Every cell is -1 or +1, and the +1 cells are exactly the hand-derived ones.
        assertEquals(HandMarks.cells(layout, GoldenArchitecture.hand()), HandMarks.plusCells(c));
    }

    @Test
    void goldenSpotChecksInPlainNumbers() {
        // A few cells of the golden c by absolute channel (quick layout: reads 0, writes 16, block 32, width 35,
        // dilation 39, kernel 45, groups 51), as a reader would check them by eye.
        Encoding c = Encoder.encode(GoldenArchitecture.architecture(), GoldenArchitecture.config());
        // Op A (column 0, rows 0-1): reads banks 0 and 1 in the same slice; writes 4, 5; g = 2; dh = 2; kw = 5;
        // groups 2.
        for (int ch : new int[] {0, 1, 16 + 4, 16 + 5, 32, 35 + 1, 39 + 1, 39 + 3 + 0, 45 + 0, 45 + 3 + 1, 51 + 1}) {
            assertEquals(1f, c.get(ch, 0, 0), "op A channel " + ch);
            assertEquals(1f, c.get(ch, 1, 0), "op A channel " + ch);
            assertEquals(-1f, c.get(ch, 2, 0), "op A marks only rows 0-1, channel " + ch);
        }
        // Op B has g = 1 but n_b = 32, so all 4 rows are marked (the original marked only row 0).
        assertEquals(1f, c.get(35 + 0, 3, 1));
        // Op G has g = 4 but n_b = 16: rows 2-3 stay -1 (the original marked them).
        assertEquals(1f, c.get(35 + 3, 1, 3));
        assertEquals(-1f, c.get(35 + 3, 2, 3));
        // Op C: bank 0 owns columns 4-5, bank 1 columns 5-6; column 5 is shared.
        assertEquals(1f, c.get(0, 0, 5));
        assertEquals(1f, c.get(1, 0, 5));
        assertEquals(-1f, c.get(1, 0, 4));
        assertEquals(-1f, c.get(0, 0, 6));
        // Op F (n_b = 64 > N_max): block 2 = channel 34 over columns 12-15, all rows; column 16 is the spare.
        for (int row = 0; row < 4; row++) {
            for (int col = 12; col < 16; col++) {
                assertEquals(1f, c.get(34, row, col));
            }
        }
        for (int ch = 0; ch < 55; ch++) {
            for (int row = 0; row < 4; row++) {
                assertEquals(-1f, c.get(ch, row, 16), "spare column, channel " + ch);
            }
        }
    }

    @Test
    void varOpMarksOnlyActiveConvsAndSetsTheirActiveFlags() {
        // quick with VAR_OP (layout: dilation 39 + 6p, kernel 63 + 6p, active 87 + p, groups 91 + 4p).
        SearchSpaceConfig config = Presets.quick().toBuilder().optOpMode(OpMode.VAR_OP).build();
        // Block 0, bs = 2: R0 = 32/16 = 2, one PARALLEL op (W0 and W2). Blocks 1 and 2 have no ops.
        Op op = new Op(List.of(0, 1), List.of(2), 2, ConvPattern.PARALLEL,
                List.of(new ConvSpec(3, 5, 2, 1, 2), new ConvSpec(7, 7, 1, 1, 4)));
        Architecture arch = new Architecture(List.of(
                new Block(2, List.of(op)), new Block(2, List.of()), new Block(2, List.of())));
        Encoding c = Encoder.encode(arch, config);

        // 2 banks x bs 2 = 4 units = 32 channels, g = 2 (16 ch):
        // n_b = min(min(4, 32/16)*16, 32, 64) = 32 -> rows 4. 4 units / D = 2 slices: S = 2, width 3.
        // read 0: [0 + 0, 0 + ceil(2/2)) = [0, 1); read 1: [0 + 2/2, 0 + ceil(4/2)) = [1, 2).
        HandOp hand = new HandOp(4, List.of(region(0, 0, 1), region(1, 1, 2)), List.of(2), 0, 2,
                List.of(conv(0, 2, 1, 3, 5, 2), conv(2, 1, 1, 7, 7, 4)));
        EncodingLayout layout = new EncodingLayout(config);
        assertEquals(107, c.channels());
        assertEquals(3, c.width());
        assertEquals(HandMarks.cells(layout, List.of(hand)), HandMarks.plusCells(c));
        // In plain numbers: W0 and W2 flagged active (87, 89), W1 and W3 not (88, 90); W2's groups 4 at 91+8+2.
        assertEquals(1f, c.get(87, 0, 0));
        assertEquals(1f, c.get(89, 3, 1));
        assertEquals(1f, c.get(101, 2, 0));
        for (int ch : new int[] {88, 90}) {
            for (int col = 0; col < 3; col++) {
                assertEquals(-1f, c.get(ch, 0, col), "inactive conv flag " + ch);
            }
        }
        // No W1 or W3 dilation channel (45..50, 57..62) is set anywhere.
        for (int ch = 45; ch <= 50; ch++) {
            assertEquals(-1f, c.get(ch, 0, 0));
            assertEquals(-1f, c.get(ch + 12, 0, 1));
        }
    }

    @Test
    void slicesEndAtTheTrueCeilingWhenDepthCompressionIsFour() {
        // quick with D = 4: block 0 keeps bs = 1 (4 initial banks >= D). Blocks 1 and 2 take bs = 4, no ops.
        SearchSpaceConfig config = Presets.quick().toBuilder().optDepthCompression(4).build();
        Architecture arch = new Architecture(List.of(
                new Block(1, List.of(
                        new Op(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), 4, ConvPattern.SINGLE,
                                List.of(ConvSpec.plain3x3())),
                        new Op(List.of(4, 5, 6, 7), List.of(0), 1, ConvPattern.SINGLE,
                                List.of(ConvSpec.plain3x3())))),
                new Block(4, List.of()), new Block(4, List.of())));
        Encoding c = Encoder.encode(arch, config);
        // Each op reads 4 x 1 = 4 units = one slice of D*N = 32 channels: S0 = 0 and 1, S = 2, width 3.
        // Read p: [floor(p/4), ceil((p+1)/4)) = [0, 1) for p = 0..3. (The original's floor + remainder gave
        // [0, 2) and [0, 3) for p = 1, 2, running into the next op's slice and the spare column.)
        // Rows: op 1 n_b = min(1*32, 32, 64) = 32 -> 4; op 2 g = 1: n_b = min(4*8, 32, 64) = 32 -> 4.
        HandOp first = new HandOp(4, List.of(region(0, 0, 1), region(1, 0, 1), region(2, 0, 1), region(3, 0, 1)),
                List.of(4, 5, 6, 7), 0, 4, List.of(conv(0, 1, 1, 3, 3, 1)));
        HandOp second = new HandOp(4, List.of(region(4, 1, 2), region(5, 1, 2), region(6, 1, 2), region(7, 1, 2)),
                List.of(0), 0, 1, List.of(conv(0, 1, 1, 3, 3, 1)));
        assertEquals(3, c.width());
        assertArrayEquals(new int[] {0, 1}, c.opFirstSlices());
        assertEquals(HandMarks.cells(new EncodingLayout(config), List.of(first, second)), HandMarks.plusCells(c));
    }

    @Test
    void architectureWithoutOpsIsOneSpareColumnOfMinusOnes() {
        SearchSpaceConfig config = Presets.quick();
        Architecture arch = new Architecture(List.of(
                new Block(2, List.of()), new Block(2, List.of()), new Block(2, List.of())));
        Encoding c = Encoder.encode(arch, config);
        assertEquals(1, c.width());
        assertEquals(0, c.opFirstSlices().length);
        assertEquals(Set.<Cell>of(), HandMarks.plusCells(c));
    }

    @Test
    void invalidOpsAreRejectedWithTheirPosition() {
        SearchSpaceConfig quick = Presets.quick();
        // A PARALLEL op in SINGLE mode: W2 has no channels.
        Op parallel = new Op(List.of(0, 1), List.of(2), 2, ConvPattern.PARALLEL,
                List.of(ConvSpec.plain3x3(), ConvSpec.plain3x3()));
        assertMessage(() -> Encoder.encode(oneOp(2, parallel), quick),
                "block 0, op 0: conv W2 is not encoded: SINGLE mode encodes only W0");
        // bs = 1 with 3 reads: 3 units of N is not a whole number of D = 2 slices.
        Op odd = new Op(List.of(0, 1, 2), List.of(4), 1, ConvPattern.SINGLE, List.of(ConvSpec.plain3x3()));
        assertMessage(() -> Encoder.encode(oneOp(1, odd), quick),
                "block 0, op 0: reads 3 banks of size 1, i.e. 3 units of N, not a multiple of D=2");
        Op farBank = new Op(List.of(0, 16), List.of(2), 2, ConvPattern.SINGLE, List.of(ConvSpec.plain3x3()));
        assertMessage(() -> Encoder.encode(oneOp(1, farBank), quick),
                "block 0, op 0: read bank 16 is outside the 16 bank slots 0..15");
        Op wide = new Op(List.of(0, 1), List.of(2), 5, ConvPattern.SINGLE, List.of(ConvSpec.plain3x3()));
        assertMessage(() -> Encoder.encode(oneOp(1, wide), quick), "block 0, op 0: op width 5 is outside 1..k=4");
        assertMessage(() -> Encoder.encode(new Architecture(List.of(new Block(2, List.of()))), quick),
                "an architecture has exactly 3 blocks, got 1");
    }

    private static Architecture oneOp(int bs, Op op) {
        return new Architecture(List.of(new Block(bs, List.of(op)), new Block(2, List.of()), new Block(2, List.of())));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
