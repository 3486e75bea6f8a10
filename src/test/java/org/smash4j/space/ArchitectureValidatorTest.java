package org.smash4j.space;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.space.HandBuiltArchitectures.QUICK;
import static org.smash4j.space.HandBuiltArchitectures.QUICK_VAR_OP;
import static org.smash4j.space.HandBuiltArchitectures.conv;
import static org.smash4j.space.HandBuiltArchitectures.inBlock0;
import static org.smash4j.space.HandBuiltArchitectures.inBlock1;
import static org.smash4j.space.HandBuiltArchitectures.inBlock2;
import static org.smash4j.space.HandBuiltArchitectures.op;
import static org.smash4j.space.HandBuiltArchitectures.plain;
import static org.smash4j.space.HandBuiltArchitectures.single;

/**
 * One test per rejection rule, each built so that exactly that rule is broken, asserting the exact message.
 * Geometry of the quick preset: see {@link HandBuiltArchitectures}. In block 0 with bank size 2, banks 0 and 1
 * hold the input, the budget is 10 slices and the bank cap is 6.
 */
class ArchitectureValidatorTest {

    private static void assertOnlyProblem(String expected, Architecture a, SearchSpaceConfig c) {
        assertEquals(List.of(expected), ArchitectureValidator.problems(a, c));
    }

    @Test
    void handBuiltArchitecturesAreValid() {
        assertEquals(List.of(), ArchitectureValidator.problems(HandBuiltArchitectures.quickSingle(), QUICK));
        assertEquals(List.of(), ArchitectureValidator.problems(HandBuiltArchitectures.quickVarOp(), QUICK_VAR_OP));
        assertEquals(List.of(), ArchitectureValidator.problems(HandBuiltArchitectures.paperDense(),
                Presets.paper()));
        assertEquals(List.of(), ArchitectureValidator.problems(inBlock0(2), QUICK)); // no ops at all
        ArchitectureValidator.validate(HandBuiltArchitectures.quickSingle(), QUICK);
    }

