package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.UsedParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adam as the original trains the SMASH network with it (spec 5): L2 weight decay added to the gradient
 * (not decoupled), one decay for the HyperNet group and another for everything else, PyTorch's bias-corrected
 * update {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}.
 */
public final class Adam extends StatefulOptimizer {
    /**
     * Hyper-parameters; {@link #smash()} are the original's.
     *
     * @param epsHyperNet     eps of the HyperNet group (null, as in run.json files written before it existed: eps)
     * @param lrScaleHyperNet the HyperNet group's learning rate relative to the others (null: 1)
     */
    public record Settings(double beta1, double beta2, double eps, double weightDecayMain,
            double weightDecayHyperNet, Double epsHyperNet, Double lrScaleHyperNet) {
        public Settings {
            epsHyperNet = epsHyperNet == null ? eps : epsHyperNet;
            lrScaleHyperNet = lrScaleHyperNet == null ? 1.0 : lrScaleHyperNet;
            if (!(eps > 0) || !(epsHyperNet > 0) || !(lrScaleHyperNet > 0)) {
                throw new IllegalArgumentException("Adam eps and the HyperNet's learning-rate scale must be > 0");
            }
        }

        public Settings(double beta1, double beta2, double eps, double weightDecayMain, double weightDecayHyperNet) {
            this(beta1, beta2, eps, weightDecayMain, weightDecayHyperNet, null, null);
        }

        /**
         * The original's: betas (0.5, 0.999), eps 1e-4 (chosen for float16) for every parameter, weight decay 1e-4 on
         * non-HyperNet parameters and 0 on the HyperNet.
         */
        public static Settings smash() {
            return new Settings(0.5, 0.999, 1e-4, 1e-4, 0);
        }

        /** These settings with another HyperNet eps and learning-rate scale. */
        public Settings withHyperNet(double eps, double lrScale) {
            return new Settings(beta1, beta2, this.eps, weightDecayMain, weightDecayHyperNet, eps, lrScale);
        }
    }

    private final Settings settings;
    private UsedParts decayOnly;

    public Adam(Parameters params, Settings settings) {
        super(params, "m", "v");
        this.settings = settings;
    }

    /**
     * Restricts weight decay to the parts of the tensors that {@code used} records for the step being applied (the
     * last forward pass): L2 only on the parts the current architecture used (Bender et al. 2018), so that weights
     * few architectures use are not shrunk more than the others. Tensors it does not name get no decay; the
     * moments still move every element, as in any Adam step. Null (the default) decays everything.
     */
    public Adam optDecayOnly(UsedParts used) {
        this.decayOnly = used;
        return this;
    }

    /**
     * Fraction of the elements of {@code group}'s parameters whose last step was eps-limited, sqrt(v/bc2) < eps
     * of the group (see {@link ConditioningDiagnostics#epsLimitedFraction}); NaN before the first step.
     */
    public double epsLimitedFraction(Parameters.Group group) {
        List<float[]> v = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            for (String name : params.trainable().keySet()) {
                if (params.group(name) == group) {
                    v.add(state.slot("v", name).toType(DataType.FLOAT32, false).toFloatArray());
                }
            }
        }
        double eps = group == Parameters.Group.HYPERNET ? settings.epsHyperNet() : settings.eps();
        return ConditioningDiagnostics.epsLimitedFraction(v, state.steps, settings.beta2(), eps);
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
                boolean hyper = params.group(e.getKey()) == Parameters.Group.HYPERNET;
                double wd = hyper ? settings.weightDecayHyperNet() : settings.weightDecayMain();
                double eps = hyper ? settings.epsHyperNet() : settings.eps();
                double groupLr = hyper ? lr * settings.lrScaleHyperNet() : lr;
                NDArray decayed = wd == 0 ? null : decayed(e.getKey(), w);
                NDArray d = decayed == null ? g : g.add(decayed.mul(wd));
                NDArray m = state.slot("m", e.getKey());
                NDArray v = state.slot("v", e.getKey());
                m.muli(settings.beta1()).addi(d.mul(1 - settings.beta1()));
                v.muli(settings.beta2()).addi(d.square().muli(1 - settings.beta2()));
                NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(eps);
                w.subi(m.div(denom).muli(groupLr / bc1));
                Parameters.zeroGradient(w);
            }
        }
    }

    /** The part of w that takes weight decay this step: all of it, its used part (zeros elsewhere), or null: none. */
    private NDArray decayed(String name, NDArray w) {
        if (decayOnly == null || decayOnly.usedWhole(name)) {
            return w;
        }
        NDArray mask = decayOnly.mask(name, w);
        return mask == null ? null : w.mul(mask);
    }
}
