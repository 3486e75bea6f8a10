package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.smash4j.space.SearchSpaceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The fully convolutional HyperNet (spec 3.3): dense blocks of weight-normalised, bias-free 3x3 convs with
 * leaky ReLU 0.02, no BatchNorm, no downsampling, so its output has the spatial size of its input (height k,
 * one column per encoding slice) and each output position holds the weights its input position describes.
 *
 * <p>Fixes spec bug 1: the original emits D*N^2 channels, i.e. only N_max generated 1x1 output units, so the
 * one-shot net silently capped every 1x1 conv at N_max channels while the trained network used up to
 * maxBottleneck*N_max. Here the output has maxBottleneck*D*N^2 channels, so every 1x1 conv of the one-shot net
 * has exactly the width it has in the stand-alone net.
 */
public final class HyperNet {
    static final float SLOPE = 0.02f;
    private final List<NDArray> stemAndLayers = new ArrayList<>();
    private final List<List<NDArray>> blocks = new ArrayList<>();
    private final List<NDArray> transitions = new ArrayList<>();
    private final NDArray output;
    private final int inChannels;
    private final int outChannels;

    /**
     * @param encodingChannels channels of c; the HyperNet input has one more (the noise z)
     */
    public HyperNet(SearchSpaceConfig config, int encodingChannels, HyperNetShape shape, Parameters params,
            RandomGenerator rng) {
        int n = config.n();
        int d = config.depthCompression();
        this.inChannels = encodingChannels + 1;
        this.outChannels = config.maxBottleneck() * n * n * d;
        int ch = inChannels;
        stemAndLayers.add(conv(params, "hyper.stem", shape.firstGrowth(), ch, 3, rng));
        ch += shape.firstGrowth();
        for (int b = 0; b < shape.blockLayers().size(); b++) {
            List<NDArray> layers = new ArrayList<>();
            for (int l = 0; l < shape.blockLayers().get(b); l++) {
                layers.add(conv(params, "hyper.block" + b + ".layer" + l, shape.growth(), ch, 3, rng));
                ch += shape.growth();
            }
            blocks.add(layers);
            if (b < shape.blockLayers().size() - 1) {
                transitions.add(conv(params, "hyper.transition" + b, ch / 2, ch, 3, rng));
                ch = ch / 2;
            }
        }
        output = conv(params, "hyper.output", outChannels, ch, 1, rng);
    }

    private static NDArray conv(Parameters p, String name, int out, int in, int k, RandomGenerator rng) {
        return p.add(name, Parameters.Group.HYPERNET, new Shape(out, in, k, k),
                Init.orthogonal(out, in * k * k, rng));
    }

    /** Channels of the input: 1 (z) + encoding channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Channels of the output: maxBottleneck * N * D*N. */
    public int outChannels() {
        return outChannels;
    }

    /** Maps [1, 1 + C_c, k, S+1] (z in channel 0, then c) to [1, outChannels, k, S+1]. */
    public NDArray forward(NDArray input) {
        NDArray x = input.concat(wnc(input, stemAndLayers.get(0)), 1);
        for (int b = 0; b < blocks.size(); b++) {
            for (NDArray w : blocks.get(b)) {
                x = x.concat(wnc(Layers.leakyRelu(x, SLOPE), w), 1);
            }
            if (b < transitions.size()) {
                x = wnc(Layers.leakyRelu(x, SLOPE), transitions.get(b));
            }
        }
        return wnc(Layers.leakyRelu(x, SLOPE), output);
    }

    private static NDArray wnc(NDArray x, NDArray w) {
        return Layers.conv(x, Layers.weightNormalize(w));
    }

    /**
     * Rearranges the HyperNet output into the generated weight matrix Wg of shape
     * [(S+1)*D*N input channels, maxBottleneck*N_max output units] (spec 3.4, the "lego" reindexing, extended by
     * the bug-1 fix): {@code Wg[s*D*N + b, t*N_max + h*N + a] = Y[(t*N + a)*D*N + b, h, s]}. Each output position
     * (h, s) becomes maxBottleneck tiles of N outputs by D*N inputs, so the columns of c tile the network's 1x1
     * input channels and its rows tile the output units.
     */
    public static NDArray toWeightMatrix(NDArray y, SearchSpaceConfig config) {
        int n = config.n();
        int dn = n * config.depthCompression();
        int mb = config.maxBottleneck();
        long k = y.getShape().get(2);
        long s1 = y.getShape().get(3);
        return y.reshape(mb, n, dn, k, s1) // (t, a, b, h, s)
                .transpose(4, 2, 0, 3, 1) // (s, b, t, h, a)
                .reshape(s1 * dn, mb * k * n);
    }
}
