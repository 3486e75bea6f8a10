package org.smash4j.space;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smash4j.space.HandBuiltArchitectures.QUICK;
import static org.smash4j.space.HandBuiltArchitectures.QUICK_VAR_OP;
import static org.smash4j.space.HandBuiltArchitectures.inBlock0;
import static org.smash4j.space.HandBuiltArchitectures.plain;

/**
 * Parameter and MAC counts of {@link HandBuiltArchitectures#quickVarOp()} derived by hand, in all three norm
 * styles. The architecture, in quick (N=8, k=4, D=2, bottleneck 4, 1x1 output capped at 2*32 = 64, 28x28x1,
 * 10 classes; block inputs 32, 48, 48) with op mode VAR_OP:
 *
 * <pre>
 * stem: 7x7, 1 -> 32 at 28x28: 32*1*49 = 1568 params, 1568*784 = 1,229,312 MACs
 *
 * block 0 (28x28, 784 positions), bs=2 (16 ch), R0 = 32/16 = 2
 *  op 0: reads 0,1 -> n_in 32; width 2 -> n_out 16; n_b = min(clamp(32/16, 1, 4)*16, 32, 64) = 32
 *        SINGLE W0 3x3 g1
 *        1x1 32*32 = 1024; W0 16*(32/1)*9 = 4608; weights 5632
 *        SANDWICH BN: 2*32 (n_in) + 2*32 (n_b) = 128 -> 5760
 *        FULL BN:     2*32 (n_in) + 2*32 (W0 input n_b) = 128 -> 5760
 *        WEIGHT_NORM: 5632
 *        MACs 5632*784 = 4,415,488
 *  op 1: reads 0,2 -> n_in 32; width 4 -> n_out 32; n_b = min(clamp(32/32, 1, 4)*32, 32, 64) = 32
 *        SERIAL_PARALLEL: W0 5x3 g2 (in n_b), W1 3x3 g1 (in n_out), W2 3x5 g4 (in n_b)
 *        1x1 32*32 = 1024; W0 32*(32/2)*15 = 7680; W1 32*32*9 = 9216; W2 32*(32/4)*15 = 3840; weights 21760
 *        SANDWICH BN: 2*32 + 2*32 = 128 -> 21888
 *        FULL BN:     2*32 (n_in) + 2*32 (W0) + 2*32 (W1) + 2*32 (W2) = 256 -> 22016
 *        WEIGHT_NORM: 21760
 *        MACs 21760*784 = 17,059,840
 *  banks: max written index 2 -> 3 banks, C_0 = 3*16 = 48
 * transition 0->1: BN(48) = 96; 1x1 48 -> 48: 2304 at 28x28; params 2400, MACs 2304*784 = 1,806,336
 *
 * block 1 (14x14), bs=4 (32 ch), R0 = floor(48/32) = 1 (16 input channels dropped); no ops: C_1 = 32
 * transition 1->2: BN(32) = 64; 1x1 32 -> 48: 1536 at 14x14; params 1600, MACs 1536*196 = 301,056
 *
 * block 2 (7x7, 49 positions), bs=1 (8 ch), R0 = 48/8 = 6
 *  op 0: reads 0..5 -> n_in 48; width 1 -> n_out 8; n_b = min(clamp(48/8, 1, 4)*8, 48, 64) = 32
 *        SINGLE W0 7x3 g8: 1x1 48*32 = 1536; W0 8*(32/8)*21 = 672; weights 2208
 *        SANDWICH: 2*48 + 2*32 = 160 -> 2368; FULL: 2*48 + 2*32 = 160 -> 2368; WEIGHT_NORM: 2208
 *        MACs 2208*49 = 108,192
 *  op 1: reads 2,6 -> n_in 16; width 2 -> n_out 16; n_b = min(clamp(16/16, 1, 4)*16, 16, 64) = 16
 *        DOUBLE_SERIAL: W0 3x3 g1 (in 16), W1 3x3 g2 (in 16), W2 5x5 g1 (in 16), W3 7x7 g8 (in 16)
 *        1x1 16*16 = 256; W0 16*16*9 = 2304; W1 16*8*9 = 1152; W2 16*16*25 = 6400; W3 16*2*49 = 1568;
 *        weights 11680
 *        SANDWICH: 2*16 + 2*16 = 64 -> 11744; FULL: 2*16 + 4*(2*16) = 160 -> 11840; WEIGHT_NORM: 11680
 *        MACs 11680*49 = 572,320
 *  banks: max written index 7 -> 8 banks, C_2 = 64
 * head: BN(64) = 128; linear 64*10 + 10 = 650; params 778, MACs 640
 *
 * totals
 *  SANDWICH:    1568 + (5760 + 21888 + 2368 + 11744 = 41760) + 2400 + 1600 + 778 = 48106
 *  FULL:        1568 + (5760 + 22016 + 2368 + 11840 = 41984) + 2400 + 1600 + 778 = 48330
 *  WEIGHT_NORM: 1568 + (5632 + 21760 + 2208 + 11680 = 41280) + 2400 + 1600 + 778 = 47626
 *  MACs (every style): 1,229,312 + (4,415,488 + 17,059,840 + 108,192 + 572,320 = 22,155,840)
 *                      + 1,806,336 + 301,056 + 640 = 25,493,184
 * </pre>
 */
