package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smash4j.util.RandomStreams;

class AugmentationTest {
    // One channel, 3x3:   1 2 3 / 4 5 6 / 7 8 9
    private static final byte[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static byte[] apply(Augmentation aug, Augmentation.Placement placement, byte[] image, int c, int h,
            int w) {
        byte[] out = new byte[image.length];
        aug.apply(image, 0, c, h, w, placement, out, 0);
        return out;
    }

    @Test
    void centredCropWithoutFlipIsIdentity() {
        Augmentation aug = Augmentation.cropAndFlip(1);
        assertArrayEquals(IMAGE, apply(aug, new Augmentation.Placement(1, 1, false), IMAGE, 1, 3, 3));
    }

    @Test
    void cropAtTopLeftShiftsContentDownRightWithZeroBorder() {
        // Window at (0,0) of the padded 5x5 image: the first row and column are padding.
        byte[] expected = {0, 0, 0, 0, 1, 2, 0, 4, 5};
        assertArrayEquals(expected,
                apply(Augmentation.cropAndFlip(1), new Augmentation.Placement(0, 0, false), IMAGE, 1, 3, 3));
    }

    @Test
    void cropWithKnownOffsetMovesPixelsAsExpected() {
        // Pad 2, window top 3, left 0: out[y][x] = in[y+1][x-2].
        byte[] expected = {0, 0, 4, 0, 0, 7, 0, 0, 0};
        assertArrayEquals(expected,
                apply(Augmentation.cropAndFlip(2), new Augmentation.Placement(3, 0, false), IMAGE, 1, 3, 3));
    }

    @Test
    void flipReversesEveryRowOfEveryChannel() {
        byte[] twoChannels = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};   // 2 channels of 2x3
        byte[] expected = {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10};
        assertArrayEquals(expected,
                apply(new Augmentation(0, true), new Augmentation.Placement(0, 0, true), twoChannels, 2, 2, 3));
    }

    @Test
    void flipAppliesAfterTheCrop() {
        // Crop as in the top-left case (0 0 0 / 0 1 2 / 0 4 5), then mirror each row.
        byte[] expected = {0, 0, 0, 2, 1, 0, 5, 4, 0};
        assertArrayEquals(expected,
                apply(Augmentation.cropAndFlip(1), new Augmentation.Placement(0, 0, true), IMAGE, 1, 3, 3));
    }

    @Test
    void drawsCoverEveryOffsetAndBothFlipsAndRepeatForTheSameStream() {
        Augmentation aug = Augmentation.cropAndFlip(2);
        Set<Augmentation.Placement> seen = new HashSet<>();
        var a = RandomStreams.of(5, "augment", 3);
        var b = RandomStreams.of(5, "augment", 3);
        for (int i = 0; i < 2000; i++) {
            Augmentation.Placement p = aug.draw(a);
            assertEquals(p, aug.draw(b));
            assertTrue(p.top() >= 0 && p.top() <= 4 && p.left() >= 0 && p.left() <= 4, p.toString());
            seen.add(p);
        }
        assertEquals(5 * 5 * 2, seen.size());
    }

    @Test
    void noneDrawsTheIdentityPlacement() {
        assertEquals(new Augmentation.Placement(0, 0, false), Augmentation.NONE.draw(RandomStreams.of(1, "x")));
        assertTrue(Augmentation.NONE.isNone());
    }

    @Test
    void rejectsPlacementOutsideThePadding() {
        assertThrows(IllegalArgumentException.class,
                () -> apply(Augmentation.cropAndFlip(1), new Augmentation.Placement(3, 0, false), IMAGE, 1, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, false));
    }
}
