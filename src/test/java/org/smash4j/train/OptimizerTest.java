package org.smash4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimisers against PyTorch's update rules written out in scalar arithmetic, on the loss
 * L = sum(c * w^2 / 2), whose gradient c*w is known in closed form.
 */
class OptimizerTest {
    private static final double[] W0 = {0.5, -1.5, 2.0};
    private static final double[] C = {1.0, 3.0, -0.5};

    private static Parameters params() {
        Parameters p = new Parameters(new Placement(Device.cpu(), DataType.FLOAT64));
        p.add("main", Parameters.Group.MAIN, new Shape(3), W0.clone());
        p.add("hyper", Parameters.Group.HYPERNET, new Shape(3), W0.clone());
        return p;
    }

    private static void backward(Parameters p) {
        try (NDScope s = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray c = p.manager().create(C);
            NDArray loss = p.get("main").square().mul(c).sum().div(2).add(p.get("hyper").square().mul(c).sum().div(2));
            gc.backward(loss);
        }
    }

    @Test
    void adamMatchesPyTorchRuleWithGroupWeightDecay() {
        checkAdam(new Adam.Settings(0.5, 0.999, 1e-4, 0.1, 0.0), 1e-4, 1.0);
    }

    @Test
    void adamGivesTheHyperNetItsOwnEpsAndLearningRate() {
        // eps 0.5 is of the size of these gradients, so a wrong eps in either group moves the weights visibly.
        checkAdam(new Adam.Settings(0.5, 0.999, 1e-4, 0.1, 0.0).withHyperNet(0.5, 3.0), 0.5, 3.0);
    }

    private static void checkAdam(Adam.Settings s, double hyperEps, double hyperLrScale) {
        double[] lrs = {0.1, 0.05, 0.02};
        try (Parameters p = params(); Adam adam = new Adam(p, s)) {
            double[][] w = {W0.clone(), W0.clone()};
            double[][] m = new double[2][3];
            double[][] v = new double[2][3];
            for (int t = 1; t <= lrs.length; t++) {
                backward(p);
                adam.step(lrs[t - 1]);
                for (int grp = 0; grp < 2; grp++) {
                    double wd = grp == 0 ? 0.1 : 0.0;
                    double eps = grp == 0 ? 1e-4 : hyperEps;
                    double lr = grp == 0 ? lrs[t - 1] : lrs[t - 1] * hyperLrScale;
                    for (int i = 0; i < 3; i++) {
                        double g = C[i] * w[grp][i] + wd * w[grp][i];
                        m[grp][i] = 0.5 * m[grp][i] + 0.5 * g;
                        v[grp][i] = 0.999 * v[grp][i] + 0.001 * g * g;
                        double bc1 = 1 - Math.pow(0.5, t);
                        double bc2 = 1 - Math.pow(0.999, t);
                        w[grp][i] -= lr / bc1 * m[grp][i] / (Math.sqrt(v[grp][i]) / Math.sqrt(bc2) + eps);
                    }
                }
                assertArrayEquals(w[0], p.get("main").toDoubleArray(), 1e-12, "main after step " + t);
                assertArrayEquals(w[1], p.get("hyper").toDoubleArray(), 1e-12, "hyper after step " + t);
                assertArrayEquals(new double[3], p.get("main").getGradient().toDoubleArray(), 0, "grads zeroed");
            }
            assertEquals(3, adam.steps());
        }
    }

    /**
     * L2 on used parts only (weight sharing): each step decays exactly the elements that step's record names, here
     * elements 0-1 of "main" at step 1, elements 1-2 at step 2 and nothing at step 3, while "idle", never recorded
     * and outside the loss, stays exactly where it is (no gradient, no decay, so Adam's update is 0).
     */
    @Test
    void adamDecaysOnlyTheRecordedParts() {
        double[] lrs = {0.1, 0.05, 0.02};
        ai.djl.ndarray.index.NDIndex[] used = {new ai.djl.ndarray.index.NDIndex("0:2"),
                new ai.djl.ndarray.index.NDIndex("1:3"), null};
        try (Parameters p = params()) {
            p.add("idle", Parameters.Group.MAIN, new Shape(3), W0.clone());
            org.smash4j.nn.UsedParts parts = new org.smash4j.nn.UsedParts();
            try (Adam adam = new Adam(p, new Adam.Settings(0.5, 0.999, 1e-4, 0.1, 0.0)).optDecayOnly(parts)) {
                double[] w = W0.clone();
                double[] m = new double[3];
                double[] v = new double[3];
                for (int t = 1; t <= lrs.length; t++) {
                    parts.clear();
                    if (used[t - 1] != null) {
                        parts.record("main", used[t - 1]);
                    }
                    backward(p);
                    adam.step(lrs[t - 1]);
                    for (int i = 0; i < 3; i++) {
                        boolean decayed = t == 1 ? i < 2 : t == 2 && i >= 1;
                        double g = C[i] * w[i] + (decayed ? 0.1 * w[i] : 0);
                        m[i] = 0.5 * m[i] + 0.5 * g;
                        v[i] = 0.999 * v[i] + 0.001 * g * g;
                        w[i] -= lrs[t - 1] / (1 - Math.pow(0.5, t)) * m[i]
                                / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-4);
                    }
                    assertArrayEquals(w, p.get("main").toDoubleArray(), 1e-12, "main after step " + t);
                    assertArrayEquals(W0, p.get("idle").toDoubleArray(), 0, "idle after step " + t);
                }
            }
        }
    }

    @Test
    void nesterovMatchesPyTorchRule() {
        double[] lrs = {0.1, 0.05, 0.02};
        try (Parameters p = params(); NesterovSgd sgd = new NesterovSgd(p, 0.9, 0.01)) {
            double[] w = W0.clone();
            double[] buf = new double[3];
            for (double lr : lrs) {
                backward(p);
                sgd.step(lr);
                for (int i = 0; i < 3; i++) {
                    double d = C[i] * w[i] + 0.01 * w[i];
                    buf[i] = 0.9 * buf[i] + d;
                    w[i] -= lr * (d + 0.9 * buf[i]);
                }
                assertArrayEquals(w, p.get("main").toDoubleArray(), 1e-12);
            }
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() throws Exception {
        try (Parameters a = params(); Adam adamA = new Adam(a, Adam.Settings.smash());
                Parameters b = params(); Adam adamB = new Adam(b, Adam.Settings.smash())) {
            backward(a);
            adamA.step(0.1);
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            a.write(weights);
            adamA.write(state);
            b.read(new ByteArrayInputStream(weights.toByteArray()));
            adamB.read(new ByteArrayInputStream(state.toByteArray()));
            backward(a);
            adamA.step(0.05);
            backward(b);
            adamB.step(0.05);
            assertArrayEquals(a.get("main").toDoubleArray(), b.get("main").toDoubleArray(), 0);
            assertArrayEquals(a.get("hyper").toDoubleArray(), b.get("hyper").toDoubleArray(), 0);
            assertEquals(2, adamB.steps());
        }
    }
}
