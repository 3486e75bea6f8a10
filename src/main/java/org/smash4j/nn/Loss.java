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
}
