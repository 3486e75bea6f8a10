package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The tensor operations both networks are made of, as plain functions of their weights. They serve images (NCHW,
 * weights [out, in, kh, kw]) and voxel grids (NCDHW, weights [out, in, kd, kh, kw]) alike: the rank of the
 * tensors says which, so the networks and the memory-bank executor exist once for both. In 3-D a conv spec's
 * height setting (kernel, dilation) also applies to the depth axis ({@link #window}).
 */
public final class Layers {
    /** DJL's momentum convention: running = 0.9 * running + 0.1 * batch, i.e. PyTorch's momentum 0.1. */
    public static final float BN_MOMENTUM = 0.9f;
    public static final float BN_EPS = 1e-5f;

    private Layers() {
    }

    /**
     * Grouped convs run as dense convs with a block-diagonal weight (the same function, G times the
     * multiply-adds) unless {@code -Dsmash.groupedConv=native}. With the few channels per group of this search
     * space, oneDNN has no vectorised grouped kernel and falls back to a per-group im2col GEMM: at the quick
     * preset that fallback took 43% of all oneDNN time in one-shot training, more than the dense convs did.
     */
    static final boolean DENSE_GROUPS = !"native".equals(System.getProperty("smash.groupedConv"));

    static final boolean CHANNELS_LAST = Boolean.getBoolean("smash.channelsLast");

    /**
     * The same NCHW tensor stored channels-last (NHWC in memory), when enabled: libtorch's oneDNN convs then read and
     * write NHWC directly instead of reordering every activation to a blocked layout and back, and the
     * element-wise ops keep the layout.
     */
    public static NDArray channelsLast(NDArray x) {
        if (!CHANNELS_LAST || x.getShape().dimension() != 4) {
            return x;
        }
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    /**
     * The kernel window of a kh x kw conv spec in {@code dims} spatial dimensions: (kh, kw), or (kh, kh, kw) for
     * voxel grids, whose depth axis takes the height's size (and dilation), so a square spec is a k x k x k cube.
     */
    public static long[] window(int dims, long kh, long kw) {
        return dims == 3 ? new long[] {kh, kh, kw} : new long[] {kh, kw};
    }

    /** The weight shape [out, in, window] of a conv in {@code dims} spatial dimensions. */
    public static Shape convShape(int dims, long out, long in, long kh, long kw) {
        return new Shape(out, in).addAll(new Shape(window(dims, kh, kw)));
    }

    /** A bias-free conv with stride 1 whose padding keeps the spatial size (odd kernels); 2-D or 3-D by rank. */
    public static NDArray conv(NDArray x, NDArray w, int dilationH, int dilationW, int groups) {
        NDArray weight = w;
        int g = groups;
        if (groups > 1 && DENSE_GROUPS) {
            weight = blockDiagonal(w, groups);
            g = 1;
        }
        if (w.getShape().dimension() == 5) {
            long kd = w.getShape().get(2);
            long kh = w.getShape().get(3);
            long kw = w.getShape().get(4);
            return Conv3d.conv3d(x, weight, null, new Shape(1, 1, 1),
                    new Shape((kd - 1) * dilationH / 2, (kh - 1) * dilationH / 2, (kw - 1) * dilationW / 2),
                    new Shape(dilationH, dilationH, dilationW), g).singletonOrThrow();
        }
        long kh = w.getShape().get(2);
        long kw = w.getShape().get(3);
        return Conv2d.conv2d(x, weight, null, new Shape(1, 1),
                new Shape((kh - 1) * dilationH / 2, (kw - 1) * dilationW / 2),
                new Shape(dilationH, dilationW), g).singletonOrThrow();
    }

    /**
     * The dense weight [out, in, window] of a grouped conv's weight [out, in/groups, window]: output filter o sees
     * input channels of its own group only, the others through zeros. Gradients flow to the grouped weight alone.
     */
    static NDArray blockDiagonal(NDArray w, int groups) {
        int out = (int) w.getShape().get(0);
        int inPerGroup = (int) w.getShape().get(1);
        int outPerGroup = out / groups;
        int in = inPerGroup * groups;
        float[] mask = new float[out * in];
        for (int o = 0; o < out; o++) {
            int group = o / outPerGroup;
            for (int i = group * inPerGroup; i < (group + 1) * inPerGroup; i++) {
                mask[o * in + i] = 1;
            }
        }
        boolean voxels = w.getShape().dimension() == 5;
        NDArray m = w.getManager().create(mask, voxels ? new Shape(out, in, 1, 1, 1) : new Shape(out, in, 1, 1));
        if (m.getDataType() != w.getDataType()) {
            m = m.toType(w.getDataType(), false);
        }
        return w.tile(voxels ? new long[] {1, groups, 1, 1, 1} : new long[] {1, groups, 1, 1}).mul(m);
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

    /** 2x2 (voxel grids: 2x2x2) average pooling with stride 2. */
    public static NDArray avgPool2(NDArray x) {
        if (x.getShape().dimension() == 5) {
            return Pool.avgPool3d(x, new Shape(2, 2, 2), new Shape(2, 2, 2), new Shape(0, 0, 0), false, true);
        }
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }

    /**
     * Global average pool over every spatial axis to [batch, channels]; works for batch 1 (fixes the original's
     * squeeze, bug 30).
     */
    public static NDArray globalAvgPool(NDArray x) {
        NDArray y = x;
        for (int axis = x.getShape().dimension() - 1; axis >= 2; axis--) {
            y = y.mean(new int[] {axis}); // last axis first, as the 2-D network always did
        }
        return y;
    }

    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Channels [from, to) of an NCHW or NCDHW tensor (a view). */
    public static NDArray channels(NDArray x, long from, long to) {
        return x.get(new NDIndex(":, {}:{}", from, to));
    }
}
