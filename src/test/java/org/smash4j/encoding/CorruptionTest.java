package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.encoding.HandMarks.conv;
import static org.smash4j.encoding.HandMarks.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

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

/** Corrupted encodings for the "trick" experiment: one field moves between ops, nothing else changes. */
class CorruptionTest {
    private static final SearchSpaceConfig CONFIG = GoldenArchitecture.config();
    private static final EncodingLayout LAYOUT = new EncodingLayout(CONFIG);
    private static final Architecture ARCH = GoldenArchitecture.architecture();
    private static final List<HandOp> HAND = GoldenArchitecture.hand();

    private static List<HandOp> corruptedHand(List<HandOp> hand, CorruptionKind kind, int[] donors) {
        List<HandOp> out = new ArrayList<>();
        for (int i = 0; i < hand.size(); i++) {
            out.add(hand.get(i).withFieldOf(kind, hand.get(donors[i])));
        }
        return out;
    }

    /** The per-op value of {@code kind}, read from the hand table. */
    private static Object handValue(CorruptionKind kind, HandOp op) {
        return switch (kind) {
            case DILATION -> op.convs().stream().map(c -> List.of(c.dh(), c.dw())).toList();
            case KERNEL -> op.convs().stream().map(c -> List.of(c.kh(), c.kw())).toList();
            case GROUPS -> op.convs().stream().map(HandMarks.Conv::groups).toList();
            case WIDTH -> op.width();
            case READS -> op.reads();
            case WRITES -> op.writes();
        };
    }

