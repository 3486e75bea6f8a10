package org.smash4j.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Architectures written out by hand for the tests of validation, JSON and costs, so that these tests do not depend
 * on the sampler. Each one's validity was worked out by hand against the quick preset's geometry:
 *
 * <pre>
 * quick: N=8, N_max=32 (k=4), depth=4, width=2, D=2, bottleneck=4, maxBottleneck=2 (1x1 output <= 64),
 *        28x28x1 input, 10 classes.
 * base = 2N = 16, C0 = base*width = 32.
 * block 0: in = 32, nch = 32 + 4*32  = 160 -> budget 160/16 = 10 slices, max width 32 + 64 = 96
 * block 1: in = floor(96/2/16)*16 = 48,  nch = 48 + 4*64  = 304 -> 19 slices, max width 48 + 64 = 112
 * block 2: in = floor(112/2/16)*16 = 48, nch = 48 + 4*128 = 560 -> 35 slices, max width 4*32 = 128
 * bank sizes: block 0 {1,2,4} (3 would leave 1 < D initial bank), blocks 1 and 2 {1,2,3,4}
 * groups: divisors of 8 up to 8 = {1,2,4,8}
 * </pre>
 */
final class HandBuiltArchitectures {
    private HandBuiltArchitectures() {
    }

    static final SearchSpaceConfig QUICK = Presets.quick();
    static final SearchSpaceConfig QUICK_VAR_OP = Presets.quick().toBuilder().optOpMode(OpMode.VAR_OP).build();

    static ConvSpec conv(int kh, int kw, int dh, int dw, int groups) {
        return new ConvSpec(kh, kw, dh, dw, groups);
    }

    static Op op(List<Integer> reads, List<Integer> writes, int width, ConvPattern pattern, ConvSpec... convs) {
        return new Op(reads, writes, width, pattern, List.of(convs));
    }

    static Op single(List<Integer> reads, List<Integer> writes, int width, ConvSpec conv) {
        return op(reads, writes, width, ConvPattern.SINGLE, conv);
    }

    /** A plain single 3x3 op. */
    static Op plain(List<Integer> reads, List<Integer> writes, int width) {
        return single(reads, writes, width, ConvSpec.plain3x3());
    }

    /** Block 0 as given, blocks 1 and 2 empty with bank size 2 (valid for quick: R0 = 48/16 = 3). */
    static Architecture inBlock0(int bankSize, Op... ops) {
        return new Architecture(List.of(new Block(bankSize, List.of(ops)), new Block(2, List.of()),
                new Block(2, List.of())));
    }

    /** Block 1 as given, blocks 0 and 2 empty with bank size 2. */
    static Architecture inBlock1(int bankSize, Op... ops) {
        return new Architecture(List.of(new Block(2, List.of()), new Block(bankSize, List.of(ops)),
                new Block(2, List.of())));
    }

    /** Block 2 as given, blocks 0 and 1 empty with bank size 2. */
    static Architecture inBlock2(int bankSize, Op... ops) {
        return new Architecture(List.of(new Block(2, List.of()), new Block(2, List.of()),
                new Block(bankSize, List.of(ops))));
    }

    /**
     * A valid quick (single-conv) architecture touching every block.
     * <pre>
     * block 0, bs=2 (16 ch): R0 = 32/16 = 2, cap = min(2 + 4*4/2, 96/16) = min(10, 6) = 6
     *   op 0: reads 0,1 (2 slices)  width 2 -> 1 chunk, writes new 2               3x5 d1x2 g1
     *   op 1: reads 1,2 (2 slices)  width 4 -> 2 chunks, writes add 0, new 3,4     3x3 d1x1 g2
     * block 1, bs=3 (24 ch): R0 = 48/24 = 2 (>= D, so bs=3 is allowed), cap = min(2 + 16/3, 112/24) = min(7, 4) = 4
     *   op 0: reads 0,1 (2*3/2 = 3 slices) width 3, writes new 2                   7x7 d1x1 g4
     *         (n_in 48, n_b = min(min(4, 48/24)*24, 48, 64) = 48; 4 divides 48 and 24)
     * block 2, bs=4 (32 ch): R0 = 48/32 = 1, cap = min(1 + 16/4, 128/32) = 4
     *   op 0: reads 0 (2 slices)    width 4, writes add 0, new 1                   5x5 d2x1 g8
     *   op 1: reads 0,1 (4 slices)  width 4, writes new 2                          3x7 d3x1 g1
     * slices used: 2+2+3+2+4 = 13
     * </pre>
     */
    static Architecture quickSingle() {
        return new Architecture(List.of(
                new Block(2, List.of(
                        single(List.of(0, 1), List.of(2), 2, conv(3, 5, 1, 2, 1)),
                        single(List.of(1, 2), List.of(0, 3, 4), 4, conv(3, 3, 1, 1, 2)))),
                new Block(3, List.of(
                        single(List.of(0, 1), List.of(2), 3, conv(7, 7, 1, 1, 4)))),
                new Block(4, List.of(
                        single(List.of(0), List.of(0, 1), 4, conv(5, 5, 2, 1, 8)),
                        single(List.of(0, 1), List.of(2), 4, conv(3, 7, 3, 1, 1))))));
    }

    /**
     * A valid architecture of quick with op mode VAR_OP, with multi-conv ops, an empty block and a block input
     * with leftover channels; {@link CostModelTest} counts its costs by hand.
     */
    static Architecture quickVarOp() {
        return new Architecture(List.of(
                new Block(2, List.of(
                        single(List.of(0, 1), List.of(2), 2, conv(3, 3, 1, 1, 1)),
                        op(List.of(0, 2), List.of(0, 1), 4, ConvPattern.SERIAL_PARALLEL,
                                conv(5, 3, 2, 1, 2), conv(3, 3, 1, 1, 1), conv(3, 5, 1, 2, 4)))),
                new Block(4, List.of()),
                new Block(1, List.of(
                        single(List.of(0, 1, 2, 3, 4, 5), List.of(6), 1, conv(7, 3, 1, 3, 8)),
                        op(List.of(2, 6), List.of(1, 7), 2, ConvPattern.DOUBLE_SERIAL,
                                conv(3, 3, 3, 3, 1), conv(3, 3, 1, 1, 2), conv(5, 5, 2, 2, 1),
                                conv(7, 7, 1, 1, 8))))));
    }

    /**
     * A DenseNet-like block 0 for the paper preset (N=8, k=8, D=2; block 0: in 64, bs=1 gives R0 = 8,
     * cap min(8 + 96, 192/8) = 24, budget 832/16 = 52 slices): op i reads every written bank (8 + 2i, an even
     * count, so whole slices) and allocates two new banks with width 2; 7 ops use 4+5+...+10 = 49 slices and end
     * with 22 banks. Blocks 1 and 2 hold one residual-style op each (bs=8, R0 = 96/64 = 1 and 112/64 = 1).
     */
    static Architecture paperDense() {
        List<Op> ops = new ArrayList<>();
        int banks = 8;
        for (int i = 0; i < 7; i++) {
            List<Integer> reads = new ArrayList<>();
            for (int r = 0; r < banks; r++) {
                reads.add(r);
            }
            ops.add(plain(reads, List.of(banks, banks + 1), 2));
            banks += 2;
        }
        return new Architecture(List.of(new Block(1, ops),
                new Block(8, List.of(plain(List.of(0), List.of(0), 8))),
                new Block(8, List.of(plain(List.of(0), List.of(0, 1), 8)))));
    }
}
