package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelNet10 voxel grids as training data: reduced sides, the modelnet10 data sets, 5-D batches, the jitter. */
class VoxelGridsTest {
    @TempDir
    Path dir;

    @Test
    void reducedGridMarksACellOccupiedWhenAnyVoxelIs() {
        byte[] grid = new byte[VoxelDataset.VOXELS];
        grid[(5 * 32 + 9) * 32 + 30] = 1; // cell (1, 2, 7) at side 8 (4^3 voxels per cell)
        grid[(31 * 32 + 31) * 32 + 31] = 1; // cell (7, 7, 7)
        VoxelDataset set = VoxelDataset.of("one", new byte[][][] {{grid}}, new int[] {3},
                ModelNet10Format.CLASS_NAMES);
        ImageDataset eight = set.toGrids(8);
        assertEquals(3, eight.spatialDims());
        assertEquals(8, eight.depth());
        assertEquals(512, eight.imageSize());
        byte[] cells = eight.image(0);
        for (int c = 0; c < 512; c++) {
            boolean occupied = c == (1 * 8 + 2) * 8 + 7 || c == 511;
            assertEquals(occupied ? -1 : 0, cells[c], "cell " + c);
        }
        byte[] full = set.toGrids(32).image(0);
        for (int v = 0; v < VoxelDataset.VOXELS; v++) {
            assertEquals(grid[v] == 1 ? (byte) 255 : 0, full[v]);
        }
        assertThrows(IllegalArgumentException.class, () -> set.toGrids(12));
    }

    @Test
    void everyRotationIsASampleWithItsObjectsLabel() {
        byte[] a = new byte[VoxelDataset.VOXELS];
        byte[] b = a.clone();
        b[0] = 1;
        VoxelDataset set = VoxelDataset.of("two", new byte[][][] {{a, b}, {b, a}}, new int[] {4, 9},
                ModelNet10Format.CLASS_NAMES);
        ImageDataset grids = set.toGrids(16);
        assertEquals(4, grids.size());
        assertArrayEquals(new int[] {4, 4, 9, 9}, grids.labels());
        assertArrayEquals(new int[] {0, 0, 1, 1}, grids.objects());
        assertEquals(-1, grids.image(1)[0]);
        assertEquals(0, grids.image(3)[0]);
    }

    @Test
    void modelnet10DataSetGivesVoxelBatchesScaledAsSmash() throws Exception {
        SyntheticModelNet10.write(dir, 20, 10, 5);
        TrainTestData data = DataSets.open("modelnet10-8", dir);
        assertEquals(20, data.train().size());
        assertEquals(10, data.test().size());
        assertEquals(Augmentation.VOXEL_JITTER, data.augmentation());
        assertEquals(List.of(-1f, 5f), List.of(data.normalization().normalize(0, 0),
                data.normalization().normalize(0, 255)));

        TrainingBatches batches = new TrainingBatches(data.train(), data.normalization(), data.augmentation(), 3,
                BatchSettings.DEFAULT.withBatchSize(8));
        Batch batch = batches.batch(0, 0);
        assertArrayEquals(new long[] {8, 1, 8, 8, 8}, batch.shape());
        for (float v : batch.pixels()) {
            assertTrue(v == -1f || v == 5f, "voxel value " + v);
        }
        // The jitter moves the grids (shifts are drawn for every grid), evaluation does not.
        Batch plain = EvaluationBatches.of(data.train(), data.normalization(), 8, 0).next();
        assertArrayEquals(new long[] {8, 1, 8, 8, 8}, plain.shape());
        byte[] first = data.train().image(0);
        float[] expected = new float[first.length];
        for (int v = 0; v < first.length; v++) {
            expected[v] = first[v] == 0 ? -1f : 5f;
        }
        assertArrayEquals(expected, java.util.Arrays.copyOf(plain.pixels(), first.length));
        assertNotEquals(batches.batch(0, 0), batches.batch(1, 0));
        assertEquals(batch, batches.batch(0, 0), "a batch is a pure function of (seed, epoch, index)");
    }

    @Test
    void jitterAtAReducedSideRollsAndFlipsLikeTheFullOne() {
        byte[] grid = new byte[16 * 16 * 16];
        for (int v = 0; v < grid.length; v++) {
            grid[v] = (byte) v;
        }
        VoxelDataset.Jitter jitter = new VoxelDataset.Jitter(true, false, -2, 1, 0);
        byte[] out = new byte[grid.length];
        jitter.apply(grid, 1, 16, out);
        // out[i][j][k] = in[15 - (i + 2) mod 16][(j - 1) mod 16][k]
        assertEquals(grid[((15 - 2) * 16 + 15) * 16 + 4], out[(0 * 16 + 0) * 16 + 4]);
        assertEquals(grid[((15 - 7) * 16 + 2) * 16 + 9], out[(5 * 16 + 3) * 16 + 9]);
        VoxelDataset.Jitter drawn = VoxelDataset.Jitter.draw(new SplittableRandom(1));
        byte[] full = new byte[VoxelDataset.VOXELS];
        full[12345] = 1;
        byte[] viaSide = new byte[VoxelDataset.VOXELS];
        drawn.apply(full, 1, 32, viaSide);
        assertArrayEquals(drawn.apply(full), viaSide);
    }

    @Test
    void smashNpzFilesGiveOneSamplePerRotation() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        for (String split : new String[] {"train", "test"}) {
            // Three objects of two rotations each, classes 0, 4 and 9 (SMASH's labels are 0-based).
            byte[] grids = new byte[6 * VoxelDataset.VOXELS];
            for (int g = 0; g < 6; g++) {
                System.arraycopy(SyntheticModelNet10.box(g + 1, rng), 0, grids, g * VoxelDataset.VOXELS,
                        VoxelDataset.VOXELS);
            }
            java.util.Map<String, byte[]> arrays = new java.util.LinkedHashMap<>();
            arrays.put("data", NumpyFiles.npy("|u1", "(3, 2, 32, 32, 32)", grids));
            arrays.put("labels", NumpyFiles.npy("<i8", "(3,)", NumpyFiles.int64s(0, 4, 9)));
            SyntheticFiles.write(dir.resolve("modelnet10_rot24_" + split + ".npz"), NumpyFiles.npz(arrays, true));
        }
        TrainTestData data = DataSets.open("modelnet10-16", dir);
        assertEquals(6, data.train().size());
        assertArrayEquals(new int[] {0, 0, 4, 4, 9, 9}, data.test().labels());
        assertEquals(16 * 16 * 16, data.test().imageSize());
    }

    @Test
    void missingOrAmbiguousFilesAreNamed() throws Exception {
        SyntheticModelNet10.write(dir, 10, 10, 1);
        java.nio.file.Files.copy(dir.resolve("test.tar"), dir.resolve("test2.tar"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.open("modelnet10", dir));
        assertTrue(e.getMessage().contains("2 ModelNet10 test files"), e.getMessage());
        assertTrue(e.getMessage().contains("[test.tar, test2.tar]"), e.getMessage());
    }
}
