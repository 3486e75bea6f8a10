package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import org.smash4j.nn.Parameters;

import java.io.IOException;
import java.util.Map;

/**
 * What differs between one-shot and stand-alone training; {@link TrainingLoop} does everything else
 * (schedule, data, checkpoints, resume, metrics, divergence checks, progress).
 */
public interface TrainingTask {
    /** The forward pass of one training step: the loss to minimise and the logits (for the error count). */
    record Forward(NDArray loss, NDArray logits) {
    }

    Parameters parameters();

    Optimizer optimizer();

    /** Runs the forward pass of step {@code step} on a batch (inside the loop's gradient collector). */
    Forward forward(long step, NDArray images, NDArray labels);

    /** Fields added to the step's metrics record (e.g. the annealing state). */
    Map<String, Object> stepInfo(long step);

    /** Evaluation at the end of 0-based epoch {@code epoch} (validation error etc.), added to its record. */
    Map<String, Object> endOfEpoch(int epoch, long step) throws IOException;
}
