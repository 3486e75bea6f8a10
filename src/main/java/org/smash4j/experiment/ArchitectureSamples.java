package org.smash4j.experiment;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.List;

/**
 * The architectures the experiments study: sample i is drawn at the end of annealing (as the search scores them)
 * from the stream (seed, "experiment-architectures", i), so experiments with the same seed study the same
 * architectures, and the first n of a larger sample are the same n.
 */
final class ArchitectureSamples {
    static final String STREAM = "experiment-architectures";

    private ArchitectureSamples() {
    }

    static List<Architecture> draw(SearchSpaceConfig space, long seed, int count) {
        Sampler sampler = new Sampler(space);
        AnnealingState end = AnnealingState.finalState(space);
        List<Architecture> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sampler.sample(end, RandomStreams.of(seed, STREAM, i)));
        }
        return out;
    }
}
