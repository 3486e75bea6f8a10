package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoxelDatasetTest {
    private static final List<String> CLASSES = ModelNet10Format.CLASS_NAMES;

    private static int index(int i, int j, int k) {
        return (i * 32 + j) * 32 + k;
    }

    /** A grid with the given voxels occupied. */
    private static byte[] gridWith(int[]... voxels) {
        byte[] g = new byte[VoxelDataset.VOXELS];
        for (int[] v : voxels) {
            g[index(v[0], v[1], v[2])] = 1;
        }
        return g;
    }

    /** Pseudo-random grid: about a third of the voxels occupied. */
    private static byte[] noise(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] g = new byte[VoxelDataset.VOXELS];
        for (int v = 0; v < g.length; v++) {
            g[v] = (byte) (r.nextInt(3) == 0 ? 1 : 0);
        }
        return g;
    }

    private static VoxelDataset twoObjects() {
        byte[][][] voxels = {{noise(1), noise(2), noise(3)}, {noise(4), noise(5), noise(6)}};
        return VoxelDataset.of("two", voxels, new int[] {4, 9}, CLASSES);
    }

    @Test
    void gridsSurviveBitPackingAndAllRotationsComeBackInOrder() {
        VoxelDataset set = twoObjects();
        assertEquals(2, set.size());
        assertEquals(3, set.rotations());
        assertArrayEquals(noise(5), set.grid(1, 1));
        byte[][] all = set.allRotations(0);
        assertEquals(3, all.length);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(noise(1 + r), all[r]);
        }
        byte[] g = noise(6);
        assertEquals(g[index(31, 0, 17)], set.voxel(1, 2, 31, 0, 17));
        assertArrayEquals(new int[] {4, 9}, set.labels());
        VoxelDataset first = set.first(1);
        assertEquals(1, first.size());
        assertArrayEquals(noise(3), first.grid(0, 2));
    }

    @Test
    void scalingMapsEmptyToMinusOneAndOccupiedToFive() {
        float[] scaled = VoxelDataset.scaled(gridWith(new int[] {0, 0, 1}));
        assertEquals(-1f, scaled[0]);
        assertEquals(5f, scaled[1]);
        float[] batch = new float[3 + VoxelDataset.VOXELS];
        VoxelDataset.scaleInto(gridWith(new int[] {31, 31, 31}), batch, 3);
        assertEquals(0f, batch[2]);
        assertEquals(-1f, batch[3]);
        assertEquals(5f, batch[batch.length - 1]);
    }

    @Test
    void shiftsRollWithWrapAroundLikeNumpyRoll() {
        // np.roll(a, s, axis) moves index x to (x + s) mod 32
        byte[] out = new VoxelDataset.Jitter(false, false, 1, -2, 0).apply(gridWith(new int[] {1, 2, 3}));
        assertArrayEquals(gridWith(new int[] {2, 0, 3}), out);
        out = new VoxelDataset.Jitter(false, false, 1, -2, 1).apply(gridWith(new int[] {31, 0, 31}));
        assertArrayEquals(gridWith(new int[] {0, 30, 0}), out);
    }

    @Test
    void flipsComeBeforeShiftsAndTouchOnlyTheFirstTwoAxes() {
        assertArrayEquals(gridWith(new int[] {30, 2, 3}),
                new VoxelDataset.Jitter(true, false, 0, 0, 0).apply(gridWith(new int[] {1, 2, 3})));
        assertArrayEquals(gridWith(new int[] {1, 29, 3}),
                new VoxelDataset.Jitter(false, true, 0, 0, 0).apply(gridWith(new int[] {1, 2, 3})));
        // flip i: 1 -> 30, then roll by +1: 31; the flip must not be applied after the roll (that gives 29)
        assertArrayEquals(gridWith(new int[] {31, 2, 3}),
                new VoxelDataset.Jitter(true, false, 1, 0, 0).apply(gridWith(new int[] {1, 2, 3})));
    }

    @Test
    void jitterMatchesFlipThenRollDoneStepByStep() {
        byte[] grid = noise(11);
        VoxelDataset.Jitter j = new VoxelDataset.Jitter(true, true, -2, 1, -1);
        byte[] expected = grid.clone();
        expected = flip(expected, 0);
        expected = flip(expected, 1);
        expected = roll(expected, -2, 0);
        expected = roll(expected, 1, 1);
        expected = roll(expected, -1, 2);
        assertArrayEquals(expected, j.apply(grid));
    }

    private static byte[] flip(byte[] g, int axis) {
        byte[] out = new byte[g.length];
        for (int v = 0; v < g.length; v++) {
            int[] c = {v / 1024, v / 32 % 32, v % 32};
            c[axis] = 31 - c[axis];
            out[index(c[0], c[1], c[2])] = g[v];
        }
        return out;
    }

    private static byte[] roll(byte[] g, int shift, int axis) {
        byte[] out = new byte[g.length];
        for (int v = 0; v < g.length; v++) {
            int[] c = {v / 1024, v / 32 % 32, v % 32};
            c[axis] = Math.floorMod(c[axis] + shift, 32);
            out[index(c[0], c[1], c[2])] = g[v];
        }
        return out;
    }

    @Test
    void drawsFlipsThenShiftsFromTheGivenStreamOnly() {
        SplittableRandom mirror = new SplittableRandom(99);
        VoxelDataset.Jitter expected = new VoxelDataset.Jitter(mirror.nextDouble() < 0.2, mirror.nextDouble() < 0.2,
                mirror.nextInt(-2, 2), mirror.nextInt(-2, 2), mirror.nextInt(-2, 2));
        assertEquals(expected, VoxelDataset.Jitter.draw(new SplittableRandom(99)));
        byte[] grid = noise(3);
        assertArrayEquals(expected.apply(grid), VoxelDataset.augment(grid, new SplittableRandom(99)));
    }

    @Test
    void drawnFlipsHaveProbabilityOneFifthAndShiftsCoverMinusTwoToOne() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 20000;
        int flipsI = 0;
        int flipsJ = 0;
        int[] shiftCounts = new int[4];
        for (int t = 0; t < n; t++) {
            VoxelDataset.Jitter j = VoxelDataset.Jitter.draw(random);
            flipsI += j.flipI() ? 1 : 0;
            flipsJ += j.flipJ() ? 1 : 0;
            shiftCounts[j.shiftI() + 2]++;
            shiftCounts[j.shiftK() + 2]++;
        }
        // binomial sd of the mean is sqrt(.2*.8/20000) = 0.0028; 0.012 is more than 4 sd
        assertEquals(0.2, flipsI / (double) n, 0.012);
        assertEquals(0.2, flipsJ / (double) n, 0.012);
        for (int c : shiftCounts) {
            assertEquals(0.25, c / (2.0 * n), 0.012);
        }
        assertThrows(IllegalArgumentException.class, () -> new VoxelDataset.Jitter(false, false, 2, 0, 0));
    }

    @Test
    void spacedRotationsFollowPythonsRange() {
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22}, VoxelDataset.spacedRotations(24, 12));
        assertEquals(24, VoxelDataset.spacedRotations(24, 24).length);
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20}, VoxelDataset.spacedRotations(24, 5)); // 24 // 5 = 4
        assertArrayEquals(new int[] {0}, VoxelDataset.spacedRotations(24, 1));
        assertThrows(IllegalArgumentException.class, () -> VoxelDataset.spacedRotations(12, 13));
    }

    @Test
    void valuesOtherThanZeroOrOneAndRaggedRotationsAreRefused() {
        byte[] bad = new byte[VoxelDataset.VOXELS];
        bad[40] = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoxelDataset.of("x", new byte[][][] {{bad}}, new int[] {0}, CLASSES));
        assertEquals("x: value 2 at index 40 of grid 0/0 is not 0 or 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VoxelDataset.of("x",
                new byte[][][] {{noise(1)}, {noise(1), noise(2)}}, new int[] {0, 0}, CLASSES));
        assertThrows(IllegalArgumentException.class,
                () -> VoxelDataset.of("x", new byte[][][] {{noise(1)}}, new int[] {10}, CLASSES));
        assertTrue(twoObjects().toString().contains("2 objects x 3 rotations"));
    }
}
