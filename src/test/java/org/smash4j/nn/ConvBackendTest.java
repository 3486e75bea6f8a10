package org.smash4j.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float32 conv gradients against float64 ones (which take libtorch's reference path, not oneDNN). On an AMD
 * EPYC, libtorch 2.7.1's bundled oneDNN returns NaN or wrong input gradients with its AVX-512 kernels for the
 * main network's convs, and wrong ones (20-40% off) with its AVX2 kernels for the HyperNet's batch-1 convs with
 * many channels. Running with DNNL_MAX_CPU_ISA=AVX (set by ./smash, the Maven build and CI) avoids both.
 */
class ConvBackendTest {
    @Test
    void float32ConvGradientsMatchFloat64() {
        int[][] configs = {{3, 3, 1, 1, 1}, {5, 5, 1, 1, 1}, {3, 3, 1, 2, 1}, {5, 3, 2, 1, 1}, {3, 5, 1, 2, 2}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] k : configs) {
                for (int res : new int[] {28, 14, 7}) {
                    for (int cin : new int[] {8, 16}) {
                        NDArray x = m.randomNormal(new Shape(50, cin, res, res));
                        NDArray w = m.randomNormal(new Shape(8, cin / k[4], k[0], k[1])).div(10);
                        double[] g32 = inputGradient(x, w, k);
                        double[] g64 = inputGradient(x.toType(DataType.FLOAT64, false),
                                w.toType(DataType.FLOAT64, false), k);
                        // Normwise relative error; a single NaN makes it NaN, which fails the check.
                        double worst = relativeError(g32, g64);
                        assertTrue(worst < 1e-5, String.format("conv %dx%d dilation %dx%d groups %d at %dx%d with %d "
                                + "channels: float32 input gradient is off by %.3g relative (NaN: some gradients are NaN); run "
                                + "with DNNL_MAX_CPU_ISA=AVX", k[0], k[1], k[2], k[3], k[4], res, res, cin, worst));
                    }
                }
            }
        }
    }

    @Test
    void float32HyperNetShapedConvGradientsMatchFloat64() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] shape : new int[][] {{2, 65, 190, 10}, {4, 40, 134, 10}, {4, 40, 190, 45}, {8, 30, 99, 10}}) {
                NDArray x = m.randomNormal(new Shape(1, shape[2], shape[0], shape[1]));
                NDArray w = m.randomNormal(new Shape(shape[3], shape[2], 3, 3)).div(10);
                int[] k = {3, 3, 1, 1, 1};
                double err = relativeError(inputGradient(x, w, k), inputGradient(x.toType(DataType.FLOAT64, false),
                        w.toType(DataType.FLOAT64, false), k));
                assertTrue(err < 1e-5, String.format("batch-1 conv 3x3 %d -> %d channels on %dx%d: float32 input "
                        + "gradient is off by %.3g relative; run with DNNL_MAX_CPU_ISA=AVX", shape[2], shape[3],
                        shape[0], shape[1], err));
            }
        }
    }

    private static double relativeError(double[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < actual.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    private static double[] inputGradient(NDArray x0, NDArray w, int[] k) {
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        try (NDScope s = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(Layers.conv(Layers.relu(x), w, k[2], k[3], k[4]).sum());
        }
        return x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
    }
}
