package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.smash4j.util.RandomStreams;

class TrainingBatchesTest {
    /** Maps uint8 v to v/255 exactly, so batch values can be compared with the stored bytes. */
    private static final Normalization UNIT = Normalization.of(new double[] {0, 0}, new double[] {1, 1});

    /** 23 images of 2x3x3; byte p of image i is (i*18 + p) mod 251 (distinct enough), label i mod 4. */
    private static ImageDataset data() {
        int n = 23;
        byte[] pixels = new byte[n * 18];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k % 251);
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % 4);
        return ImageDataset.of("d", 2, 3, 3, pixels, labels, List.of("a", "b", "c", "d"));
    }

    private static List<Batch> drain(BatchStream stream) {
        List<Batch> out = new ArrayList<>();
        try (stream) {
            while (stream.hasNext()) {
                out.add(stream.next());
            }
        }
        return out;
    }

    private static TrainingBatches batches(Augmentation aug, boolean dropLast, int prefetch) {
        return new TrainingBatches(data(), UNIT, aug, 42, new BatchSettings(5, dropLast, prefetch));
    }

    @Test
    void anEpochVisitsEveryImageOnceWithItsLabelAndPixels() {
        TrainingBatches tb = batches(Augmentation.NONE, false, 0);
        assertEquals(5, tb.batchesPerEpoch());
        List<Batch> epoch = drain(tb.epoch(0));
        assertEquals(List.of(5, 5, 5, 5, 3), epoch.stream().map(Batch::size).toList());
        int[] seen = new int[23];
        ImageDataset d = data();
        for (int b = 0; b < epoch.size(); b++) {
            Batch batch = epoch.get(b);
            assertEquals(b * 5, batch.firstIndex());
            assertEquals(b, batch.step());
            float[] pixels = batch.pixels();
            for (int i = 0; i < batch.size(); i++) {
                int index = batch.imageIndices()[i];
                seen[index]++;
                assertEquals(index % 4, batch.label(i));
                for (int p = 0; p < 18; p++) {
                    assertEquals(((index * 18 + p) % 251) / 255f, pixels[i * 18 + p], 1e-6f);
                }
            }
        }
        int[] ones = new int[23];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, seen);
        assertArrayEquals(Arrays.copyOf(tb.order(0), 5), epoch.get(0).imageIndices());
        assertEquals(d.size(), Arrays.stream(tb.order(0)).distinct().count());
    }

    @Test
    void shuffleDiffersBetweenEpochsAndIsNotTheIdentity() {
        TrainingBatches tb = batches(Augmentation.NONE, false, 0);
        assertNotEquals(Arrays.toString(tb.order(0)), Arrays.toString(tb.order(1)));
        int[] identity = new int[23];
        Arrays.setAll(identity, i -> i);
        assertNotEquals(Arrays.toString(identity), Arrays.toString(tb.order(0)));
    }

    @Test
    void dropLastDropsThePartialBatch() {
        TrainingBatches tb = batches(Augmentation.NONE, true, 0);
        assertEquals(4, tb.batchesPerEpoch());
        List<Batch> epoch = drain(tb.epoch(2));
        assertEquals(4, epoch.size());
        assertTrue(epoch.stream().allMatch(b -> b.size() == 5));
        assertEquals(2 * 4 + 3, epoch.get(3).step());
    }

    @Test
    void prefetchingGivesExactlyTheSameBatches() {
        Augmentation aug = Augmentation.cropAndFlip(1);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Batch> plain = drain(batches(aug, false, 0).epoch(epoch));
            List<Batch> one = drain(batches(aug, false, 1).epoch(epoch));
            List<Batch> two = drain(batches(aug, false, 2).epoch(epoch));
            assertEquals(plain, one);
            assertEquals(plain, two);
        }
    }

    @Test
    void resumingAtAStepGivesTheSameRemainingBatches() {
        TrainingBatches tb = batches(Augmentation.cropAndFlip(1), false, 2);
        List<Batch> full = drain(tb.epoch(1));
        assertEquals(full.subList(3, 5), drain(tb.epoch(1, 3)));
        // Global step 8 = epoch 1, batch 3.
        assertEquals(full.subList(3, 5), drain(tb.fromStep(8)));
        assertEquals(full.get(4), tb.batch(1, 4));
        assertEquals(0, drain(tb.epoch(1, 5)).size());
    }

    @Test
    void augmentationOfAStepComesFromItsOwnStreamInBatchOrder() {
        // Pad 1 + flip on 3x3 images; the stream of step s = 6 (epoch 1, batch 1) decides each image's placement.
        Augmentation aug = Augmentation.cropAndFlip(1);
        TrainingBatches tb = batches(aug, false, 0);
        Batch batch = tb.batch(1, 1);
        assertEquals(6, batch.step());
        var random = RandomStreams.of(42, "augment", 6);
        ImageDataset d = data();
        float[] pixels = batch.pixels();
        boolean anyChanged = false;
        for (int i = 0; i < batch.size(); i++) {
            Augmentation.Placement p = aug.draw(random);
            int index = batch.imageIndices()[i];
            byte[] original = d.image(index);
            // Check the crop/flip definition directly: out[c][y][x] = in[c][y+top-1][x'+left-1], x' mirrored.
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        int sy = y + p.top() - 1;
                        int sx = (p.flip() ? 2 - x : x) + p.left() - 1;
                        int expected = sy < 0 || sy > 2 || sx < 0 || sx > 2 ? 0 : original[c * 9 + sy * 3 + sx] & 0xFF;
                        assertEquals(expected / 255f, pixels[i * 18 + c * 9 + y * 3 + x], 1e-6f);
                        anyChanged |= expected != (original[c * 9 + y * 3 + x] & 0xFF);
                    }
                }
            }
        }
        assertTrue(anyChanged, "no image of the batch was moved or flipped");
    }

    @Test
    void differentSeedsGiveDifferentBatches() {
        TrainingBatches a = new TrainingBatches(data(), UNIT, Augmentation.NONE, 1, new BatchSettings(5, false, 0));
        TrainingBatches b = new TrainingBatches(data(), UNIT, Augmentation.NONE, 2, new BatchSettings(5, false, 0));
        assertNotEquals(a.batch(0, 0), b.batch(0, 0));
    }

    @Test
    void evaluationBatchesAreInOrderUnaugmentedAndKeepTheLastPartialBatch() {
        List<Batch> eval = drain(EvaluationBatches.of(data(), UNIT, 10));
        assertEquals(List.of(10, 10, 3), eval.stream().map(Batch::size).toList());
        assertArrayEquals(new int[] {20, 21, 22}, eval.get(2).imageIndices());
        assertEquals(((21 * 18 + 4) % 251) / 255f, eval.get(2).pixels()[18 + 4], 1e-6f);
        assertEquals(drain(EvaluationBatches.of(data(), UNIT, 10, 0)), eval);
    }

    @Test
    void batchIsImmutableAndShapedNchw() {
        Batch batch = batches(Augmentation.NONE, false, 0).batch(0, 0);
        float before = batch.pixels()[0];
        batch.pixels()[0] = 99f;
        batch.labels()[0] = 99;
        assertEquals(before, batch.pixels()[0]);
        assertNotEquals(99, batch.label(0));
        assertArrayEquals(new long[] {5, 2, 3, 3}, batch.shape());
        assertTrue(batch.pixelBuffer().isReadOnly());
        assertEquals(90, batch.pixelBuffer().remaining());
    }

    @Test
    void streamStopsCleanlyWhenClosedEarlyOrExhausted() {
        BatchStream stream = batches(Augmentation.NONE, false, 2).epoch(0);
        stream.next();
        assertEquals(4, stream.remaining());
        stream.close();
        assertFalse(stream.hasNext());
        assertThrows(NoSuchElementException.class, stream::next);
    }

    @Test
    void rejectsMismatchedNormalisationAndBadSettings() {
        Normalization grey = Normalization.of(new double[] {0.5}, new double[] {0.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingBatches(data(), grey, Augmentation.NONE, 0));
        assertEquals("d has 2 channels but the normalisation has 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchSettings(50, false, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingBatches(data(), UNIT, Augmentation.NONE, 0, new BatchSettings(50, true, 0)));
    }
}
