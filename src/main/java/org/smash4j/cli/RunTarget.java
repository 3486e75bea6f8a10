package org.smash4j.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a long-running command works: a new run folder, or an existing one to continue (exactly one of them). */
final class RunTarget {
    @Option(names = "--out", paramLabel = "RUN", required = true, description = "New run folder.")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN", required = true,
            description = "Continue this run from where it stopped (all other options come from the run).")
    Path resume;
}