class CostModelTest {

    private static final Architecture ARCH = HandBuiltArchitectures.quickVarOp();

    @Test
    void totalsInEachNormStyle() {
        assertEquals(48_106, CostModel.params(ARCH, QUICK_VAR_OP, NormStyle.SANDWICH));
        assertEquals(48_330, CostModel.params(ARCH, QUICK_VAR_OP, NormStyle.FULL));
        assertEquals(47_626, CostModel.params(ARCH, QUICK_VAR_OP, NormStyle.WEIGHT_NORM));
        for (NormStyle style : NormStyle.values()) {
            assertEquals(25_493_184, CostModel.of(ARCH, QUICK_VAR_OP, style).macs());
        }
        assertEquals(25_493_184, CostModel.macs(ARCH, QUICK_VAR_OP));
    }

    @Test
    void perOpBreakdownInEachNormStyle() {
        // {block, op, n_in, n_b, n_out, resolution, params, MACs} per style, from the class comment.
        assertOps(NormStyle.SANDWICH, List.of(
                new OpCost(0, 0, 32, 32, 16, 28, 5760, 4_415_488),
                new OpCost(0, 1, 32, 32, 32, 28, 21888, 17_059_840),
                new OpCost(2, 0, 48, 32, 8, 7, 2368, 108_192),
                new OpCost(2, 1, 16, 16, 16, 7, 11744, 572_320)));
        assertOps(NormStyle.FULL, List.of(
                new OpCost(0, 0, 32, 32, 16, 28, 5760, 4_415_488),
                new OpCost(0, 1, 32, 32, 32, 28, 22016, 17_059_840),
                new OpCost(2, 0, 48, 32, 8, 7, 2368, 108_192),
                new OpCost(2, 1, 16, 16, 16, 7, 11840, 572_320)));
        assertOps(NormStyle.WEIGHT_NORM, List.of(
                new OpCost(0, 0, 32, 32, 16, 28, 5632, 4_415_488),
                new OpCost(0, 1, 32, 32, 32, 28, 21760, 17_059_840),
                new OpCost(2, 0, 48, 32, 8, 7, 2208, 108_192),
                new OpCost(2, 1, 16, 16, 16, 7, 11680, 572_320)));
    }

    private static void assertOps(NormStyle style, List<OpCost> expected) {
        NetworkCost cost = CostModel.of(ARCH, QUICK_VAR_OP, style);
        List<OpCost> actual = cost.blocks().stream().flatMap(b -> b.ops().stream()).toList();
        assertEquals(expected, actual, style.toString());
    }

