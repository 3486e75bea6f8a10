package org.smash4j.report;

import org.junit.jupiter.api.Test;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.InvalidArchitectureException;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smash4j.report.ArchitectureDiagram.CELL;

/**
 * Checks the diagram of {@link SyntheticRun#WINNER_JSON} cell by cell against what that architecture reads and
 * writes (worked out by hand below), and its size against the documented geometry.
 */
class ArchitectureDiagramTest {
    /*
     * Every cell of the winner, per block, one string per row (input row first), one character per bank:
     *   i = filled by the block input      . = bank does not exist yet     e = exists, untouched by this op
     *   r = read                           a = add into it                 n = allocate it
     *   A = read and add into it
     */
    private static final List<List<String>> CELLS = List.of(
            List.of("iiii....",   // block 0: R0 = 4
                    "rreenn..",   // op 0: reads 0,1; new 4,5
                    "aerrrr..",   // op 1: reads 2-5; add 0
                    "raeeernn"),  // op 2: reads 0,5; add 1, new 6,7
            List.of("iii..",      // block 1: R0 = 3
                    "Arrn.",      // op 0: reads 0-2; add 0, new 3
                    "eeern"),     // op 1: reads 3; new 4
            List.of("i...",       // block 2: R0 = 1
                    "An..",       // op 0: reads 0; add 0, new 1
                    "rrn.",       // op 1: reads 0,1; new 2
                    "arrn"));     // op 2: reads 1,2; add 0, new 3

    /*
     * Geometry by hand (MARGIN 16, HEADER_HEIGHT 64, BLOCK_TITLE 40, INDEX_ROW 16, CELL 22, BLOCK_GAP 20,
     * LABEL_WIDTH 60, TEXT_GAP 12, MIN_TEXT_WIDTH 440; no label of this architecture needs more than 440 px):
     *   block 0 starts at y = 16 + 64 = 80, grid at 80 + 56 = 136, height 56 + 22*4 = 144
     *   block 1 starts at 80 + 144 + 20 = 244, grid at 300, height 56 + 22*3 = 122
     *   block 2 starts at 244 + 122 + 20 = 386, grid at 442, height 56 + 22*4 = 144
     *   image height 386 + 144 + 16 = 546; width 16 + 60 + 8*22 + 12 + 440 + 16 = 720 (8 banks in block 0)
     *   bank i's column starts at x = 16 + 60 + 22*i = 76 + 22*i
     */
    private static final int[] GRID_TOP = {136, 300, 442};
    private static final int GRID_LEFT = 76;

    @Test
    void everyCellShowsWhatTheOpReadsAndWrites() {
        BufferedImage image = ArchitectureDiagram.render(SyntheticRun.winner(), SyntheticRun.QUICK);
        assertEquals(720, image.getWidth());
        assertEquals(546, image.getHeight());
        int checked = 0;
        for (int b = 0; b < CELLS.size(); b++) {
            for (int row = 0; row < CELLS.get(b).size(); row++) {
                String cells = CELLS.get(b).get(row);
                for (int bank = 0; bank < cells.length(); bank++) {
                    int x = GRID_LEFT + bank * CELL;
                    int y = GRID_TOP[b] + row * CELL;
                    char kind = cells.charAt(bank);
                    String where = "block " + b + (row == 0 ? " input row" : " op " + (row - 1)) + " bank " + bank;
                    // The corner shows the cell's fill (write square or background), the centre the read circle.
                    assertColor(fill(kind), image, x + 4, y + 4, where + " corner");
                    assertColor(centre(kind), image, x + CELL / 2, y + CELL / 2, where + " centre");
                    checked++;
                }
            }
        }
        assertEquals(8 * 4 + 5 * 3 + 4 * 4, checked);
    }

