package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.smash4j.data.Batch;
import org.smash4j.data.BatchStream;
import org.smash4j.data.EvaluationBatches;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.Loss;
import org.smash4j.nn.Placement;

/**
 * Loss, top-1 and (with more than {@value #TOP5_MIN_CLASSES} classes) top-5 error of a model over a whole data set,
 * in eval mode and without gradients. On voxel grids that
 * show objects from several rotations ({@link ImageDataset#objects}) the error is per object, from the class
 * probabilities averaged over its rotations (SMASH's test-time averaging); the loss stays per grid.
 */
public final class Evaluation {
    /** Logits of one batch; {@code batchIndex} lets a caller vary the model per batch. */
    @FunctionalInterface
    public interface BatchModel {
        NDArray logits(int batchIndex, NDArray images);
    }

    /** Top-5 error is reported for data sets with more classes than this (ImageNet32x32, CIFAR-100). */
    public static final int TOP5_MIN_CLASSES = 10;

    /**
     * Mean loss, top-1 and top-5 error fractions over {@code images} images (voxel grids: errors over their objects);
     * top5Error is NaN with {@value #TOP5_MIN_CLASSES} classes or fewer.
     */
    public record Result(double loss, double error, double top5Error, long images) {
        /** Whether the top-5 error was measured. */
        public boolean hasTop5() {
            return !Double.isNaN(top5Error);
        }
    }

    private Evaluation() {
    }

    public static Result run(ImageDataset data, Normalization norm, int batchSize, Placement placement,
            BatchModel model) {
        double loss = 0;
        long errors = 0;
        long top5Errors = 0;
        int classes = 0;
        long seen = 0;
        int index = 0;
        int[] objects = data.objects();
        java.util.Map<Integer, double[]> byObject = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> objectLabel = new java.util.HashMap<>();
        try (BatchStream stream = EvaluationBatches.of(data, norm, batchSize);
                NDManager manager = NDManager.newBaseManager(placement.device())) {
            while (stream.hasNext()) {
                Batch b = stream.next();
                try (NDScope scope = new NDScope()) {
                    NDArray f = manager.create(b.pixelBuffer(), new Shape(b.shape()));
                    NDArray x = f.toType(placement.dataType(), false);
                    NDArray y = manager.create(b.labels());
                    NDArray logits = model.logits(index++, x);
                    loss += Loss.crossEntropy(logits, y).getFloat() * b.size();
                    errors += Loss.errors(logits, y);
                    classes = (int) logits.getShape().get(1);
                    if (classes > TOP5_MIN_CLASSES) {
                        top5Errors += Loss.topKErrors(logits, y, 5);
                    }
                    if (objects != null) {
                        double[] p = logits.softmax(1).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                                .toDoubleArray();
                        int perImage = p.length / b.size();
                        for (int i = 0; i < b.size(); i++) {
                            int object = objects[(int) seen + i];
                            double[] sum = byObject.computeIfAbsent(object, o -> new double[perImage]);
                            for (int c = 0; c < perImage; c++) {
                                sum[c] += p[i * perImage + c];
                            }
                            objectLabel.put(object, b.label(i));
                        }
                    }
                    seen += b.size();
                }
            }
        }
        if (objects != null) {
            long wrong = byObject.entrySet().stream().filter(e -> argMax(e.getValue()) != objectLabel.get(e.getKey()))
                    .count();
            double top5 = classes > TOP5_MIN_CLASSES ? (double) byObject.entrySet().stream()
                    .filter(e -> Loss.missesTopK(e.getValue(), objectLabel.get(e.getKey()), 5)).count()
                    / byObject.size() : Double.NaN;
            return new Result(loss / seen, (double) wrong / byObject.size(), top5, seen);
        }
        return new Result(loss / seen, (double) errors / seen,
                classes > TOP5_MIN_CLASSES ? (double) top5Errors / seen : Double.NaN, seen);
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Class probabilities for each image of a data set, concatenated [images x classes]. */
    public static float[] probabilities(ImageDataset data, Normalization norm, int batchSize, Placement placement,
            BatchModel model) {
        int classes = -1;
        float[] out = null;
        int at = 0;
        try (BatchStream stream = EvaluationBatches.of(data, norm, batchSize);
                NDManager manager = NDManager.newBaseManager(placement.device())) {
            int index = 0;
            while (stream.hasNext()) {
                Batch b = stream.next();
                try (NDScope scope = new NDScope()) {
                    NDArray f = manager.create(b.pixelBuffer(), new Shape(b.shape()));
                    NDArray p = model.logits(index++, f.toType(placement.dataType(), false)).softmax(1)
                            .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                    float[] v = p.toFloatArray();
                    if (out == null) {
                        classes = (int) p.getShape().get(1);
                        out = new float[data.size() * classes];
                    }
                    System.arraycopy(v, 0, out, at, v.length);
                    at += v.length;
                }
            }
        }
        return out == null ? new float[0] : out;
    }
}
