package org.smash4j.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.smash4j.data.Batch;
import org.smash4j.data.BatchStream;
import org.smash4j.data.EvaluationBatches;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.encoding.Encoding;
import org.smash4j.nn.Loss;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.Architecture;

/**
 * dE/dc: the gradient of the mean validation cross-entropy of an architecture, with generated weights and BN
 * running statistics (as scored), with respect to its encoding c. Only the input is differentiated; the
 * network's own gradients are cleared afterwards.
 */
final class EncodingGradient {
    private final OneShotNetwork net;
    private final ImageDataset validation;
    private final Normalization normalization;
    private final Placement placement;
    private final int batches;
    private final int batchSize;

    EncodingGradient(OneShotNetwork net, ImageDataset validation, Normalization normalization, Placement placement,
            int batches, int batchSize) {
        this.net = net;
        this.validation = validation;
        this.normalization = normalization;
        this.placement = placement;
        this.batches = batches;
        this.batchSize = batchSize;
    }

    /** dE/dc laid out like {@code c.values()}. */
    float[] of(Architecture arch, Encoding c, float[] noise) {
        float[] out;
        try (NDManager manager = NDManager.newBaseManager(placement.device());
                NDScope scope = new NDScope();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray input = net.hyperInput(noise, c);
            input.setRequiresGradient(true);
            NDArray wg = net.generateWeights(input);
            NDArray total = null;
            int n = 0;
            try (BatchStream stream = EvaluationBatches.of(validation, normalization, batchSize)) {
                while (stream.hasNext() && n < batches) {
                    Batch b = stream.next();
                    NDArray x = manager.create(b.pixelBuffer(), new Shape(b.shape())).toType(placement.dataType(),
                            false);
                    NDArray loss = Loss.crossEntropy(net.forward(x, arch, wg, false), manager.create(b.labels()));
                    total = total == null ? loss : total.add(loss);
                    n++;
                }
            }
            gc.backward(total.div(n));
            float[] all = input.getGradient().toType(DataType.FLOAT32, false).toFloatArray();
            int plane = c.height() * c.width();
            // Channel 0 is the noise z; position channels, if any, follow c.
            out = new float[c.channels() * plane];
            System.arraycopy(all, plane, out, 0, out.length);
        } finally {
            net.parameters().zeroGradients();
        }
        return out;
    }

    /**
     * The first-order predicted change of the loss when c becomes {@code other}: g . (other - c). Encodings are
     * S + 1 columns wide for S used slices, so two architectures' grids can differ in width; the narrower is read
     * as -1 (off, the value of an unmarked cell) beyond its width, and the gradient as 0 beyond c's width, where
     * it is not known.
     */
    static double predictedChange(float[] gradient, Encoding c, Encoding other) {
        if (c.channels() != other.channels() || c.height() != other.height()
                || gradient.length != c.values().length) {
            throw new IllegalArgumentException("the encodings belong to different search spaces");
        }
        double s = 0;
        for (int ch = 0; ch < c.channels(); ch++) {
            for (int row = 0; row < c.height(); row++) {
                for (int col = 0; col < c.width(); col++) {
                    int at = (ch * c.height() + row) * c.width() + col;
                    float mine = c.values()[at];
                    float theirs = col < other.width()
                            ? other.values()[(ch * other.height() + row) * other.width() + col] : -1f;
                    s += (double) gradient[at] * (theirs - mine);
                }
            }
        }
        return s;
    }
}
