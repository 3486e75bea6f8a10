package org.smash4j.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smash4j.space.OpMode;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

/**
 * Pins every offset of the c layout to numbers computed by hand from the spec's field list (3.1, with bugs 3, 4
 * and 5 fixed). This is the one test that states channels as plain numbers; the others go through the layout.
 */
class EncodingLayoutTest {

    private static void assertField(EncodingLayout l, EncodingField f, int first, int count) {
        FieldRange r = l.field(f).orElseThrow(() -> new AssertionError("missing field " + f));
        assertEquals(first, r.first(), f + " first channel");
        assertEquals(count, r.count(), f + " channel count");
    }

    @Test
    void quickPresetHas55ChannelsAtHandComputedOffsets() {
        // quick: M = 128/8 = 16, k = 32/8 = 4, maxDilate 3, kernels {3,5,7}, groups {1,2,4,8}, SINGLE (P = 1).
        EncodingLayout l = new EncodingLayout(Presets.quick());
        assertField(l, EncodingField.READS, 0, 16);
        assertField(l, EncodingField.WRITES, 16, 16);
        assertField(l, EncodingField.BLOCK, 32, 3);
        assertField(l, EncodingField.WIDTH, 35, 4);
        assertField(l, EncodingField.DILATION, 39, 6);  // 2 * 3 * 1
        assertField(l, EncodingField.KERNEL, 45, 6);    // 2 * 3 sizes * 1
        assertFalse(l.has(EncodingField.ACTIVE_CONVS));
        assertField(l, EncodingField.GROUPS, 51, 4);    // 4 choices * 1
        assertEquals(55, l.channelCount());             // 32 + 3 + 4 + 6 + 6 + 4
        assertEquals(4, l.height());
        assertEquals(16, l.maxBanks());
        assertEquals(1, l.encodedConvs());

        assertEquals(0, l.readChannel(0));
        assertEquals(15, l.readChannel(15));
        assertEquals(16, l.writeChannel(0));
        assertEquals(31, l.writeChannel(15));
        assertEquals(32, l.blockChannel(0));
        assertEquals(34, l.blockChannel(2));
        assertEquals(35, l.widthChannel(1));
        assertEquals(38, l.widthChannel(4));
        assertEquals(39, l.dilationHChannel(0, 1));
        assertEquals(41, l.dilationHChannel(0, 3));
        assertEquals(42, l.dilationWChannel(0, 1));
        assertEquals(44, l.dilationWChannel(0, 3));
        assertEquals(45, l.kernelHChannel(0, 3));       // 45 + 3/2 - 1
        assertEquals(47, l.kernelHChannel(0, 7));       // 45 + 7/2 - 1
        assertEquals(48, l.kernelWChannel(0, 3));       // 45 + 3 + 3/2 - 1
        assertEquals(50, l.kernelWChannel(0, 7));
        // Groups at their own index: 1 -> 51 (not the kernel's 50 as with the original's -1 shift), 8 -> 54.
        assertEquals(51, l.groupsChannel(0, 1));
        assertEquals(52, l.groupsChannel(0, 2));
        assertEquals(53, l.groupsChannel(0, 4));
        assertEquals(54, l.groupsChannel(0, 8));
    }

    @Test
    void paperPresetHas91ChannelsWithGroupsAfterTheKernelField() {
        // paper: M = 256/8 = 32, k = 64/8 = 8. The spec's default layout: reads 0..31, writes 32..63, block 64..66,
        // g 67..74, dil-h 75..77, dil-w 78..80, ks-h 81..83, ks-w 84..86, then groups 87..90 (the original put
        // them at 86..89, colliding with kw = 7 and leaving 90 unused).
        EncodingLayout l = new EncodingLayout(Presets.paper());
        assertField(l, EncodingField.READS, 0, 32);
        assertField(l, EncodingField.WRITES, 32, 32);
        assertField(l, EncodingField.BLOCK, 64, 3);
        assertField(l, EncodingField.WIDTH, 67, 8);
        assertField(l, EncodingField.DILATION, 75, 6);
        assertField(l, EncodingField.KERNEL, 81, 6);
        assertField(l, EncodingField.GROUPS, 87, 4);
        assertEquals(91, l.channelCount());
        assertEquals(8, l.height());
        assertEquals(74, l.widthChannel(8));
        assertEquals(78, l.dilationWChannel(0, 1));
        assertEquals(86, l.kernelWChannel(0, 7));
        assertEquals(87, l.groupsChannel(0, 1));
        assertEquals(90, l.groupsChannel(0, 8));
    }

