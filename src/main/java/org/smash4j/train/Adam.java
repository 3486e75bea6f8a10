package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.smash4j.nn.Parameters;

import java.util.Map;

/**
 * Adam as the original trains the SMASH network with it (spec 5): L2 weight decay added to the gradient
 * (not decoupled), one decay for the HyperNet group and another for everything else, PyTorch's bias-corrected
 * update {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}.
 */
public final class Adam extends StatefulOptimizer {
    /** Hyper-parameters; {@link #smash()} are the original's. */
    public record Settings(double beta1, double beta2, double eps, double weightDecayMain,
            double weightDecayHyperNet) {
        /** betas (0.5, 0.999), eps 1e-4, weight decay 1e-4 on non-HyperNet parameters and 0 on the HyperNet. */
        public static Settings smash() {
            return new Settings(0.5, 0.999, 1e-4, 1e-4, 0);
        }
    }

    private final Settings settings;

    public Adam(Parameters params, Settings settings) {
        super(params, "m", "v");
        this.settings = settings;
    }

    @Override
    public void step(double lr) {
        state.steps++;
        double bc1 = 1 - Math.pow(settings.beta1(), state.steps);
        double bc2 = 1 - Math.pow(settings.beta2(), state.steps);
        try (NDScope scope = new NDScope()) {
            for (Map.Entry<String, NDArray> e : params.trainable().entrySet()) {
                NDArray w = e.getValue();
                NDArray g = w.getGradient();
                double wd = params.group(e.getKey()) == Parameters.Group.HYPERNET ? settings.weightDecayHyperNet()
                        : settings.weightDecayMain();
                NDArray d = wd == 0 ? g : g.add(w.mul(wd));
                NDArray m = state.slot("m", e.getKey());
                NDArray v = state.slot("v", e.getKey());
                m.muli(settings.beta1()).addi(d.mul(1 - settings.beta1()));
                v.muli(settings.beta2()).addi(d.square().muli(1 - settings.beta2()));
                NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(settings.eps());
                w.subi(m.div(denom).muli(lr / bc1));
                Parameters.zeroGradient(w);
            }
        }
    }
}
