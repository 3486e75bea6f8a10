package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.Loss;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.PathDropout;
import org.smash4j.nn.PathMask;
import org.smash4j.nn.Placement;
import org.smash4j.nn.UsedParts;
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
 *
 * <p>Weight sharing ({@link #optWeightSharing}) trains the same way with the network's stored 1x1 weights, drops
 * paths by the step's rate ({@link PathMask}, from the stream (seed, "path-dropout", step)) and records the parts the
 * step used, to which the optimiser then restricts weight decay.
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
    private PathDropout pathDropout;
    private long totalSteps;
    private UsedParts usedParts;

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

    /**
     * Makes this a weight-sharing task: path dropout by {@code dropout}'s schedule over {@code totalSteps} steps, and
     * the parts each step reads recorded into {@code used} (the optimiser's decay restriction reads them).
     */
    public OneShotTask optWeightSharing(PathDropout dropout, long totalSteps, UsedParts used) {
        this.pathDropout = dropout;
        this.totalSteps = totalSteps;
        this.usedParts = used;
        net.optUsedParts(used);
        return this;
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
        NDArray wg = net.weightsFor(arch, RandomStreams.of(seed, "noise", step));
        PathMask[] paths = pathDropout == null ? null : PathMask.draw(arch, net.config(),
                pathDropout.rateAt(step, totalSteps), RandomStreams.of(seed, "path-dropout", step));
        if (usedParts != null) {
            usedParts.clear(); // a recomputed step records afresh
        }
        NDArray logits = net.forward(images, arch, wg, true, paths);
        return new Forward(Loss.crossEntropy(logits, labels), logits);
    }

    @Override
    public Map<String, Object> stepInfo(long step) {
        AnnealingState s = annealing.at(step);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxKernel", s.maxKernel());
        m.put("maxBudget", s.maxBudget());
        if (pathDropout != null) {
            m.put("pathDropout", pathDropout.rateAt(step, totalSteps));
        }
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
        // The conditioning diagnostics probe the HyperNet; a weight-sharing network has none.
        Map<String, ?> diagnostics = net.storesWeights() ? Map.of() : ConditioningDiagnostics.compute(net, state,
                seed, ConditioningDiagnostics.DEFAULT_ARCHITECTURES, optimizer instanceof Adam adam ? adam : null,
                probe).toMap();
        if (validation == null || validation.size() == 0) {
            m.putAll(diagnostics);
            return m;
        }
        Evaluation.Result r = Evaluation.run(validation, normalization, evalBatch, placement, (i, x) -> {
            SplittableRandom rng = RandomStreams.of(seed, "validation-arch/" + epoch, i);
            Architecture arch = sampler.sample(state, rng);
            return net.forward(x, arch, net.weightsFor(arch, rng), false);
        });
        m.put("valLoss", r.loss());
        m.put("valError", r.error());
        m.put("valErrorKind", "mean over a random architecture per batch");
        m.putAll(diagnostics);
        return m;
    }
}
