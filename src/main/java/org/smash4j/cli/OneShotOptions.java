package org.smash4j.cli;

import org.smash4j.encoding.RowMarking;
import org.smash4j.train.OneShotSettings;
import picocli.CommandLine.Option;

/** The one-shot network's conditioning choices (issue 10): a named set, and single overrides. */
final class OneShotOptions {
    @Option(names = "--one-shot-settings", defaultValue = "default", paramLabel = "NAME",
            description = "default (chosen by measurement; see the README) or original (the original code's: Adam eps"
                    + " 1e-4 on the HyperNet, rows below the op width marked in c). Default: ${DEFAULT-VALUE}.")
    String settings;

    @Option(names = "--hypernet-eps", paramLabel = "EPS", description = "Adam eps of the HyperNet's parameters.")
    Double eps;

    @Option(names = "--hypernet-lr-scale", paramLabel = "X",
            description = "The HyperNet's learning rate relative to the rest of the network.")
    Double lrScale;

    @Option(names = "--row-marking", paramLabel = "RULE", description = "Rows of an op's slices marked in c: "
            + "USED_UNITS (every row whose output units the 1x1 conv uses) or OP_WIDTH (rows below the op width).")
    RowMarking rowMarking;

    @Option(names = "--position-channels", arity = "1", paramLabel = "true|false", description = "Whether the "
            + "HyperNet also reads one-hot channels of each position's row and column offset within its op.")
    Boolean positionChannels;

    OneShotSettings resolve() {
        return OneShotSettings.byName(settings).override(eps, lrScale, rowMarking, positionChannels);
    }
}
