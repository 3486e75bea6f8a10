package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.Noise;
import org.smash4j.nn.Loss;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.space.Annealing;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Sampler;
import org.smash4j.util.RandomStreams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One-shot SMASH training (spec 5): every step samples a fresh architecture at the current annealing state
 * and a fresh noise z, generates its 1x1 weights with the HyperNet and trains everything end to end. Both draws
 * come from streams keyed by the step, so a resumed run samples exactly what an uninterrupted one would.
 */
public final class OneShotTask implements TrainingTask {
    private final OneShotNetwork net;
    private final Optimizer optimizer;
    private final Sampler sampler;
    private final Annealing annealing;
    private final long seed;
    private final ImageDataset validation;
    private final Normalization normalization;
    private final Placement placement;
    private final int evalBatch;
    private final ConditioningDiagnostics.Probe probe;

    public OneShotTask(OneShotNetwork net, Optimizer optimizer, Annealing annealing, long seed,
            ImageDataset validation, Normalization normalization, Placement placement, int evalBatch) {
        this.net = net;
        this.optimizer = optimizer;
        this.sampler = new Sampler(net.config());
        this.annealing = annealing;
        this.seed = seed;
        this.validation = validation;
        this.normalization = normalization;
        this.placement = placement;
        this.evalBatch = evalBatch;
        this.probe = ConditioningDiagnostics.Probe.of(validation, normalization,
                ConditioningDiagnostics.PROBE_IMAGES);
    }

    /** The architecture trained at step {@code step}. */
    public static Architecture architectureAt(Sampler sampler, Annealing annealing, long seed, long step) {
        return sampler.sample(annealing.at(step), RandomStreams.of(seed, "arch", step));
    }

    @Override
    public Parameters parameters() {
        return net.parameters();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public Forward forward(long step, NDArray images, NDArray labels) {
        Architecture arch = architectureAt(sampler, annealing, seed, step);
        NDArray logits = net.forward(images, arch, weights(arch, RandomStreams.of(seed, "noise", step)), true);
        return new Forward(Loss.crossEntropy(logits, labels), logits);
    }

    private NDArray weights(Architecture arch, SplittableRandom noiseRng) {
        Encoding c = net.encode(arch);
        return net.generateWeights(c, Noise.draw(c.height(), c.width(), noiseRng));
    }

    @Override
    public Map<String, Object> stepInfo(long step) {
        AnnealingState s = annealing.at(step);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxKernel", s.maxKernel());
        m.put("maxBudget", s.maxBudget());
        return m;
    }

    /**
     * Validation error with a freshly sampled architecture and noise for every batch, as the original reports it:
     * an average over random architectures, not the error of any one of them; then the conditioning diagnostics
     * (their own streams, so they change nothing of the training).
     */
    @Override
    public Map<String, Object> endOfEpoch(int epoch, long step) {
        Map<String, Object> m = new LinkedHashMap<>();
        AnnealingState state = annealing.at(step - 1);
        ConditioningDiagnostics d = ConditioningDiagnostics.compute(net, state, seed,
                ConditioningDiagnostics.DEFAULT_ARCHITECTURES, optimizer instanceof Adam adam ? adam : null, probe);
        if (validation == null || validation.size() == 0) {
            m.putAll(d.toMap());
            return m;
        }
        Evaluation.Result r = Evaluation.run(validation, normalization, evalBatch, placement, (i, x) -> {
            SplittableRandom rng = RandomStreams.of(seed, "validation-arch/" + epoch, i);
            Architecture arch = sampler.sample(state, rng);
            return net.forward(x, arch, weights(arch, rng), false);
        });
        m.put("valLoss", r.loss());
        m.put("valError", r.error());
        m.put("valErrorKind", "mean over a random architecture per batch");
        m.putAll(d.toMap());
        return m;
    }
}
