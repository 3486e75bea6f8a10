package org.smash4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.Placement;

/** Top-5 error over a data set: measured with more than ten classes (ImageNet32x32, CIFAR-100), NaN with ten. */
class TopFiveEvaluationTest {
    /** {@code n} 1x2x2 images, label i % classes. */
    private static ImageDataset images(int n, int classes) {
        int[] labels = IntStream.range(0, n).map(i -> i % classes).toArray();
        List<String> names = IntStream.range(0, classes).mapToObj(c -> "c" + c).toList();
        return ImageDataset.of("t", 1, 2, 2, new byte[n * 4], labels, names);
    }

    /** Logits where image i's label has exactly i % 8 classes above it, over batches of 3. */
    private static Evaluation.BatchModel ranked(ImageDataset data, int classes) {
        return (batch, x) -> {
            int size = (int) x.getShape().get(0);
            float[] logits = new float[size * classes];
            for (int k = 0; k < size; k++) {
                int i = batch * 3 + k;
                int label = data.label(i);
                int above = i % 8;
                for (int c = 0; c < classes; c++) {
                    // The label scores 0; "above" other classes score 1, the rest -1.
                    int offset = Math.floorMod(c - label, classes);
                    logits[k * classes + c] = c == label ? 0 : offset <= above ? 1 : -1;
                }
            }
            return x.getManager().create(logits, new Shape(size, classes));
        };
    }

    @Test
    void topFiveErrorWithMoreThanTenClasses() {
        ImageDataset data = images(16, 12);
        Evaluation.Result r = Evaluation.run(data, Normalization.of(new double[] {0}, new double[] {1}), 3,
                Placement.cpu(), ranked(data, 12));
        assertTrue(r.hasTop5());
        // i % 8 in 5..7 misses the top five: i = 5, 6, 7, 13, 14, 15.
        assertEquals(6 / 16.0, r.top5Error(), 1e-12);
        assertEquals(14 / 16.0, r.error(), 1e-12, "top-1: every image with a class above its label");
    }

    @Test
    void noTopFiveWithTenClasses() {
        ImageDataset data = images(16, 10);
        Evaluation.Result r = Evaluation.run(data, Normalization.of(new double[] {0}, new double[] {1}), 3,
                Placement.cpu(), ranked(data, 10));
        assertFalse(r.hasTop5());
    }
}
