package org.smash4j.nn;

import ai.djl.ndarray.NDArray;

/** Classification loss and error counting on logits. */
public final class Loss {
    private Loss() {
    }

    /** Mean negative log-likelihood of the labels under log-softmax(logits) (the original's NLL on log-softmax). */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        NDArray oneHot = labels.oneHot((int) logits.getShape().get(1)).toType(logp.getDataType(), false);
        return logp.mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** Number of wrong top-1 predictions. */
    public static long errors(NDArray logits, NDArray labels) {
        NDArray pred = logits.argMax(1).toType(labels.getDataType(), false);
        return pred.neq(labels).sum().toType(ai.djl.ndarray.types.DataType.INT64, false).getLong();
    }

    /**
     * Number of samples whose label is not among the k highest logits: a label is missed when k or more classes
     * score strictly higher (ties count in the label's favour, as a stable top-k that keeps the label would).
     */
    public static long topKErrors(NDArray logits, NDArray labels, int k) {
        NDArray oneHot = labels.oneHot((int) logits.getShape().get(1)).toType(logits.getDataType(), false);
        NDArray labelLogit = logits.mul(oneHot).sum(new int[] {1}, true);
        NDArray higher = logits.gt(labelLogit).toType(ai.djl.ndarray.types.DataType.INT64, false).sum(new int[] {1});
        return higher.gte(k).sum().toType(ai.djl.ndarray.types.DataType.INT64, false).getLong();
    }

    /** As {@link #topKErrors} for one sample's scores (probabilities or logits) and its label. */
    public static boolean missesTopK(double[] scores, int label, int k) {
        int higher = 0;
        for (double v : scores) {
            if (v > scores[label]) {
                higher++;
            }
        }
        return higher >= k;
    }
}
