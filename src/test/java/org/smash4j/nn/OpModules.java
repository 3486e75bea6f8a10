package org.smash4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.smash4j.space.Op;

/**
 * Hand-built op modules for the executor tests (spec section 10), one per op with fixed random float64 weights:
 * out = conv_window(relu(relu(conv1x1(x)))), in 2-D (images) or 3-D (voxel grids).
 */
final class OpModules implements MemoryBankExecutor.OpBody {
    private final List<NDArray[]> weights = new ArrayList<>();

    /**
     * @param n      the bank unit N in channels
     * @param dims   spatial dimensions, 2 or 3
     * @param kh     the second conv's kernel height (in 3-D also its depth)
     * @param kw     its kernel width
     */
    OpModules(NDManager manager, List<Op> ops, int bankSize, int n, int dims, long kh, long kw, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Op op : ops) {
            int in = op.reads().size() * bankSize * n;
            int mid = Math.min(4 * op.width() * n, in);
            int out = op.width() * n;
            weights.add(new NDArray[] {gaussian(manager, Layers.convShape(dims, mid, in, 1, 1), rng),
                    gaussian(manager, Layers.convShape(dims, out, mid, kh, kw), rng)});
        }
    }

    /** The module of op t applied to x. */
    NDArray f(int t, NDArray x) {
        NDArray[] w = weights.get(t);
        return Layers.conv(Layers.relu(Layers.relu(Layers.conv(x, w[0]))), w[1]);
    }

    @Override
    public NDArray apply(int opIndex, Op op, NDArray input) {
        return f(opIndex, input);
    }

    /** A float64 tensor of N(0, 0.2^2) draws. */
    static NDArray gaussian(NDManager manager, Shape s, SplittableRandom rng) {
        double[] v = new double[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian() * 0.2;
        }
        return manager.create(v, s).toType(DataType.FLOAT64, false);
    }

    static void assertClose(NDArray expected, NDArray actual) {
        assertEquals(expected.getShape(), actual.getShape());
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 1e-10);
    }
}
