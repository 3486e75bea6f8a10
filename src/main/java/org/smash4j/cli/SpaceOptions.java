package org.smash4j.cli;

import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;
import picocli.CommandLine.Option;

/** The search space a command works in: a named preset. */
final class SpaceOptions {
    @Option(names = "--preset", defaultValue = "quick", paramLabel = "NAME",
            description = "Search-space preset: tiny (tests), quick (Fashion-MNIST on 2 cores), paper (the "
                    + "original's defaults at 32x32x3). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--max-bottleneck", paramLabel = "M", description = "Cap of an op's 1x1 output in units of "
            + "N_max (the HyperNet emits M*N_max output units per column). The original's HyperNet emitted 1 but its "
            + "trained networks used up to its max_bottleneck (spec bug 1). Default: the preset's (2).")
    Integer maxBottleneck;

    SearchSpaceConfig config() {
        SearchSpaceConfig c = Presets.byName(preset);
        return maxBottleneck == null ? c : c.toBuilder().optMaxBottleneck(maxBottleneck).build();
    }
}
