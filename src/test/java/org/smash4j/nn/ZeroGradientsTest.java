package org.smash4j.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Gradients zeroed for real: after a backward pass leaves [1, NaN, Inf] in a gradient buffer, zeroing gives
 * [0, 0, 0] (the former {@code g.subi(g)} gave [0, NaN, NaN]), and the next backward accumulates onto zeros.
 */
class ZeroGradientsTest {
    private static void backward(Parameters p, double[] upstream) {
        try (NDScope s = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(p.get("w").mul(p.manager().create(upstream)).sum());
        }
    }

    private static double[] gradient(Parameters p) {
        try (NDArray g = p.get("w").getGradient()) {
            return g.toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    @Test
    void nonFiniteGradientsBecomeZeroAndTheNextBackwardIsClean() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            try (Parameters p = new Parameters(new Placement(Device.cpu(), type))) {
                p.add("w", Parameters.Group.MAIN, new Shape(3), new double[] {0.5, -1, 2});
                backward(p, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY});
                double[] poisoned = gradient(p);
                assertArrayEquals(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY}, poisoned, 0);
                p.zeroGradients();
                assertArrayEquals(new double[] {0, 0, 0}, gradient(p), 0, type + ": zeroed gradient");
                backward(p, new double[] {2, 3, -4});
                assertArrayEquals(new double[] {2, 3, -4}, gradient(p), 0, type + ": recomputed gradient");
            }
        }
    }
}