    @Test
    void varOpLayoutEncodesFourConvsAndTheirActiveFlags() {
        // quick with VAR_OP: P = 4. reads 16, writes 16, block 3, width 4, dilation 2*3*4 = 24, kernel 2*3*4 = 24,
        // active 4, groups 4*4 = 16: 32 + 3 + 4 + 24 + 24 + 4 + 16 = 107.
        EncodingLayout l = new EncodingLayout(Presets.quick().toBuilder().optOpMode(OpMode.VAR_OP).build());
        assertField(l, EncodingField.DILATION, 39, 24);
        assertField(l, EncodingField.KERNEL, 63, 24);
        assertField(l, EncodingField.ACTIVE_CONVS, 87, 4);
        assertField(l, EncodingField.GROUPS, 91, 16);
        assertEquals(107, l.channelCount());
        assertEquals(4, l.encodedConvs());
        assertEquals(51, l.dilationHChannel(2, 1));     // 39 + 2*6 + 0
        assertEquals(62, l.dilationWChannel(3, 3));     // 39 + 3*6 + 3 + 2, last dilation channel
        assertEquals(70, l.kernelHChannel(1, 5));       // 63 + 1*6 + 5/2 - 1
        assertEquals(86, l.kernelWChannel(3, 7));       // 63 + 3*6 + 3 + 2, last kernel channel
        assertEquals(87, l.activeConvChannel(0));
        assertEquals(90, l.activeConvChannel(3));
        assertEquals(91, l.groupsChannel(0, 1));
        assertEquals(106, l.groupsChannel(3, 8));       // 91 + 3*4 + 3

        // The paper's numbers for the original's var_op / big_op channel counts hold too.
        SearchSpaceConfig paper = Presets.paper();
        assertEquals(143, new EncodingLayout(paper.toBuilder().optOpMode(OpMode.VAR_OP).build()).channelCount());
        assertEquals(139, new EncodingLayout(paper.toBuilder().optOpMode(OpMode.BIG_OP).build()).channelCount());
    }

    @Test
    void bigOpHasNoActiveConvField() {
        // BIG_OP always uses all four convs, so there is nothing to flag: 39 + 24 + 24 + 16 = 103.
        EncodingLayout l = new EncodingLayout(Presets.quick().toBuilder().optOpMode(OpMode.BIG_OP).build());
        assertFalse(l.has(EncodingField.ACTIVE_CONVS));
        assertField(l, EncodingField.GROUPS, 87, 16);
        assertEquals(103, l.channelCount());
    }

