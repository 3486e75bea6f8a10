package org.smash4j.nn;

import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvPattern;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.OpMode;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

import java.util.List;

/** Hand-written architectures of the tiny preset, checked by hand against the validity rules. */
final class TestArchitectures {
    private TestArchitectures() {
    }

    static Op op(List<Integer> reads, List<Integer> writes, int width, ConvSpec... convs) {
        return new Op(reads, writes, width, ConvPattern.SINGLE, List.of(convs));
    }

    static Op op(List<Integer> reads, List<Integer> writes, int width, ConvPattern p, ConvSpec... convs) {
        return new Op(reads, writes, width, p, List.of(convs));
    }

    /**
     * Tiny preset (N=4, k=2, D=2; block inputs 8, 8, 8; max block widths 24, 24, 32). Block 0 uses bank size 1
     * (two initial banks of 4 channels) so reads come in pairs; blocks 1 and 2 use bank size 2 (one bank of 8).
     * Covers allocation, addition, chunk wrap-around (one chunk written to two banks), non-square kernels,
     * dilation and groups.
     */
    static Architecture tinySingle() {
        Block b0 = new Block(1, List.of(
                op(List.of(0, 1), List.of(2, 3), 2, new ConvSpec(3, 5, 2, 1, 1)),
                op(List.of(1, 2), List.of(0, 4), 1, new ConvSpec(5, 3, 1, 2, 2)),
                op(List.of(0, 1, 2, 3), List.of(4, 5), 2, new ConvSpec(3, 3, 1, 1, 1))));
        Block b1 = new Block(2, List.of(
                op(List.of(0), List.of(0, 1), 2, new ConvSpec(3, 3, 2, 2, 1)),
                op(List.of(0, 1), List.of(2), 2, new ConvSpec(5, 5, 1, 1, 2))));
        Block b2 = new Block(2, List.of(
                op(List.of(0), List.of(1), 2, new ConvSpec(3, 3, 1, 1, 2)),
                op(List.of(0, 1), List.of(1, 2), 2, new ConvSpec(5, 3, 2, 1, 1)),
                op(List.of(2), List.of(0, 3), 2, new ConvSpec(3, 5, 1, 1, 1))));
        return new Architecture(List.of(b0, b1, b2));
    }

    static SearchSpaceConfig tinyVarOp() {
        return Presets.tiny().toBuilder().optOpMode(OpMode.VAR_OP).build();
    }

    /** The tiny architecture with every conv pattern, for the VAR_OP space. */
    static Architecture tinyVarOpArch() {
        ConvSpec a = new ConvSpec(3, 5, 1, 1, 1);
        ConvSpec b = new ConvSpec(5, 3, 1, 2, 2);
        ConvSpec c = new ConvSpec(3, 3, 2, 1, 1);
        ConvSpec d = new ConvSpec(5, 5, 1, 1, 2);
        Block b0 = new Block(1, List.of(
                op(List.of(0, 1), List.of(2, 3), 2, ConvPattern.DOUBLE_SERIAL, a, b, c, d),
                op(List.of(1, 2), List.of(0, 4), 1, ConvPattern.PARALLEL, b, c)));
        Block b1 = new Block(2, List.of(
                op(List.of(0), List.of(0, 1), 2, ConvPattern.SERIAL, a, d),
                op(List.of(0, 1), List.of(2), 2, ConvPattern.SERIAL_PARALLEL, c, b, a)));
        Block b2 = new Block(2, List.of(
                op(List.of(0), List.of(1), 2, ConvPattern.SINGLE, d),
                op(List.of(0, 1), List.of(1, 2), 2, ConvPattern.DOUBLE_SERIAL, c, a, b, d)));
        return new Architecture(List.of(b0, b1, b2));
    }
}
