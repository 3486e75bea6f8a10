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

/** Loss and top-1 error of a model over a whole data set, in eval mode and without gradients. */
public final class Evaluation {
    /** Logits of one batch; {@code batchIndex} lets a caller vary the model per batch. */
    @FunctionalInterface
    public interface BatchModel {
        NDArray logits(int batchIndex, NDArray images);
    }

    /** Mean loss and error fraction over {@code images} images. */
    public record Result(double loss, double error, long images) {
    }

    private Evaluation() {
    }

    public static Result run(ImageDataset data, Normalization norm, int batchSize, Placement placement,
            BatchModel model) {
        double loss = 0;
        long errors = 0;
        long seen = 0;
        int index = 0;
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
                    seen += b.size();
                }
            }
        }
        return new Result(loss / seen, (double) errors / seen, seen);
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
