package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.smash4j.util.RandomStreams;

/**
 * Creates the learned tensors of both networks with the original's initialisation (spec 5): orthogonal convs,
 * BN gamma 1 and beta 0, PyTorch's default uniform Linear weight with a zero bias. Each tensor draws from its
 * own stream named after it, so adding a tensor never changes the initial values of the others.
 */
final class ModelParts {
    private final Parameters params;
    private final long seed;

    ModelParts(Parameters params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    /** A conv weight of a kh x kw spec in {@code dims} spatial dimensions ({@link Layers#window}). */
    NDArray conv(String name, int dims, int out, int in, int kh, int kw) {
        Shape shape = Layers.convShape(dims, out, in, kh, kw);
        return params.add(name, Parameters.Group.MAIN, shape,
                Init.orthogonal(out, Math.toIntExact(shape.size() / out), RandomStreams.of(seed, "init:" + name)));
    }

    void batchNorm(String prefix, int channels) {
        Shape s = new Shape(channels);
        params.add(prefix + ".gamma", Parameters.Group.MAIN, s, Init.constant(channels, 1));
        params.add(prefix + ".beta", Parameters.Group.MAIN, s, Init.constant(channels, 0));
        params.addBuffer(prefix + ".runMean", s, Init.constant(channels, 0));
        params.addBuffer(prefix + ".runVar", s, Init.constant(channels, 1));
    }

    void linear(String prefix, int out, int in) {
        params.add(prefix + ".w", Parameters.Group.MAIN, new Shape(out, in),
                Init.uniform(out * in, 1 / Math.sqrt(in), RandomStreams.of(seed, "init:" + prefix + ".w")));
        params.add(prefix + ".b", Parameters.Group.MAIN, new Shape(out), Init.constant(out, 0));
    }
}
