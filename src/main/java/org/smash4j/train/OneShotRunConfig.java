package org.smash4j.train;

import org.smash4j.encoding.RowMarking;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.SearchSpaceConfig;

/**
 * Everything a one-shot training run depends on, fully resolved and stored in run.json so that {@code --resume}
 * rebuilds the same run.
 *
 * @param rowMarking which rows of an op's slices c marks (null, as in run.json files written before it existed:
 *                   {@link RowMarking#USED_UNITS}, what those runs used)
 * @param positionChannels whether the HyperNet also reads {@link org.smash4j.nn.PositionChannels} (null: no)
 */
public record OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
        int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
        int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss, RowMarking rowMarking,
        Boolean positionChannels) {
    public OneShotRunConfig {
        rowMarking = rowMarking == null ? RowMarking.USED_UNITS : rowMarking;
        positionChannels = positionChannels != null && positionChannels;
    }

    public OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
            int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
            int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss) {
        this(preset, space, hyperNet, data, epochs, batchSize, learningRate, adam, seed, device, checkpointEvery,
                metricsEvery, evalBatch, maxLoss, null, null);
    }

    /** A freshly initialised network of this run (weights from the seed), reading c as this run does. */
    public OneShotNetwork newNetwork() {
        return new OneShotNetwork(space, hyperNet, Placement.of(device), seed, positionChannels)
                .optRowMarking(rowMarking);
    }

    /** This configuration with other one-shot settings (the HyperNet's Adam settings and the row marking). */
    public OneShotRunConfig with(OneShotSettings s) {
        return new OneShotRunConfig(preset, space, hyperNet, data, epochs, batchSize, learningRate,
                adam.withHyperNet(s.epsHyperNet(), s.lrScaleHyperNet()), seed, device, checkpointEvery, metricsEvery,
                evalBatch, maxLoss, s.rowMarking(), s.positionChannels());
    }
}
