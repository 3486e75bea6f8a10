package org.smash4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.ModelNet10Format;
import org.smash4j.data.Normalization;
import org.smash4j.data.Splits;
import org.smash4j.data.VoxelDataset;
import org.smash4j.nn.Placement;

/**
 * Objects seen from several rotations (ModelNet10): the validation split holds whole objects, and the error is per
 * object from the class probabilities averaged over its rotations, as SMASH evaluates ModelNet10.
 */
class RotationAveragingTest {
    /** {@code objects} objects of {@code rotations} rotations each, labels 0, 1, 2, ... in turn. */
    private static ImageDataset grids(int objects, int rotations) {
        byte[][][] voxels = new byte[objects][rotations][];
        int[] labels = new int[objects];
        for (int o = 0; o < objects; o++) {
            labels[o] = o % 2;
            for (int r = 0; r < rotations; r++) {
                voxels[o][r] = new byte[VoxelDataset.VOXELS];
                voxels[o][r][o * 97 + r] = 1; // every grid differs
            }
        }
        return VoxelDataset.of("objects", voxels, labels, ModelNet10Format.CLASS_NAMES).toGrids(8);
    }

    @Test
    void theValidationSplitKeepsEveryRotationOfAnObjectTogether() {
        ImageDataset data = grids(10, 3);
        assertEquals(30, data.size());
        Splits.TrainValidation split = Splits.holdOut(data, 0.2, 4, false);
        assertEquals(6, split.validation().size(), "2 of 10 objects, 3 rotations each");
        Set<Integer> held = new HashSet<>();
        Arrays.stream(split.validation().objects()).forEach(held::add);
        assertEquals(2, held.size());
        assertTrue(Arrays.stream(split.train().objects()).noneMatch(held::contains));
        assertNull(grids(4, 1).objects(), "one rotation per object: every grid is its own object");
    }

    @Test
    void theErrorIsPerObjectOverItsAveragedRotations() {
        ImageDataset data = grids(2, 3); // object 0 has label 0, object 1 label 1
        // Object 0: one confident right rotation, two mildly wrong ones; object 1: three mildly right ones.
        float[] probabilities = {0.98f, 0.02f, 0.4f, 0.6f, 0.4f, 0.6f, 0.45f, 0.55f, 0.45f, 0.55f, 0.45f, 0.55f};
        float[] padded = new float[6 * 10];
        for (int i = 0; i < 6; i++) {
            padded[i * 10] = probabilities[2 * i];
            padded[i * 10 + 1] = probabilities[2 * i + 1];
            for (int c = 2; c < 10; c++) {
                padded[i * 10 + c] = 1e-9f;
            }
        }
        Evaluation.Result r = Evaluation.run(data, Normalization.VOXELS, 4, Placement.cpu(),
                (batch, x) -> x.getManager().create(Arrays.copyOfRange(padded, batch * 40,
                        Math.min(60, batch * 40 + 40)), new Shape(x.getShape().get(0), 10)).log());
        assertEquals(6, r.images());
        assertEquals(0.0, r.error(), "both objects are right on average, though 2 of 6 grids are wrong");
        double loss = 0;
        for (int i = 0; i < 6; i++) {
            loss -= Math.log(probabilities[2 * i + (i < 3 ? 0 : 1)]);
        }
        assertEquals(loss / 6, r.loss(), 1e-5, "the loss stays per grid");
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, data.objects());
    }
}