    @Test
    void validateThrowsWithTheMessage() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> ArchitectureValidator.validate(inBlock0(2, plain(List.of(0, 2), List.of(2), 2)), QUICK));
        assertEquals("block 0, op 0: reads bank 2, which is not yet written (banks 0..1 are)", e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
        assertFalse(ArchitectureValidator.isValid(inBlock0(2, plain(List.of(0, 2), List.of(2), 2)), QUICK));
    }

    @Test
    void reportsEveryProblemInOrder() {
        Architecture a = new Architecture(List.of(
                new Block(2, List.of(plain(List.of(0, 1), List.of(2), 2), plain(List.of(0, 1), List.of(4), 2))),
                new Block(2, List.of()),
                new Block(2, List.of(plain(List.of(0, 1), List.of(3), 3)))));
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> ArchitectureValidator.validate(a, QUICK));
        assertEquals(List.of(
                "block 0, op 1: allocates bank 4 but the next free bank is 3 (new banks must be allocated in order,"
                        + " without skipping a bank)",
                "block 2, op 0: width 3 is not a multiple of the bank size 2 (an op's width must be a multiple of"
                        + " the bank size 2, from 2 to k=4)"), e.problems());
        assertEquals(String.join("; ", e.problems()), e.getMessage());
    }

    @Test
    void wrongNumberOfBlocks() {
        Architecture two = new Architecture(List.of(new Block(2, List.of()), new Block(2, List.of())));
        assertOnlyProblem("the architecture has 2 blocks; it must have exactly 3 (full, half and quarter"
                + " resolution)", two, QUICK);
    }

    @Test
    void bankSizeNotAllowed() {
        // bs=3 in block 0 leaves floor(32/24) = 1 initial bank < D=2, and 3 is not a multiple of D.
        assertOnlyProblem("block 0: bank size 3 is not allowed (allowed bank sizes for this block: [1, 2, 4];"
                + " a bank size not a multiple of D=2 needs at least D initial banks)", inBlock0(3), QUICK);
    }

    @Test
    void readsNothing() {
        assertOnlyProblem("block 0, op 0: reads no bank; an op must read at least one",
                inBlock0(2, plain(List.of(), List.of(2), 2)), QUICK);
    }

    @Test
    void readsNotAscending() {
        assertOnlyProblem("block 0, op 0: reads [1, 0] are not strictly ascending",
                inBlock0(2, plain(List.of(1, 0), List.of(2), 2)), QUICK);
    }

    @Test
    void readsBankNotYetWritten() {
        assertOnlyProblem("block 0, op 0: reads bank 2, which is not yet written (banks 0..1 are)",
                inBlock0(2, plain(List.of(0, 2), List.of(2), 2)), QUICK);
        // Block 2 with bs=4 starts with floor(48/32) = 1 bank.
        assertOnlyProblem("block 2, op 0: reads bank 1, which is not yet written (only bank 0 is)",
                inBlock2(4, plain(List.of(0, 1), List.of(1), 4)), QUICK);
        // A bank allocated by an earlier op is readable.
        assertEquals(List.of(), ArchitectureValidator.problems(
                inBlock0(2, plain(List.of(0, 1), List.of(2), 2), plain(List.of(1, 2), List.of(3), 2)), QUICK));
    }

    @Test
    void readsNegativeBank() {
        assertOnlyProblem("block 0, op 0: reads bank -1, which does not exist (bank indices start at 0)",
                inBlock0(2, plain(List.of(-1, 0), List.of(2), 2)), QUICK);
    }

    @Test
    void readsPartialSlice() {
        // Block 1 with bs=3: R0 = floor(48/24) = 2; one bank is 3 units of N, not a multiple of D=2.
        assertOnlyProblem("block 1, op 0: reads 1 bank of size 3 = 3 units of N, not a whole number of slices"
                        + " (with D=2 an op must read a multiple of 2 units of N)",
                inBlock1(3, plain(List.of(0), List.of(2), 3)), QUICK);
    }

    @Test
    void widthBelowBankSize() {
        assertOnlyProblem("block 0, op 0: width 1 is below the bank size 2 (an op's width must be a multiple of"
                + " the bank size 2, from 2 to k=4)", inBlock0(2, plain(List.of(0, 1), List.of(2), 1)), QUICK);
    }

    @Test
    void widthAboveK() {
        // width 6 has 3 chunks of bank size 2, so three writes.
        assertOnlyProblem("block 0, op 0: width 6 is above k=4 (an op's width must be a multiple of the bank"
                + " size 2, from 2 to k=4)", inBlock0(2, plain(List.of(0, 1), List.of(2, 3, 4), 6)), QUICK);
    }

    @Test
    void widthNotMultipleOfBankSize() {
        assertOnlyProblem("block 0, op 0: width 3 is not a multiple of the bank size 2 (an op's width must be a"
                + " multiple of the bank size 2, from 2 to k=4)",
                inBlock0(2, plain(List.of(0, 1), List.of(2), 3)), QUICK);
    }

    @Test
    void writesNothing() {
        assertOnlyProblem("block 0, op 0: writes no bank; an op must write at least one",
                inBlock0(2, plain(List.of(0, 1), List.of(), 2)), QUICK);
    }

    @Test
    void tooFewWritesForTheChunks() {
        // width 4 / bank size 2 = 2 chunks, one write: chunk 1 would be dropped (spec bug 14).
        assertOnlyProblem("block 0, op 0: writes 1 bank but its output has 2 chunks (width 4 / bank size 2);"
                + " every chunk must be written to at least one bank",
                inBlock0(2, plain(List.of(0, 1), List.of(2), 4)), QUICK);
        // More writes than chunks is fine: chunks are reused cyclically.
        assertEquals(List.of(), ArchitectureValidator.problems(
                inBlock0(2, plain(List.of(0, 1), List.of(0, 1, 2), 2)), QUICK));
    }

    @Test
    void writesTheSameBankTwice() {
        assertOnlyProblem("block 0, op 0: writes bank 2 twice",
                inBlock0(2, plain(List.of(0, 1), List.of(2, 2), 2)), QUICK);
    }

    @Test
    void writesExistingBankAfterNewBank() {
        assertOnlyProblem("block 0, op 0: writes already-written bank 0 after newly allocated bank 2 (writes"
                        + " [2, 0]; already-written banks come first, ascending, then new banks)",
                inBlock0(2, plain(List.of(0, 1), List.of(2, 0), 2)), QUICK);
    }

    @Test
    void writesExistingBanksOutOfOrder() {
        assertOnlyProblem("block 0, op 0: writes already-written banks out of order (0 after 1 in writes [1, 0];"
                + " they must be ascending)", inBlock0(2, plain(List.of(0, 1), List.of(1, 0), 2)), QUICK);
    }

    @Test
    void skipsABankWhenAllocating() {
        assertOnlyProblem("block 0, op 0: allocates bank 3 but the next free bank is 2 (new banks must be"
                + " allocated in order, without skipping a bank)",
                inBlock0(2, plain(List.of(0, 1), List.of(3), 2)), QUICK);
        // New banks in descending order skip too: 3 comes before 2.
        assertOnlyProblem("block 0, op 0: allocates bank 3 but the next free bank is 2 (new banks must be"
                + " allocated in order, without skipping a bank)",
                inBlock0(2, plain(List.of(0, 1), List.of(3, 2), 2)), QUICK);
    }

    @Test
    void bankCapFromTheBlockWidth() {
        // bs=2 in block 0: cap = min(2 + floor(4*4/2), floor(96/16)) = min(10, 6) = 6, so bank 6 is too many.
        assertOnlyProblem("block 0, op 0: writes bank 6, beyond the block's bank cap (bank indices must be <"
                        + " min(R0 + floor(depth*k/bs), floor(maxBlockWidth/(bs*N))) = min(2 + 8, 6) = 6)",
                inBlock0(2, plain(List.of(0, 1), List.of(2, 3, 4, 5, 6), 2)), QUICK);
        assertEquals(List.of(), ArchitectureValidator.problems(
                inBlock0(2, plain(List.of(0, 1), List.of(2, 3, 4, 5), 2)), QUICK));
    }

    @Test
    void bankCapFromTheAllocationLimit() {
        // depth=1: block 0 in 32, max width 96, budget (32+32)/16 = 4 slices;
        // cap = min(2 + floor(1*4/2), 6) = 4.
        SearchSpaceConfig shallow = QUICK.toBuilder().optDepth(1).build();
        assertOnlyProblem("block 0, op 0: writes bank 4, beyond the block's bank cap (bank indices must be <"
                        + " min(R0 + floor(depth*k/bs), floor(maxBlockWidth/(bs*N))) = min(2 + 2, 6) = 4)",
                inBlock0(2, plain(List.of(0, 1), List.of(2, 3, 4), 2)), shallow);
    }

    @Test
    void budgetOverflow() {
        // Each op reads 2 banks of size 2 = 2 slices; 6 ops use 12 > 10 slices, the running sum passes 10 at op 5.
        Op twoSlices = plain(List.of(0, 1), List.of(0), 2);
        assertOnlyProblem("block 0: ops use 12 slices, over the block's budget of 10 slices (op 5 is the first to"
                        + " go over; an op uses reads*bankSize/D slices)",
                inBlock0(2, twoSlices, twoSlices, twoSlices, twoSlices, twoSlices, twoSlices), QUICK);
        assertEquals(List.of(), ArchitectureValidator.problems(
                inBlock0(2, twoSlices, twoSlices, twoSlices, twoSlices, twoSlices), QUICK));
    }

    @Test
    void patternNotAllowedBySingleMode() {
        assertOnlyProblem("block 0, op 0: pattern PARALLEL is not allowed in op mode SINGLE (allowed: [SINGLE])",
                inBlock0(2, op(List.of(0, 1), List.of(2), 2, ConvPattern.PARALLEL, ConvSpec.plain3x3(),
                        ConvSpec.plain3x3())), QUICK);
    }

    @Test
    void patternNotAllowedByBigOpMode() {
        SearchSpaceConfig bigOp = QUICK.toBuilder().optOpMode(OpMode.BIG_OP).build();
        assertOnlyProblem("block 0, op 0: pattern SINGLE is not allowed in op mode BIG_OP (allowed:"
                + " [DOUBLE_SERIAL])", inBlock0(2, plain(List.of(0, 1), List.of(2), 2)), bigOp);
    }

    @Test
    void wrongNumberOfConvs() {
        assertOnlyProblem("block 0, op 0: pattern SERIAL has 2 active convs (W0, W1) but 1 conv spec is given",
                inBlock0(2, op(List.of(0, 1), List.of(2), 2, ConvPattern.SERIAL, ConvSpec.plain3x3())),
                QUICK_VAR_OP);
    }

    @Test
    void missingPattern() {
        assertOnlyProblem("block 0, op 0: has no conv pattern",
                inBlock0(2, new Op(List.of(0, 1), List.of(2), 2, null, List.of(ConvSpec.plain3x3()))), QUICK);
    }

    @Test
    void kernelOutOfRange() {
        assertOnlyProblem("block 0, op 0, conv W0: kernel height 9 is outside [3, 7]",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(9, 3, 1, 1, 1))), QUICK);
        assertOnlyProblem("block 0, op 0, conv W0: kernel width 1 is outside [3, 7]",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 1, 1, 1, 1))), QUICK);
    }

    @Test
    void evenKernel() {
        assertOnlyProblem("block 0, op 0, conv W0: kernel width 4 is even; kernel sides must be odd in [3, 7]",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 4, 1, 1, 1))), QUICK);
    }

    @Test
    void kernelOtherThan3WithoutVarKs() {
        SearchSpaceConfig fixedKernels = QUICK.toBuilder().optVarKs(false).build();
        assertOnlyProblem("block 0, op 0, conv W0: kernel height 5 is outside [3, 3] (varKs is off: every kernel"
                + " is 3x3)", inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(5, 3, 1, 1, 1))),
                fixedKernels);
    }

    @Test
    void dilationOutOfRange() {
        // Kernel 5: largest dilation min(maxDilate=3, 4 - 2) = 2.
        assertOnlyProblem("block 0, op 0, conv W0: dilation height 3 is outside [1, 2] (the largest dilation for"
                + " kernel size 5 with maxDilate=3)",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(5, 3, 3, 1, 1))), QUICK);
        assertOnlyProblem("block 0, op 0, conv W0: dilation width 0 is outside [1, 3] (the largest dilation for"
                + " kernel size 3 with maxDilate=3)",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(5, 3, 1, 0, 1))), QUICK);
        // maxDilate caps the kernel rule (the original ignored it, spec bug 11).
        SearchSpaceConfig noDilation = QUICK.toBuilder().optMaxDilate(1).build();
        assertOnlyProblem("block 0, op 0, conv W0: dilation height 2 is outside [1, 1] (the largest dilation for"
                + " kernel size 3 with maxDilate=1)",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 3, 2, 1, 1))), noDilation);
    }

    @Test
    void groupsNotAllowed() {
        SearchSpaceConfig fixedGroups = QUICK.toBuilder().optVarGroup(false).build();
        assertOnlyProblem("block 0, op 0, conv W0: groups 2 is not one of the allowed groups [1]",
                inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 3, 1, 1, 2))), fixedGroups);
    }

    @Test
    void groupsThatDoNotDivideTheChannels() {
        // Allowed groups divide N and every conv's channels are multiples of N, so a group count that does not
        // divide the channels is always also a disallowed one: W0 reads n_b = 32 and writes 2*8 = 16 channels.
        assertEquals(List.of(
                "block 0, op 0, conv W0: groups 3 is not one of the allowed groups [1, 2, 4, 8]",
                "block 0, op 0, conv W0: groups 3 does not divide the conv's 32 input channels",
                "block 0, op 0, conv W0: groups 3 does not divide the conv's 16 output channels"),
                ArchitectureValidator.problems(
                        inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 3, 1, 1, 3))), QUICK));
        // W1 reads the op's width*N = 16 channels, not n_b.
        assertEquals(List.of(
                "block 0, op 0, conv W1: groups 32 is not one of the allowed groups [1, 2, 4, 8]",
                "block 0, op 0, conv W1: groups 32 does not divide the conv's 16 input channels",
                "block 0, op 0, conv W1: groups 32 does not divide the conv's 16 output channels"),
                ArchitectureValidator.problems(inBlock0(2, op(List.of(0, 1), List.of(2), 2, ConvPattern.SERIAL,
                        ConvSpec.plain3x3(), conv(3, 3, 1, 1, 32))), QUICK_VAR_OP));
    }

    @Test
    void convLocationNamesTheActiveConv() {
        // In DOUBLE_SERIAL the fourth spec is W3; a bad kernel there is reported as W3.
        assertOnlyProblem("block 0, op 0, conv W3: kernel height 11 is outside [3, 7]",
                inBlock0(2, op(List.of(0, 1), List.of(2), 2, ConvPattern.DOUBLE_SERIAL, ConvSpec.plain3x3(),
                        ConvSpec.plain3x3(), ConvSpec.plain3x3(), conv(11, 3, 1, 1, 1))), QUICK_VAR_OP);
    }
}
