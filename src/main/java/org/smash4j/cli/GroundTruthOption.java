package org.smash4j.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --ground-truth DIR} of the correlation and validity experiments. */
final class GroundTruthOption {
    @Option(names = "--ground-truth", paramLabel = "DIR", description = "Reuse the trained candidates of this "
            + "correlation experiment (same architectures and candidate settings; checked).")
    Path dir;

    /** The folder as a string, or {@code fallback} when the option is not given. */
    String orElse(String fallback) {
        return dir != null ? dir.toString() : fallback;
    }
}
