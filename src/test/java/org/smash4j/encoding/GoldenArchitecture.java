package org.smash4j.encoding;

import static org.smash4j.encoding.HandMarks.conv;
import static org.smash4j.encoding.HandMarks.region;

import java.util.List;

import org.smash4j.encoding.HandMarks.HandOp;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvPattern;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

/**
 * A hand-written architecture of the {@code quick} preset and, derived by hand from spec 3.1, where its marks go.
 * It exercises: bank size 1 (two reads sharing one slice), bank size 3 (reads whose regions overlap by one
 * column), an op whose 1x1 output n_b = 64 exceeds N_max = 32 (rows capped at k), an op with g = 1 but 4 marked
 * rows and one with g = 4 but only 2 (bug 10: rows follow n_b, not g), and writes that reuse chunks.
 *
 * <p>quick: N = 8, N_max = 32 so k = 4, D = 2, bottleneck 4, maxBottleneck 2 (n_b <= 64), M = 16.
 * Block inputs 32, 48, 48; max block widths 96, 112, 128; budgets 10, 19, 35 slices.
 * n_b = min(max(1, min(4, floor(nch/(g*N)))) * g*N, nch, 64); rows = min(4, ceil(n_b/8)).
 * Read p of an op with first slice S0 owns columns [S0 + floor(p*bs/2), S0 + ceil((p*bs + bs)/2)).
 */
final class GoldenArchitecture {
    private GoldenArchitecture() {
    }

    static SearchSpaceConfig config() {
        return Presets.quick();
    }

    private static Op single(List<Integer> reads, List<Integer> writes, int g, ConvSpec c) {
        return new Op(reads, writes, g, ConvPattern.SINGLE, List.of(c));
    }

    static Architecture architecture() {
        return new Architecture(List.of(
                // Block 0, bs = 1: R0 = 32/8 = 4 (banks 0..3), cap = min(4 + 4*4/1, 96/8) = 12.
                new Block(1, List.of(
                        single(List.of(0, 1), List.of(4, 5), 2, new ConvSpec(3, 5, 2, 1, 2)),
                        single(List.of(1, 2, 3, 5), List.of(2, 6), 1, new ConvSpec(7, 3, 1, 3, 4)),
                        single(List.of(4, 6), List.of(0, 7, 8, 9), 4, new ConvSpec(3, 3, 3, 3, 4)))),
                // Block 1, bs = 3: R0 = 48/24 = 2 (banks 0, 1; allowed since 2 >= D), cap = min(2 + 5, 112/24) = 4.
                new Block(3, List.of(
                        single(List.of(0, 1), List.of(0, 2), 3, new ConvSpec(5, 5, 2, 2, 8)),
                        single(List.of(0, 2), List.of(1, 3), 3, new ConvSpec(3, 7, 3, 1, 1)))),
                // Block 2, bs = 4: R0 = 48/32 = 1 (bank 0), cap = min(1 + 4, 128/32) = 4.
                new Block(4, List.of(
                        single(List.of(0), List.of(0, 1), 4, new ConvSpec(3, 3, 1, 1, 1)),
                        single(List.of(0, 1), List.of(2), 4, new ConvSpec(5, 3, 1, 2, 2))))));
    }

    /** First slice of each op: the running sum of reads*bs/2 = 1, 2, 1 | 3, 3 | 2, 4. */
    static final int[] FIRST_SLICES = {0, 1, 3, 4, 7, 10, 12};

    /** S = 16 used slices, plus the spare column. */
    static final int WIDTH = 17;

    static List<HandOp> hand() {
        return List.of(
                // A: S0 = 0, reads 2 x bs 1 = 16 ch, g = 2: n_b = min(1*16, 16, 64) = 16 -> rows 2.
                //    read 0: [0 + 0, 0 + ceil(1/2)) = [0, 1); read 1: [0 + floor(1/2), 0 + ceil(2/2)) = [0, 1).
                new HandOp(2, List.of(region(0, 0, 1), region(1, 0, 1)), List.of(4, 5), 0, 2,
                        List.of(conv(0, 2, 1, 3, 5, 2))),
                // B: S0 = 1, reads 4 x 1 = 32 ch, g = 1: n_b = min(min(4, 32/8)*8, 32, 64) = 32 -> rows 4 (> g).
                //    reads 1, 2: [1 + 0, 1 + 1); reads 3, 5: [1 + floor(2/2), 1 + ceil(3/2)) = [2, 3), [1 + 1, 1 + 2).
                new HandOp(4, List.of(region(1, 1, 2), region(2, 1, 2), region(3, 2, 3), region(5, 2, 3)),
                        List.of(2, 6), 0, 1, List.of(conv(0, 1, 3, 7, 3, 4))),
                // G: S0 = 3, reads 2 x 1 = 16 ch, g = 4 (32 ch): n_b = min(1*32, 16, 64) = 16 -> rows 2 (< g).
                //    reads 4, 6: [3, 4).
                new HandOp(2, List.of(region(4, 3, 4), region(6, 3, 4)), List.of(0, 7, 8, 9), 0, 4,
                        List.of(conv(0, 3, 3, 3, 3, 4))),
                // C: S0 = 4, reads 2 x 3 = 48 ch, g = 3 (24 ch): n_b = min(2*24, 48, 64) = 48 -> rows min(4, 6) = 4.
                //    read 0: [4 + 0, 4 + ceil(3/2)) = [4, 6); read 1: [4 + floor(3/2), 4 + ceil(6/2)) = [5, 7).
                new HandOp(4, List.of(region(0, 4, 6), region(1, 5, 7)), List.of(0, 2), 1, 3,
                        List.of(conv(0, 2, 2, 5, 5, 8))),
                // D: S0 = 7, same sizes as C: rows 4; read 0: [7, 9); read 2: [8, 10).
                new HandOp(4, List.of(region(0, 7, 9), region(2, 8, 10)), List.of(1, 3), 1, 3,
                        List.of(conv(0, 3, 1, 3, 7, 1))),
                // E: S0 = 10, reads 1 x 4 = 32 ch, g = 4: n_b = min(1*32, 32, 64) = 32 -> rows 4.
                //    read 0: [10, 10 + ceil(4/2)) = [10, 12).
                new HandOp(4, List.of(region(0, 10, 12)), List.of(0, 1), 2, 4, List.of(conv(0, 1, 1, 3, 3, 1))),
                // F: S0 = 12, reads 2 x 4 = 64 ch, g = 4: n_b = min(2*32, 64, 64) = 64 > N_max -> rows min(4, 8) = 4.
                //    read 0: [12, 14); read 1: [12 + 2, 12 + 4) = [14, 16). Column 16 is the spare.
                new HandOp(4, List.of(region(0, 12, 14), region(1, 14, 16)), List.of(2), 2, 4,
                        List.of(conv(0, 1, 2, 5, 3, 2))));
    }
}
