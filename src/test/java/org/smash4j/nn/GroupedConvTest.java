package org.smash4j.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Grouped convs run as dense convs with a block-diagonal weight: same output and same gradients for the input and
 * the grouped weight as libtorch's own grouped conv, in float64 (where both take ATen's reference path).
 */
class GroupedConvTest {
    private static NDArray gaussian(NDManager m, Shape s, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return m.create(v, s);
    }

    private static double[][] run(int in, int out, int groups, int kh, int kw, int dh, int dw, boolean dense) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = gaussian(m, new Shape(3, in, 9, 8), 1);
            NDArray w = gaussian(m, new Shape(out, in / groups, kh, kw), 2);
            NDArray g = gaussian(m, new Shape(3, out, 9, 8), 3);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            double[] y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray o = dense ? Layers.conv(x, w, dh, dw, groups)
                        : Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape((kh - 1) * dh / 2, (kw - 1) * dw / 2),
                                new Shape(dh, dw), groups).singletonOrThrow();
                gc.backward(o.mul(g).sum());
                y = o.toDoubleArray();
            }
            return new double[][] {y, x.getGradient().toDoubleArray(), w.getGradient().toDoubleArray()};
        }
    }

    @Test
    void blockDiagonalDenseConvEqualsTheGroupedConv() {
        int[][] cases = {{8, 8, 2, 3, 3, 1, 1}, {16, 8, 4, 5, 3, 2, 1}, {12, 24, 4, 3, 7, 1, 3}, {8, 16, 8, 3, 3, 1, 1}};
        for (int[] c : cases) {
            double[][] dense = run(c[0], c[1], c[2], c[3], c[4], c[5], c[6], true);
            double[][] grouped = run(c[0], c[1], c[2], c[3], c[4], c[5], c[6], false);
            String what = java.util.Arrays.toString(c);
            assertEquals(grouped[2].length, dense[2].length, "the gradient has the grouped weight's shape");
            assertArrayEquals(grouped[0], dense[0], 1e-10, what + ": output");
            assertArrayEquals(grouped[1], dense[1], 1e-10, what + ": input gradient");
            assertArrayEquals(grouped[2], dense[2], 1e-10, what + ": weight gradient");
        }
    }

    /** The same on voxel grids: a kh x kh x kw window, dilation (dh, dh, dw), against libtorch's grouped conv3d. */
    @Test
    void blockDiagonalDenseConvEqualsTheGroupedConvIn3d() {
        int[][] cases = {{8, 8, 2, 3, 3, 1, 1}, {16, 8, 4, 5, 3, 2, 1}, {8, 16, 8, 3, 5, 1, 2}};
        for (int[] c : cases) {
            double[][] dense = run3d(c[0], c[1], c[2], c[3], c[4], c[5], c[6], true);
            double[][] grouped = run3d(c[0], c[1], c[2], c[3], c[4], c[5], c[6], false);
            String what = java.util.Arrays.toString(c);
            assertEquals(2L * c[1] * 7 * 7 * 6, dense[0].length, what + ": the conv keeps the grid's size");
            assertArrayEquals(grouped[0], dense[0], 1e-10, what + ": output");
            assertArrayEquals(grouped[1], dense[1], 1e-10, what + ": input gradient");
            assertArrayEquals(grouped[2], dense[2], 1e-10, what + ": weight gradient");
        }
    }

    private static double[][] run3d(int in, int out, int groups, int kh, int kw, int dh, int dw, boolean dense) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = gaussian(m, new Shape(2, in, 7, 7, 6), 1);
            NDArray w = gaussian(m, Layers.convShape(3, out, in / groups, kh, kw), 2);
            NDArray g = gaussian(m, new Shape(2, out, 7, 7, 6), 3);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            double[] y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray o = dense ? Layers.conv(x, w, dh, dw, groups)
                        : Conv3d.conv3d(x, w, null, new Shape(1, 1, 1), new Shape((kh - 1) * dh / 2,
                                (kh - 1) * dh / 2, (kw - 1) * dw / 2), new Shape(dh, dh, dw), groups)
                                .singletonOrThrow();
                gc.backward(o.mul(g).sum());
                y = o.toDoubleArray();
            }
            return new double[][] {y, x.getGradient().toDoubleArray(), w.getGradient().toDoubleArray()};
        }
    }

    @Test
    void theMaskKeepsEachFilterInItsGroup() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.ones(new Shape(4, 1, 1, 1), DataType.FLOAT64);
            double[] d = Layers.blockDiagonal(w, 2).toDoubleArray(); // out 4, in 2: filters 0,1 see input 0
            assertArrayEquals(new double[] {1, 0, 1, 0, 0, 1, 0, 1}, d, 0);
        }
    }
}
