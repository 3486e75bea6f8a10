package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.smash4j.nn.Parameters;

import java.util.Map;

/**
 * SGD with Nesterov momentum and L2 weight decay on every parameter, as PyTorch computes it (the PyTorch
 * engine of DJL has none): {@code d = g + wd*w; buf = m*buf + d; w -= lr * (d + m*buf)}. The original trains
 * stand-alone networks with momentum 0.9 and weight decay 1e-4 (spec 7).
 */
public final class NesterovSgd extends StatefulOptimizer {
    private final double momentum;
    private final double weightDecay;

    public NesterovSgd(Parameters params, double momentum, double weightDecay) {
        super(params, "buf");
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(double lr) {
        state.steps++;
        try (NDScope scope = new NDScope()) {
            for (Map.Entry<String, NDArray> e : params.trainable().entrySet()) {
                NDArray w = e.getValue();
                NDArray g = w.getGradient();
                NDArray d = weightDecay == 0 ? g : g.add(w.mul(weightDecay));
                NDArray buf = state.slot("buf", e.getKey());
                buf.muli(momentum).addi(d);
                w.subi(d.add(buf.mul(momentum)).muli(lr));
                Parameters.zeroGradient(w);
            }
        }
    }
}
