package org.smash4j.train;

import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;

import java.util.List;
import java.util.Locale;

/**
 * A one-shot evaluator: one network trained once for the whole search space, which then scores any architecture
 * of the space without training it. Two implement it: {@link HyperNetEvaluator} (SMASH: a HyperNet generates each
 * architecture's 1x1 weights) and {@link WeightSharingEvaluator} (Bender et al. 2018: the 1x1 weights are stored
 * and shared, trained with path dropout and L2 on used parts). Both train through {@link TrainingLoop} (same data,
 * schedule, seed streams, checkpoints and bit-identical resume), keep their network in one {@link OneShotNetwork}
 * whose source of 1x1 weights is the only difference ({@link OneShotNetwork#weightsFor}), and score through the same
 * {@code SmashScorer}; the run's config names the evaluator, so search, pipeline and experiments only open runs.
 */
public interface OneShotEvaluator {
    List<String> NAMES = List.of(HyperNetEvaluator.NAME, WeightSharingEvaluator.NAME);

    /** The name recorded in run.json and given on the command line. */
    String name();

    /** A freshly initialised network of run {@code c} (weights from its seed). */
    OneShotNetwork newNetwork(OneShotRunConfig c);

    /**
     * The training step of run {@code c} for {@code totalSteps} steps with optimiser {@code adam} (which it may
     * configure: weight sharing restricts weight decay to used parts).
     */
    OneShotTask task(OneShotNetwork net, Adam adam, OneShotRunConfig c, long totalSteps, ImageDataset validation,
            Normalization normalization, Placement placement);

    /** Whether scores use each batch's own BN statistics unless a scorer setting says otherwise. */
    boolean scoresWithBatchStatistics();

    /** The evaluator named {@code name} (null: the HyperNet, as runs recorded before weight sharing existed). */
    static OneShotEvaluator of(String name) {
        String n = name == null ? HyperNetEvaluator.NAME : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case HyperNetEvaluator.NAME -> HyperNetEvaluator.INSTANCE;
            case WeightSharingEvaluator.NAME -> WeightSharingEvaluator.INSTANCE;
            default -> throw new IllegalArgumentException("unknown evaluator '" + name + "'; use " + NAMES);
        };
    }

    /** The evaluator whose network {@code net} is. */
    static OneShotEvaluator of(OneShotNetwork net) {
        return net.storesWeights() ? WeightSharingEvaluator.INSTANCE : HyperNetEvaluator.INSTANCE;
    }
}