    @Test
    void optionalFieldsDisappearWithoutVarKsAndVarGroup() {
        // 32 + 3 + 4 + 6 = 45 channels; nothing after dilation.
        EncodingLayout l = new EncodingLayout(
                Presets.quick().toBuilder().optVarKs(false).optVarGroup(false).build());
        assertEquals(45, l.channelCount());
        assertFalse(l.has(EncodingField.KERNEL));
        assertFalse(l.has(EncodingField.GROUPS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.kernelHChannel(0, 3));
        assertTrue(e.getMessage().contains("no kernel field") && e.getMessage().contains("varKs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.groupsChannel(0, 1));
        assertTrue(e.getMessage().contains("no groups field") && e.getMessage().contains("varGroup"),
                e.getMessage());
    }

    @Test
    void kernelFieldGrowsWithMaxKernelInsteadOfAssumingThreeSizes() {
        // maxKernel 9: sizes {3,5,7,9}, kernel field 2*4 = 8 channels at 45..52, groups at 53..56: 57 channels.
        EncodingLayout l = new EncodingLayout(Presets.quick().toBuilder().optMaxKernel(9).build());
        assertField(l, EncodingField.KERNEL, 45, 8);
        assertEquals(48, l.kernelHChannel(0, 9));       // 45 + 9/2 - 1
        assertEquals(49, l.kernelWChannel(0, 3));       // 45 + 4
        assertEquals(52, l.kernelWChannel(0, 9));
        assertField(l, EncodingField.GROUPS, 53, 4);
        assertEquals(57, l.channelCount());
    }

    @Test
    void fieldsTileTheChannelsInOrder() {
        for (SearchSpaceConfig c : List.of(Presets.tiny(), Presets.quick(), Presets.paper(),
                Presets.quick().toBuilder().optOpMode(OpMode.VAR_OP).build())) {
            EncodingLayout l = new EncodingLayout(c);
            int next = 0;
            EncodingField previous = null;
            for (FieldRange r : l.fields()) {
                assertEquals(next, r.first(), "field " + r.field() + " must start where the previous ended");
                if (previous != null) {
                    assertTrue(r.field().ordinal() > previous.ordinal(), "fields out of order: " + l.fields());
                }
                for (int ch = r.first(); ch < r.end(); ch++) {
                    assertEquals(r.field(), l.fieldOf(ch));
                }
                previous = r.field();
                next = r.end();
            }
            assertEquals(l.channelCount(), next);
        }
    }

    @Test
    void describeListsEachFieldWithFirstChannelCountAndRule() {
        String text = new EncodingLayout(Presets.quick()).describe();
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).contains("55 channels"), lines.get(0));
        assertTrue(lines.stream().anyMatch(s -> s.matches("reads\\s+0\\s+16\\s+bank r \\(0\\.\\.15\\) -> 0 \\+ r")),
                text);
        assertTrue(lines.stream().anyMatch(s -> s.matches("width\\s+35\\s+4\\s+width g \\(1\\.\\.4\\) -> 35 \\+ g - 1")),
                text);
        assertTrue(lines.stream().anyMatch(s -> s.matches("kernel\\s+45\\s+6\\s+.*kh -> 45 \\+ kh/2 - 1.*")), text);
        assertTrue(lines.stream().anyMatch(s -> s.matches("groups\\s+51\\s+4\\s+.*index of G in \\[1, 2, 4, 8\\]")),
                text);
        assertEquals(2 + 7, lines.size(), "title, header and one line per field:\n" + text);
    }

    @Test
    void outOfRangeValuesAreRejectedWithPreciseMessages() {
        EncodingLayout l = new EncodingLayout(Presets.quick());
        assertMessage(() -> l.readChannel(16), "read bank 16 is outside the 16 bank slots 0..15");
        assertMessage(() -> l.writeChannel(-1), "write bank -1 is outside the 16 bank slots 0..15");
        assertMessage(() -> l.blockChannel(3), "block index 3 is outside 0..2");
        assertMessage(() -> l.widthChannel(5), "op width 5 is outside 1..k=4");
        assertMessage(() -> l.dilationHChannel(0, 4), "dilation 4 is outside 1..maxDilate=3");
        assertMessage(() -> l.dilationHChannel(1, 1), "conv W1 is not encoded: SINGLE mode encodes only W0");
        assertMessage(() -> l.kernelWChannel(0, 4), "kernel size 4 is not one of the odd sizes [3, 5, 7]");
        assertMessage(() -> l.groupsChannel(0, 3), "groups 3 is not one of the allowed [1, 2, 4, 8]");
        assertMessage(() -> l.activeConvChannel(0), "no active convs field: it exists only in VAR_OP mode");
        assertMessage(() -> l.fieldOf(55), "channel 55 is outside the layout's 55 channels");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
