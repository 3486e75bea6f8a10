package org.smash4j.cli;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code smash sample}: random architectures as JSON, reproducible from the seed. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Print K randomly sampled architectures as a JSON array. The i-th architecture depends "
                + "only on the seed and i, so the same seed always gives the same samples.",
                "Save one with e.g. `./smash sample --count 1 | jq '.[0]' > arch.json`."})
final class SampleCommand implements Runnable {
    @Mixin
    SpaceOptions space;

    @Option(names = "--count", defaultValue = "1", paramLabel = "K", description = "How many. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--anneal", defaultValue = "end", paramLabel = "start|end",
            description = "Annealing state to sample at: 'start' (3x3 kernels, budget fraction <= 0.5) or 'end' "
                    + "(all kernel sizes, full budget), as at evaluation. Default: ${DEFAULT-VALUE}.")
    String anneal;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public void run() {
        if (count < 0) {
            throw new IllegalArgumentException("--count must be >= 0, got " + count);
        }
        SearchSpaceConfig c = space.config();
        AnnealingState state = switch (anneal) {
            case "start" -> AnnealingState.initialState();
            case "end" -> AnnealingState.finalState(c);
            default -> throw new IllegalArgumentException("--anneal must be 'start' or 'end', got '" + anneal + "'");
        };
        Sampler sampler = new Sampler(c);
        List<Architecture> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sampler.sample(state, RandomStreams.of(seed, "sample", i)));
        }
        System.out.println(pretty ? ArchitectureJson.toPrettyJson(out) : ArchitectureJson.toJson(out));
    }
}
