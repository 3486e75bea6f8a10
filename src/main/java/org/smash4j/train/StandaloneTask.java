package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.nn.Loss;
import org.smash4j.nn.Parameters;
import org.smash4j.nn.Placement;
import org.smash4j.nn.StandaloneNetwork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training one architecture from scratch (spec 7). The validation error is the one used for any decision;
 * the test error is reported per epoch (never used to select anything).
 */
public final class StandaloneTask implements TrainingTask {
    private final StandaloneNetwork net;
    private final Optimizer optimizer;
    private final ImageDataset validation;
    private final ImageDataset test;
    private final Normalization normalization;
    private final Placement placement;
    private final int evalBatch;

    public StandaloneTask(StandaloneNetwork net, Optimizer optimizer, ImageDataset validation, ImageDataset test,
            Normalization normalization, Placement placement, int evalBatch) {
        this.net = net;
        this.optimizer = optimizer;
        this.validation = validation;
        this.test = test;
        this.normalization = normalization;
        this.placement = placement;
        this.evalBatch = evalBatch;
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
        NDArray logits = net.forward(images, true);
        return new Forward(Loss.crossEntropy(logits, labels), logits);
    }

    @Override
    public Map<String, Object> stepInfo(long step) {
        return Map.of();
    }

    @Override
    public Map<String, Object> endOfEpoch(int epoch, long step) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (validation != null && validation.size() > 0) {
            Evaluation.Result v = Evaluation.run(validation, normalization, evalBatch, placement,
                    (i, x) -> net.forward(x, false));
            m.put("valLoss", v.loss());
            m.put("valError", v.error());
        }
        if (test != null && test.size() > 0) {
            Evaluation.Result t = Evaluation.run(test, normalization, evalBatch, placement,
                    (i, x) -> net.forward(x, false));
            m.put("testLoss", t.loss());
            m.put("testError", t.error());
            if (t.hasTop5()) {
                m.put("testTop5Error", t.top5Error());
            }
        }
        return m;
    }
}
