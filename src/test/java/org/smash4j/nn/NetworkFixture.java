package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.smash4j.space.Architecture;
import org.smash4j.space.SearchSpaceConfig;

import java.util.SplittableRandom;

/** Inputs for network tests: random images (or voxel grids), labels and a random +-1 encoding with its noise. */
final class NetworkFixture {
    static final int ENCODING_CHANNELS = 12;

    private NetworkFixture() {
    }

    static NDArray images(NDManager m, SearchSpaceConfig c, int batch, DataType type, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int r = c.resolution();
        boolean voxels = c.spatialDims() == 3;
        double[] v = new double[batch * c.inChannels() * r * r * (voxels ? r : 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        Shape shape = voxels ? new Shape(batch, c.inChannels(), r, r, r) : new Shape(batch, c.inChannels(), r, r);
        return m.create(v, shape).toType(type, false);
    }

    static NDArray labels(NDManager m, SearchSpaceConfig c, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] v = new long[batch];
        for (int i = 0; i < batch; i++) {
            v[i] = rng.nextInt(c.numClasses());
        }
        return m.create(v);
    }

    /** Generated weights for {@code arch} from a random +-1 encoding and Gaussian noise. */
    static NDArray weights(OneShotNetwork net, Architecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = net.config().k();
        int width = arch.usedSlices(net.config()) + 1;
        float[] z = new float[k * width];
        float[] c = new float[ENCODING_CHANNELS * k * width];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextBoolean() ? 1f : -1f;
        }
        return net.generateWeights(z, c, ENCODING_CHANNELS, k, width);
    }
}
