package org.smash4j.train;

import org.smash4j.nn.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** An optimiser whose state is per-parameter slot tensors and a step count, saved and restored as a whole. */
abstract class StatefulOptimizer implements Optimizer {
    final Parameters params;
    final OptimizerState state;

    StatefulOptimizer(Parameters params, String... slots) {
        this.params = params;
        this.state = new OptimizerState(params, slots);
    }

    @Override
    public long steps() {
        return state.steps;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        state.write(out);
    }

    @Override
    public void read(InputStream in) throws IOException {
        state.read(in);
    }

    @Override
    public void close() {
        state.close();
    }
}
