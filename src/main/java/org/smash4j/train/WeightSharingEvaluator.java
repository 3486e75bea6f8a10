package org.smash4j.train;

import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.nn.UsedParts;
import org.smash4j.space.Annealing;

/**
 * Weight sharing (Bender et al., ICML 2018, "Understanding and Simplifying One-Shot Architecture Search"): one
 * network whose weights every architecture of the space shares, the 1x1 weights stored instead of generated. Each
 * step trains the sampled architecture (same sampler, annealing, data and seed streams as SMASH) with scheduled
 * path dropout ({@link org.smash4j.nn.PathDropout}) and L2 regularisation on the parts it used only; scores use
 * each batch's own BN statistics, as the paper evaluates sub-architectures.
 */
public final class WeightSharingEvaluator implements OneShotEvaluator {
    public static final String NAME = "weight-sharing";
    static final WeightSharingEvaluator INSTANCE = new WeightSharingEvaluator();

    private WeightSharingEvaluator() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OneShotNetwork newNetwork(OneShotRunConfig c) {
        return OneShotNetwork.weightSharing(c.space(), Placement.of(c.device()), c.seed())
                .optRowMarking(c.rowMarking());
    }

    @Override
    public OneShotTask task(OneShotNetwork net, Adam adam, OneShotRunConfig c, long totalSteps,
            ImageDataset validation, Normalization normalization, Placement placement) {
        UsedParts used = new UsedParts();
        adam.optDecayOnly(used);
        return new OneShotTask(net, adam, new Annealing(c.space(), totalSteps), c.seed(), validation, normalization,
                placement, c.evalBatch()).optWeightSharing(c.pathDropout(), totalSteps, used);
    }

    @Override
    public boolean scoresWithBatchStatistics() {
        return true;
    }
}