    @Test
    void givenDonorsEachOpShowsItsDonorsValueInItsOwnRegion() {
        // Op i shows the value of op i+1 (the last op that of op 0).
        int[] donors = {1, 2, 3, 4, 5, 6, 0};
        for (CorruptionKind kind : CorruptionKind.values()) {
            Encoding c = Encoder.encodeCorrupted(ARCH, CONFIG, kind, donors);
            assertEquals(HandMarks.cells(LAYOUT, corruptedHand(HAND, kind, donors)), HandMarks.plusCells(c),
                    kind.toString());
        }
        // In plain numbers: op A (column 0) with op B's width 1 lights channel 35 instead of 36; with op B's reads
        // [1, 2, 3, 5] its two read regions show banks 1 and 2 (channels 1, 2), not 0 and 1.
        Encoding width = Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.WIDTH, donors);
        assertEquals(1f, width.get(35, 0, 0));
        assertEquals(-1f, width.get(36, 0, 0));
        Encoding reads = Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.READS, donors);
        assertEquals(-1f, reads.get(0, 0, 0));
        assertEquals(1f, reads.get(1, 0, 0));
        assertEquals(1f, reads.get(2, 1, 0));
        assertEquals(-1f, reads.get(3, 0, 0));
    }

    @Test
    void corruptionChangesOnlyItsOwnFieldInsideTheTrueOpRegions() {
        Encoding truth = Encoder.encode(ARCH, CONFIG);
        Set<List<Integer>> opArea = new HashSet<>();
        for (Cell cell : HandMarks.cells(LAYOUT, HAND)) {
            opArea.add(List.of(cell.row(), cell.col()));
        }
        for (CorruptionKind kind : CorruptionKind.values()) {
            FieldRange field = LAYOUT.field(kind.field()).orElseThrow();
            for (long seed = 0; seed < 10; seed++) {
                Encoding c = Encoder.encodeCorrupted(ARCH, CONFIG, kind, new SplittableRandom(seed));
                int changed = 0;
                for (int ch = 0; ch < truth.channels(); ch++) {
                    for (int row = 0; row < truth.height(); row++) {
                        for (int col = 0; col < truth.width(); col++) {
                            if (truth.get(ch, row, col) != c.get(ch, row, col)) {
                                changed++;
                                assertTrue(field.contains(ch),
                                        kind + " changed channel " + ch + " outside its field " + field);
                                assertTrue(opArea.contains(List.of(row, col)),
                                        kind + " changed (" + row + ", " + col + ") outside every op region");
                            }
                        }
                    }
                }
                assertTrue(changed > 0, kind + " with seed " + seed + " left c unchanged");
                // The changed cells are the donors' marks: the whole c matches the hand table with those donors.
                int[] donors = Encoder.corruptionDonors(ARCH, CONFIG, kind, new SplittableRandom(seed));
                assertEquals(HandMarks.cells(LAYOUT, corruptedHand(HAND, kind, donors)), HandMarks.plusCells(c));
            }
        }
    }

    @Test
    void everyOpReceivesADifferentValueWhenNoValueHoldsAMajority() {
        // Hand-counted largest groups of equal values among the 7 golden ops, all <= 3 < 7/2, so a shuffle can
        // move every op's value: widths 2,1,4,3,3,4,4 (three 4s); reads [0,1] x3 (A, C, F); kernels (3,3) x2;
        // groups 2,4,4,8,1,1,2 (pairs); writes and dilations all distinct.
        for (CorruptionKind kind : CorruptionKind.values()) {
            for (long seed = 0; seed < 20; seed++) {
                int[] donors = Encoder.corruptionDonors(ARCH, CONFIG, kind, new SplittableRandom(seed));
                boolean[] used = new boolean[HAND.size()];
                for (int i = 0; i < HAND.size(); i++) {
                    assertFalse(used[donors[i]], "not a permutation: " + java.util.Arrays.toString(donors));
                    used[donors[i]] = true;
                    assertNotEquals(handValue(kind, HAND.get(i)), handValue(kind, HAND.get(donors[i])),
                            kind + ", seed " + seed + ": op " + i + " got an equal value from op " + donors[i]);
                }
            }
        }
    }

    @Test
    void sameSeedSameCorruptionAndSeedsVary() {
        Set<Encoding> seen = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            Encoding a = Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.DILATION, new SplittableRandom(seed));
            Encoding b = Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.DILATION, new SplittableRandom(seed));
            assertEquals(a, b);
            seen.add(a);
        }
        assertTrue(seen.size() > 1, "five seeds gave one and the same corruption");
    }

    @Test
    void varOpDonorWithFewerConvsIsCycledOverTheRecipientsActiveConvs() {
        // quick, VAR_OP (dilation field 39 + 6p: height 39 + 6p + d - 1, width 39 + 6p + 3 + d - 1). Block 0,
        // bs = 2 (R0 = 2). Op 0: SERIAL_PARALLEL (W0, W1, W2); op 1: SINGLE. Each reads 2 x 2 = 32 channels, g = 2:
        // n_b = 32 -> rows 4, 2 slices each; op 0 columns [0, 1) and [1, 2), op 1 [2, 3) and [3, 4); width 5.
        SearchSpaceConfig config = Presets.quick().toBuilder().optOpMode(OpMode.VAR_OP).build();
        Architecture arch = new Architecture(List.of(
                new Block(2, List.of(
                        new Op(List.of(0, 1), List.of(2), 2, ConvPattern.SERIAL_PARALLEL, List.of(
                                new ConvSpec(3, 3, 1, 2, 1), new ConvSpec(5, 5, 2, 1, 2), new ConvSpec(3, 7, 3, 1, 4))),
                        new Op(List.of(1, 2), List.of(3), 2, ConvPattern.SINGLE,
                                List.of(new ConvSpec(7, 3, 1, 3, 2))))),
                new Block(2, List.of()), new Block(2, List.of())));
        List<HandOp> hand = List.of(
                new HandOp(4, List.of(region(0, 0, 1), region(1, 1, 2)), List.of(2), 0, 2,
                        List.of(conv(0, 1, 2, 3, 3, 1), conv(1, 2, 1, 5, 5, 2), conv(2, 3, 1, 3, 7, 4))),
                new HandOp(4, List.of(region(1, 2, 3), region(2, 3, 4)), List.of(3), 0, 2,
                        List.of(conv(0, 1, 3, 7, 3, 2))));
        EncodingLayout layout = new EncodingLayout(config);
        assertEquals(HandMarks.cells(layout, hand), HandMarks.plusCells(Encoder.encode(arch, config)));

        int[] swap = {1, 0};
        Encoding c = Encoder.encodeCorrupted(arch, config, CorruptionKind.DILATION, swap);
        assertEquals(HandMarks.cells(layout, corruptedHand(hand, CorruptionKind.DILATION, swap)),
                HandMarks.plusCells(c));
        // Op 0's W0, W1 and W2 all show op 1's only pair (1, 3); op 1's W0 shows op 0's W0 pair (1, 2).
        for (int p : new int[] {0, 1, 2}) {
            assertEquals(1f, c.get(39 + 6 * p + 0, 0, 0), "W" + p + " height dilation 1");
            assertEquals(1f, c.get(39 + 6 * p + 3 + 2, 0, 0), "W" + p + " width dilation 3");
        }
        assertEquals(-1f, c.get(39 + 6 + 1, 0, 0), "W1's own height dilation 2 is gone");
        assertEquals(1f, c.get(39 + 3 + 1, 0, 2), "op 1's W0 width dilation 2");
        // The active flags (87 + p) are not part of the corruption: still W0, W1, W2 for op 0, W0 for op 1.
        assertEquals(1f, c.get(88, 0, 0));
        assertEquals(-1f, c.get(88, 0, 2));
    }

    @Test
    void corruptingAFieldThatCDoesNotHaveIsRejected() {
        SearchSpaceConfig noKs = CONFIG.toBuilder().optVarKs(false).build();
        Architecture plain = new Architecture(List.of(
                new Block(1, List.of(new Op(List.of(0, 1), List.of(4), 1, ConvPattern.SINGLE,
                        List.of(new ConvSpec(3, 3, 1, 1, 2))))),
                new Block(2, List.of()), new Block(2, List.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Encoder.encodeCorrupted(plain, noKs, CorruptionKind.KERNEL, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("cannot corrupt KERNEL") && e.getMessage().contains("varKs"),
                e.getMessage());
        SearchSpaceConfig noGroups = CONFIG.toBuilder().optVarGroup(false).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> Encoder.corruptionDonors(plain, noGroups, CorruptionKind.GROUPS, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("cannot corrupt GROUPS") && e.getMessage().contains("varGroup"),
                e.getMessage());
        assertFalse(CorruptionKind.KERNEL.appliesTo(new EncodingLayout(noKs)));
        assertTrue(CorruptionKind.DILATION.appliesTo(new EncodingLayout(noKs)));
    }

    @Test
    void donorListMustBeAPermutationOfTheOps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.WIDTH, new int[] {0, 0, 1, 2, 3, 4, 5}));
        assertTrue(e.getMessage().contains("is not a permutation of the op indices 0..6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Encoder.encodeCorrupted(ARCH, CONFIG, CorruptionKind.WIDTH, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("one entry per op (7), got 2"), e.getMessage());
    }
}
