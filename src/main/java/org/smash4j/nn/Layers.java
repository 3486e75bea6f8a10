package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** The tensor operations both networks are made of, as plain functions of their weights. */
public final class Layers {
    /** DJL's momentum convention: running = 0.9 * running + 0.1 * batch, i.e. PyTorch's momentum 0.1. */
    public static final float BN_MOMENTUM = 0.9f;
    public static final float BN_EPS = 1e-5f;

    private Layers() {
    }

    /** A bias-free conv with stride 1 whose padding keeps the spatial size (odd kernels). */
    public static NDArray conv(NDArray x, NDArray w, int dilationH, int dilationW, int groups) {
        long kh = w.getShape().get(2);
        long kw = w.getShape().get(3);
        return Conv2d.conv2d(x, w, null, new Shape(1, 1),
                new Shape((kh - 1) * dilationH / 2, (kw - 1) * dilationW / 2),
                new Shape(dilationH, dilationW), groups).singletonOrThrow();
    }

    /** A plain 1x1 or same-padded conv without dilation or groups. */
    public static NDArray conv(NDArray x, NDArray w) {
        return conv(x, w, 1, 1, 1);
    }

    /** Divides the whole weight by its Frobenius norm (the paper's simplified WeightNorm, no gain). */
    public static NDArray weightNormalize(NDArray w) {
        return w.div(w.norm());
    }

    public static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    public static NDArray leakyRelu(NDArray x, float slope) {
        return Activation.leakyRelu(x, slope);
    }

    /**
     * Batch norm over the channel axis using the first {@code channels} entries of each of the four tensors
     * (a full BN when they match the input). In training mode the running statistics of those entries are
     * updated in place (the slices are views), in eval mode they are used.
     */
    public static NDArray batchNorm(NDArray x, NDArray gamma, NDArray beta, NDArray runMean, NDArray runVar,
            boolean training) {
        return batchNorm(x, gamma, beta, runMean, runVar, training, BN_MOMENTUM);
    }

    /** As above with an explicit momentum (the fraction of the running statistics kept per update). */
    public static NDArray batchNorm(NDArray x, NDArray gamma, NDArray beta, NDArray runMean, NDArray runVar,
            boolean training, float momentum) {
        long c = x.getShape().get(1);
        if (gamma.getShape().get(0) == c) {
            return BatchNorm.batchNorm(x, runMean, runVar, gamma, beta, 1, momentum, BN_EPS, training)
                    .singletonOrThrow();
        }
        NDIndex first = new NDIndex("0:{}", c);
        return BatchNorm.batchNorm(x, runMean.get(first), runVar.get(first), gamma.get(first), beta.get(first), 1,
                momentum, BN_EPS, training).singletonOrThrow();
    }

    /** 2x2 average pooling with stride 2. */
    public static NDArray avgPool2(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }

    /** Global average pool to [batch, channels]; works for batch 1 (fixes the original's squeeze, bug 30). */
    public static NDArray globalAvgPool(NDArray x) {
        return x.mean(new int[] {3}).mean(new int[] {2});
    }

    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Channels [from, to) of an NCHW tensor (a view). */
    public static NDArray channels(NDArray x, long from, long to) {
        return x.get(new NDIndex(":, {}:{}", from, to));
    }
}