    @Test
    void sizeGrowsByOneCellPerOpAndPerBank() {
        Architecture base = SyntheticRun.winner();
        // Two more ops in block 2, writing only into banks that exist: one row each, no new column.
        Architecture moreOps = withOps(SyntheticRun.WINNER_JSON.replace(
                "{\"kernelH\":5,\"kernelW\":5,\"dilationH\":2,\"dilationW\":2,\"groups\":1}]}]}]}",
                "{\"kernelH\":5,\"kernelW\":5,\"dilationH\":2,\"dilationW\":2,\"groups\":1}]},"
                        + "{\"reads\":[0,3],\"writes\":[1],\"width\":4,\"pattern\":\"SINGLE\",\"convs\":"
                        + "[{\"kernelH\":3,\"kernelW\":3,\"dilationH\":1,\"dilationW\":1,\"groups\":1}]},"
                        + "{\"reads\":[3],\"writes\":[2],\"width\":4,\"pattern\":\"SINGLE\",\"convs\":"
                        + "[{\"kernelH\":3,\"kernelW\":3,\"dilationH\":1,\"dilationW\":1,\"groups\":1}]}]}]}"));
        // One more op in block 0 allocating banks 8-11 (cap 12): one row and four columns more.
        Architecture moreBanks = withOps(SyntheticRun.WINNER_JSON.replace(
                "{\"kernelH\":3,\"kernelW\":5,\"dilationH\":1,\"dilationW\":2,\"groups\":2}]}]},",
                "{\"kernelH\":3,\"kernelW\":5,\"dilationH\":1,\"dilationW\":2,\"groups\":2}]},"
                        + "{\"reads\":[6,7],\"writes\":[8,9,10,11],\"width\":4,\"pattern\":\"SINGLE\",\"convs\":"
                        + "[{\"kernelH\":3,\"kernelW\":3,\"dilationH\":1,\"dilationW\":1,\"groups\":1}]}]},"));
        assertEquals(base.opCount() + 2, moreOps.opCount());
        assertEquals(base.opCount() + 1, moreBanks.opCount());

        BufferedImage a = ArchitectureDiagram.render(base, SyntheticRun.QUICK);
        BufferedImage b = ArchitectureDiagram.render(moreOps, SyntheticRun.QUICK);
        BufferedImage c = ArchitectureDiagram.render(moreBanks, SyntheticRun.QUICK);
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight() + 2 * CELL, b.getHeight());
        assertEquals(a.getWidth() + 4 * CELL, c.getWidth());
        assertEquals(a.getHeight() + CELL, c.getHeight());
        // The new block-0 row: reads 6,7 (which exist), allocates 8-11.
        int y = GRID_TOP[0] + 4 * CELL;
        for (int bank = 6; bank <= 7; bank++) {
            assertColor(ArchitectureDiagram.READ, c, GRID_LEFT + bank * CELL + CELL / 2, y + CELL / 2, "read " + bank);
        }
        for (int bank = 8; bank <= 11; bank++) {
            assertColor(ArchitectureDiagram.WRITE_NEW, c, GRID_LEFT + bank * CELL + 4, y + 4, "new " + bank);
        }
    }

    @Test
    void invalidArchitectureIsRefused() {
        // Block 0 op 0 reads bank 4 before anything wrote it.
        Architecture bad = ArchitectureJson.readArchitecture(SyntheticRun.WINNER_JSON
                .replaceFirst("\"reads\":\\[0,1\\]", "\"reads\":[0,4]"));
        assertThrows(InvalidArchitectureException.class,
                () -> ArchitectureDiagram.render(bad, SyntheticRun.QUICK));
    }

    private static Architecture withOps(String json) {
        Architecture a = ArchitectureJson.readArchitecture(json);
        ArchitectureValidator.validate(a, SyntheticRun.QUICK);
        return a;
    }

    private static Color fill(char kind) {
        switch (kind) {
            case 'i':
                return ArchitectureDiagram.INPUT;
            case '.':
                return ArchitectureDiagram.BACKGROUND;
            case 'e':
            case 'r':
                return ArchitectureDiagram.EXISTING;
            case 'a':
            case 'A':
                return ArchitectureDiagram.WRITE_ADD;
            case 'n':
                return ArchitectureDiagram.WRITE_NEW;
            default:
                throw new IllegalArgumentException("unknown cell kind " + kind);
        }
    }

    private static Color centre(char kind) {
        return kind == 'r' || kind == 'A' ? ArchitectureDiagram.READ : fill(kind);
    }

    private static void assertColor(Color expected, BufferedImage image, int x, int y, String where) {
        Color actual = new Color(image.getRGB(x, y));
        assertEquals(expected, actual, where + " at (" + x + "," + y + ")");
    }
}
