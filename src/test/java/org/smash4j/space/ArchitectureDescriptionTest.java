package org.smash4j.space;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.space.HandBuiltArchitectures.QUICK;
import static org.smash4j.space.HandBuiltArchitectures.QUICK_VAR_OP;
import static org.smash4j.space.HandBuiltArchitectures.inBlock0;
import static org.smash4j.space.HandBuiltArchitectures.plain;

/**
 * The {@code describe} text: the numbers it prints are the hand-counted ones of {@link CostModelTest}, and its
 * layout stays aligned and within a 100-column terminal.
 */
class ArchitectureDescriptionTest {

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    private static String lineStartingWith(String text, String start) {
        return lines(text).stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in\n" + text));
    }

    @Test
    void humanUnits() {
        assertEquals("0", ArchitectureDescription.human(0));
        assertEquals("999", ArchitectureDescription.human(999));
        assertEquals("1.00k", ArchitectureDescription.human(1000));
        assertEquals("1.23k", ArchitectureDescription.human(1234));
        assertEquals("12.3k", ArchitectureDescription.human(12_345));
        assertEquals("123k", ArchitectureDescription.human(123_456));
        assertEquals("1.00M", ArchitectureDescription.human(999_999)); // 999.999k rounds up into the next unit
        assertEquals("1.23M", ArchitectureDescription.human(1_234_567));
        assertEquals("25.5M", ArchitectureDescription.human(25_493_184));
        assertEquals("4.57G", ArchitectureDescription.human(4_567_000_000L));
    }

    @Test
    void rangesCompressRuns() {
        assertEquals("0-2,5,7-8", ArchitectureDescription.ranges(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("3", ArchitectureDescription.ranges(List.of(3)));
        assertEquals("", ArchitectureDescription.ranges(List.of()));
    }

    @Test
    void printsTheHandCountedNumbers() {
        String text = ArchitectureDescription.describe(HandBuiltArchitectures.quickVarOp(), QUICK_VAR_OP,
                NormStyle.SANDWICH);
        // Totals from CostModelTest: 48,106 parameters, 25,493,184 MACs.
        assertTrue(text.contains("total: 48,106 parameters (48.1k), 25,493,184 MACs per image (25.5M)"), text);
        // Header: 4 ops; slices 2+2 in block 0 and 3+1 in block 2 = 8 of 10+19+35 = 64.
        assertEquals("architecture: 4 ops, 8 of 64 slices used; N=8, D=2, op mode VAR_OP", lines(text).get(0));
        assertTrue(text.contains("block 0  28x28  bank size 2 (16 ch)  initial banks 0..1 (32 of 32 input ch)"
                + "  slices 4/10"), text);
        // Block 1 drops 16 of its 48 input channels (bs=4: one 32-channel bank).
        assertTrue(text.contains("block 1  14x14  bank size 4 (32 ch)  initial banks 0 (32 of 48 input ch)"
                + "  slices 0/19"), text);
        assertTrue(text.contains("  output: 1 bank x 32 ch = 32 channels (at most 112)"), text);
        assertTrue(text.contains("  output: 8 banks x 8 ch = 64 channels (at most 128)"), text);

        // Block 2, op 1: reads 2,6; adds into bank 1 and allocates bank 7; 16 channels; 1x1 16->16;
        // 11744 params (11.7k) and 572,320 MACs (572k); then its four convs, one per line.
        String op1 = lineStartingWith(text, "    1  2,6");
        assertEquals(List.of("1", "2,6", "add", "1", "new", "7", "16", "16->16", "double", "W0", "3x3", "d3x3", "g1",
                "11.7k", "572k"), List.of(op1.trim().split("\\s+")));
        List<String> all = lines(text);
        int at = all.indexOf(op1);
        assertEquals("W1 3x3 d1x1 g2", all.get(at + 1).trim());
        assertEquals("W2 5x5 d2x2 g1", all.get(at + 2).trim());
        assertEquals("W3 7x7 d1x1 g8", all.get(at + 3).trim());

        // Block 0, op 0 allocates bank 2: 5760 params (5.76k), 4,415,488 MACs (4.42M).
        String op0 = lineStartingWith(text, "    0  0-1");
        assertEquals(List.of("0", "0-1", "new", "2", "16", "32->32", "single", "W0", "3x3", "d1x1", "g1", "5.76k",
                "4.42M"), List.of(op0.trim().split("\\s+")));
        assertTrue(lineStartingWith(text, "stem: conv 7x7, 1 -> 32 ch @28x28").endsWith("1.57k    1.23M"));
        assertTrue(lineStartingWith(text, "head: BN, ReLU, global average pool, linear 64 -> 10 classes")
                .endsWith("778      640"));
    }

    @Test
    void costColumnsAreAlignedAndLinesFit() {
        for (String text : List.of(
                ArchitectureDescription.describe(HandBuiltArchitectures.quickVarOp(), QUICK_VAR_OP, NormStyle.FULL),
                ArchitectureDescription.describe(HandBuiltArchitectures.paperDense(), Presets.paper(),
                        NormStyle.WEIGHT_NORM))) {
            int costEnd = -1;
            for (String line : lines(text)) {
                assertTrue(line.length() <= ArchitectureDescription.MAX_LINE, "too long: '" + line + "'");
                // Lines with a params and a MACs column: stem, transitions, head, table headers and op rows.
                boolean hasCosts = line.startsWith("stem") || line.startsWith("transition")
                        || line.startsWith("head") || line.matches("\\s+(op|\\d+)\\s.*");
                if (hasCosts) {
                    // Every line with costs ends at the same column: the MACs column is right-aligned.
                    if (costEnd < 0) {
                        costEnd = line.length();
                    }
                    assertEquals(costEnd, line.length(), "misaligned: '" + line + "'");
                }
            }
            assertTrue(costEnd > 0);
        }
    }

    @Test
    void documentAndBareArchitectureGiveTheSameText() {
        ArchitectureDocument doc = new ArchitectureDocument(QUICK, HandBuiltArchitectures.quickSingle());
        String fromDoc = ArchitectureDescription.describe(doc, NormStyle.SANDWICH);
        assertEquals(ArchitectureDescription.describe(HandBuiltArchitectures.quickSingle(), QUICK,
                NormStyle.SANDWICH), fromDoc);
        assertEquals(fromDoc, ArchitectureDescription.describe(
                ArchitectureJson.readDocumentOrArchitecture(ArchitectureJson.toJson(doc), null), NormStyle.SANDWICH));
        assertEquals(fromDoc, ArchitectureDescription.describe(ArchitectureJson.readDocumentOrArchitecture(
                ArchitectureJson.toJson(HandBuiltArchitectures.quickSingle()), QUICK), NormStyle.SANDWICH));
    }

    @Test
    void emptyBlockSaysSo() {
        String text = ArchitectureDescription.describe(inBlock0(2), QUICK, NormStyle.SANDWICH);
        assertEquals(3, lines(text).stream().filter(l -> l.equals("  no ops: the initial banks pass through"
                + " unchanged")).count());
    }

    @Test
    void rejectsAnInvalidArchitecture() {
        assertThrows(InvalidArchitectureException.class, () -> ArchitectureDescription.describe(
                inBlock0(2, plain(List.of(0, 1), List.of(3), 2)), QUICK, NormStyle.SANDWICH));
    }
}
