package org.smash4j.cli;

import org.smash4j.experiment.ExperimentFolder;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every experiment shares. */
final class ExperimentOptions {
    @Option(names = "--smash", paramLabel = "RUN", description = "The trained one-shot network: a `smash train-smash` "
            + "run folder, or RUN/smash of a `smash run`.")
    Path smash;

    @Option(names = "--out", paramLabel = "DIR", description = "Experiment folder. Default: RUN/experiments/NAME for "
            + "the smash/ stage of a pipeline run (its report then shows the experiment), else SMASHRUN-NAME.")
    Path out;

    @Option(names = "--scale", defaultValue = "quick", description = "Sizes: tiny (seconds, for tests), quick (at "
            + "most about 2 hours on 2 CPU cores) or paper (the paper's sizes). Options below override single sizes."
            + " Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of architecture samples, noise and training. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--evaluator", paramLabel = "NAME", description = "The evaluator --smash RUN must have been "
            + "trained with (hypernet or weight-sharing); the run decides it, this only checks.")
    String evaluator;

    Path smashRun() {
        if (smash == null) {
            throw new IllegalArgumentException("--smash RUN is required");
        }
        try {
            EvaluatorOptions.check(evaluator, smash);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return smash;
    }

    Path out(String name) {
        return out != null ? out : ExperimentFolder.defaultOut(smashRun(), name);
    }
}