    @Test
    void fixedLayersAndBlockLayout() {
        NetworkCost cost = CostModel.of(ARCH, QUICK_VAR_OP, NormStyle.SANDWICH);
        assertEquals(new LayerCost("stem", 1, 32, 28, 1568, 1_229_312), cost.stem());
        assertEquals(List.of(new LayerCost("transition 0->1", 48, 48, 28, 2400, 1_806_336),
                new LayerCost("transition 1->2", 32, 48, 14, 1600, 301_056)), cost.transitions());
        assertEquals(new LayerCost("head", 64, 10, 1, 778, 640), cost.head());
        // {block, resolution, bank size, R0, banks, output channels}
        int[][] layout = {{0, 28, 2, 2, 3, 48}, {1, 14, 4, 1, 1, 32}, {2, 7, 1, 6, 8, 64}};
        for (int b = 0; b < 3; b++) {
            BlockCost bc = cost.blocks().get(b);
            assertEquals(layout[b][0], bc.block());
            assertEquals(layout[b][1], bc.resolution());
            assertEquals(layout[b][2], bc.bankSize());
            assertEquals(layout[b][3], bc.initialBanks());
            assertEquals(layout[b][4], bc.banks());
            assertEquals(layout[b][5], bc.outputChannels());
        }
        assertEquals(5760 + 21888, cost.blocks().get(0).params());
        assertEquals(0, cost.blocks().get(1).params());
        assertEquals(108_192 + 572_320, cost.blocks().get(2).macs());
    }

    @Test
    void emptyArchitectureIsStemTransitionsAndHead() {
        // quick, every block bs=2 and no ops: C_0 = 2*16 = 32 (32/16 = 2 banks), C_1 = C_2 = 3*16 = 48.
        // stem 1568 params / 1,229,312 MACs;
        // transition 0: BN 64 + 32*48 = 1536 -> 1600 params, 1536*784 = 1,204,224 MACs;
        // transition 1: BN 96 + 48*48 = 2304 -> 2400 params, 2304*196 = 451,584 MACs;
        // head: BN 96 + 48*10 + 10 = 586 params, 480 MACs.
        // total params 1568 + 1600 + 2400 + 586 = 6154; MACs 1,229,312 + 1,204,224 + 451,584 + 480 = 2,885,600.
        Architecture empty = inBlock0(2);
        for (NormStyle style : NormStyle.values()) {
            assertEquals(6154, CostModel.params(empty, QUICK, style));
        }
        assertEquals(2_885_600, CostModel.macs(empty, QUICK));
    }

    /**
     * On 28x28x28 voxel grids every kernel and map gains a third axis as long as its height: the stem is 7x7x7
     * (32*1*343 = 10,976 params, times 28^3 = 21,952 positions); op 0's W0 3x3 becomes 3x3x3 (16*32*27 = 13,824,
     * plus the 1x1 1024); op 1's W0 5x3 becomes 5x5x3 (32*16*75), W2 3x5 becomes 3x3x5 (32*8*45); the 1x1 convs,
     * BN and the head are as in 2-D.
     */
    @Test
    void voxelGridsCountCubes() {
        SearchSpaceConfig voxels = QUICK.toBuilder().optSpatialDims(3).build();
        // The empty architecture: transitions 1536 * 28^3 and 2304 * 14^3 MACs, head 480.
        assertEquals(10_976 + 1600 + 2400 + 586, CostModel.params(inBlock0(2), voxels, NormStyle.SANDWICH));
        assertEquals(240_945_152L + 33_718_272 + 6_322_176 + 480, CostModel.macs(inBlock0(2), voxels));
        NetworkCost cost = CostModel.of(ARCH, QUICK_VAR_OP.toBuilder().optSpatialDims(3).build(), NormStyle.SANDWICH);
        assertEquals(new LayerCost("stem", 1, 32, 28, 10_976, 240_945_152), cost.stem());
        assertEquals(new OpCost(0, 0, 32, 32, 16, 28, 14_848 + 128, 14_848L * 21_952),
                cost.blocks().get(0).ops().get(0));
        assertEquals(1024 + 32 * 16 * 75 + 32 * 32 * 27 + 32 * 8 * 45 + 128,
                cost.blocks().get(0).ops().get(1).params());
        assertEquals(new LayerCost("head", 64, 10, 1, 778, 640), cost.head());
    }

    @Test
    void rejectsAnInvalidArchitecture() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> CostModel.of(inBlock0(2, plain(List.of(0, 2), List.of(2), 2)), QUICK, NormStyle.SANDWICH));
        assertEquals("block 0, op 0: reads bank 2, which is not yet written (banks 0..1 are)", e.getMessage());
    }
}
