package org.smash4j.train;

import org.smash4j.encoding.RowMarking;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.PathDropout;
import org.smash4j.space.SearchSpaceConfig;

/**
 * Everything a one-shot training run depends on, fully resolved and stored in run.json so that {@code --resume}
 * rebuilds the same run.
 *
 * @param hyperNet   the HyperNet's shape (unused by weight sharing)
 * @param rowMarking which rows of an op's slices c marks (null, as in run.json files written before it existed:
 *                   {@link RowMarking#USED_UNITS}, what those runs used)
 * @param positionChannels whether the HyperNet also reads {@link org.smash4j.nn.PositionChannels} (null: no)
 * @param evaluator  {@link OneShotEvaluator#name()}: {@code hypernet} (SMASH) or {@code weight-sharing} (Bender et
 *                   al.); null, as in run.json files written before it existed: hypernet
 * @param pathDropout the path-dropout schedule of weight sharing (null: {@link PathDropout#standard()} for weight
 *                   sharing; a HyperNet run has none)
 */
public record OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
        int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
        int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss, RowMarking rowMarking,
        Boolean positionChannels, String evaluator, PathDropout pathDropout) {
    public OneShotRunConfig {
        TrainingLoop.Settings.check(epochs, batchSize, learningRate, evalBatch, checkpointEvery, metricsEvery, maxLoss,
                device);
        rowMarking = rowMarking == null ? RowMarking.USED_UNITS : rowMarking;
        positionChannels = positionChannels != null && positionChannels;
        evaluator = OneShotEvaluator.of(evaluator).name();
        boolean sharing = evaluator.equals(WeightSharingEvaluator.NAME);
        if (sharing) {
            pathDropout = pathDropout == null ? PathDropout.standard() : pathDropout;
            if (positionChannels) {
                throw new IllegalArgumentException("position channels are a HyperNet input; weight sharing has none");
            }
        } else if (pathDropout != null) {
            throw new IllegalArgumentException("path dropout is a setting of weight sharing, not of the HyperNet");
        }
    }

    public OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
            int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
            int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss, RowMarking rowMarking,
            Boolean positionChannels) {
        this(preset, space, hyperNet, data, epochs, batchSize, learningRate, adam, seed, device, checkpointEvery,
                metricsEvery, evalBatch, maxLoss, rowMarking, positionChannels, null, null);
    }

    public OneShotRunConfig(String preset, SearchSpaceConfig space, HyperNetShape hyperNet, DataSpec data,
            int epochs, int batchSize, double learningRate, Adam.Settings adam, long seed, String device,
            int checkpointEvery, int metricsEvery, int evalBatch, double maxLoss) {
        this(preset, space, hyperNet, data, epochs, batchSize, learningRate, adam, seed, device, checkpointEvery,
                metricsEvery, evalBatch, maxLoss, null, null);
    }

    /**
     * Given batch size and learning rate, the spec's Adam settings, evaluation batch and loss limit
     * ({@link SpecDefaults}), the HyperNet evaluator and the default one-shot settings.
     */
    public static OneShotRunConfig withSpecOptimizer(String preset, SearchSpaceConfig space, HyperNetShape hyperNet,
            DataSpec data, int epochs, int batchSize, double learningRate, long seed, String device,
            int checkpointEvery, int metricsEvery) {
        return new OneShotRunConfig(preset, space, hyperNet, data, epochs, batchSize, learningRate,
                Adam.Settings.smash(), seed, device, checkpointEvery, metricsEvery, SpecDefaults.EVAL_BATCH,
                SpecDefaults.MAX_LOSS);
    }

    /** {@link #withSpecOptimizer} with the spec's batch size and learning rate. */
    public static OneShotRunConfig standard(String preset, SearchSpaceConfig space, HyperNetShape hyperNet,
            DataSpec data, int epochs, long seed, String device, int checkpointEvery, int metricsEvery) {
        return withSpecOptimizer(preset, space, hyperNet, data, epochs, SpecDefaults.BATCH, SpecDefaults.ONE_SHOT_LR,
                seed, device, checkpointEvery, metricsEvery);
    }

    /** The evaluator this run trains. */
    public OneShotEvaluator evaluatorImpl() {
        return OneShotEvaluator.of(evaluator);
    }

    /** A freshly initialised network of this run (weights from the seed), reading c as this run does. */
    public OneShotNetwork newNetwork() {
        return evaluatorImpl().newNetwork(this);
    }

    /** This configuration with other one-shot settings (the HyperNet's Adam settings and the row marking). */
    public OneShotRunConfig with(OneShotSettings s) {
        return new OneShotRunConfig(preset, space, hyperNet, data, epochs, batchSize, learningRate,
                adam.withHyperNet(s.epsHyperNet(), s.lrScaleHyperNet()), seed, device, checkpointEvery, metricsEvery,
                evalBatch, maxLoss, s.rowMarking(), s.positionChannels(), evaluator, pathDropout);
    }

    /**
     * This configuration trained by another evaluator ({@link OneShotEvaluator#NAMES}), with a path-dropout schedule
     * for weight sharing (null: the default; must be null for the HyperNet).
     */
    public OneShotRunConfig withEvaluator(String name, PathDropout dropout) {
        return new OneShotRunConfig(preset, space, hyperNet, data, epochs, batchSize, learningRate, adam, seed, device,
                checkpointEvery, metricsEvery, evalBatch, maxLoss, rowMarking, positionChannels, name, dropout);
    }

    /** A short label for tables: the evaluator, and for weight sharing its path dropout. */
    public String label() {
        return pathDropout == null ? evaluator : evaluator + ", " + pathDropout.describe();
    }
}
