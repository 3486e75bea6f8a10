package org.smash4j.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A first-order optimiser over a network's {@link org.smash4j.nn.Parameters}. {@link #step} reads the
 * accumulated gradients, updates the weights in place and zeroes the gradients; it must run outside any
 * gradient collector, after the scope of the forward and backward pass has closed.
 */
public interface Optimizer extends AutoCloseable {
    /** One update with learning rate {@code lr}. */
    void step(double lr);

    /** Number of updates made so far. */
    long steps();

    /** Writes the optimiser state (moments, step count) for a checkpoint. */
    void write(OutputStream out) throws IOException;

    /** Restores the state written by {@link #write}. */
    void read(InputStream in) throws IOException;

    @Override
    void close();
}
