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

    SearchSpaceConfig config() {
        return Presets.byName(preset);
    }
}
