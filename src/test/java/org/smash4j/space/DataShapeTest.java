package org.smash4j.space;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fitting a space to data changes exactly the input shape and the class count, and refuses what cannot run. */
class DataShapeTest {
    @Test
    void fitReplacesChannelsResolutionAndClassesOnly() {
        // The tiny preset's knobs, written out, with 3x32x32 input and 20 classes.
        SearchSpaceConfig expected = new SearchSpaceConfig(4, 8, 3, 1, 2, 2, 2, 2, 5, 2, OpMode.SINGLE, true, true,
                0.3, 3, 32, 20);
        assertEquals(expected, new DataShape("cifar100-coarse", 3, 32, 32, 20).fit(Presets.tiny()));
        assertEquals("3x32x32, 20 classes", DataShape.of("x", expected).describe());
    }

    @Test
    void aSideThatIsNotAMultipleOfFourIsRefusedWithTheTransitionsItWouldBreak() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataShape("odd", 3, 30, 30, 10).fit(Presets.tiny()));
        assertEquals("odd has 30x30 images, which do not survive the network's two 2x2 average-pool transitions"
                + " (30 -> 15 -> 7 (15 is odd)); the side must be a multiple of 4 (crop or resize the images)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataShape("small", 1, 2, 2, 10).fit(Presets.tiny()));
        assertEquals("small has 2x2 images, which do not survive the network's two 2x2 average-pool transitions"
                + " (2 -> 1 -> 0 (1 is odd)); the side must be a multiple of 4 (crop or resize the images)",
                e.getMessage());
    }

    @Test
    void nonSquareImagesAndASingleClassAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataShape("wide", 3, 32, 48, 10).fit(Presets.tiny()));
        assertEquals("wide has 32x48 images; the networks need square images", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataShape("one", 3, 32, 32, 1).fit(Presets.tiny()));
        assertEquals("one has 1 class; a classifier needs >= 2", e.getMessage());
    }
}
