package org.smash4j.train;

import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.Annealing;

/**
 * SMASH (Brock et al. 2018): a HyperNet generates each sampled architecture's 1x1 weights from its encoding and a
 * noise draw; weight decay on every main tensor, none on the HyperNet; scores with the BN statistics of training.
 */
public final class HyperNetEvaluator implements OneShotEvaluator {
    public static final String NAME = "hypernet";
    static final HyperNetEvaluator INSTANCE = new HyperNetEvaluator();

    private HyperNetEvaluator() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OneShotNetwork newNetwork(OneShotRunConfig c) {
        return new OneShotNetwork(c.space(), c.hyperNet(), Placement.of(c.device()), c.seed(), c.positionChannels())
                .optRowMarking(c.rowMarking());
    }

    @Override
    public OneShotTask task(OneShotNetwork net, Adam adam, OneShotRunConfig c, long totalSteps,
            ImageDataset validation, Normalization normalization, Placement placement) {
        return new OneShotTask(net, adam, new Annealing(c.space(), totalSteps), c.seed(), validation, normalization,
                placement, c.evalBatch());
    }

    @Override
    public boolean scoresWithBatchStatistics() {
        return false;
    }
}
