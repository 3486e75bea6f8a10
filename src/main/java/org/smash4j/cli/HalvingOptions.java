package org.smash4j.cli;

import picocli.CommandLine.Option;

/** The successive-halving options of the random phase, shared by {@code search} and {@code run}. */
final class HalvingOptions {
    /**
     * Default 2: on the quick preset's 150 random samples (`smash bench halving`) it kept a Spearman correlation of
     * 0.962 with full scoring and 95% of the full top 19 (and the best) at 2.94x less scoring time.
     */
    @Option(names = "--halving", paramLabel = "ETA", defaultValue = "2",
            description = "Score the random phase by successive halving: every sample on a few validation images, "
                    + "the best 1/ETA on ETA times as many, and so on; only the last round's survivors on all of "
                    + "them. 0 scores every sample on the whole validation set (the original). Default: "
                    + "${DEFAULT-VALUE}.")
    int eta;

    @Option(names = "--halving-min-images", paramLabel = "N", defaultValue = "100",
            description = "Images of the first successive-halving round, at least. Default: ${DEFAULT-VALUE}.")
    int minImages;
}
