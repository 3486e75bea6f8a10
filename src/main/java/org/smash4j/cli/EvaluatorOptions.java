package org.smash4j.cli;

import org.smash4j.nn.PathDropout;
import org.smash4j.train.HyperNetEvaluator;
import org.smash4j.train.OneShotEvaluator;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;
import org.smash4j.train.WeightSharingEvaluator;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Which one-shot evaluator a command trains ({@code train-smash}, {@code run}, {@code experiment validity}). */
final class EvaluatorOptions {
    @Option(names = "--evaluator", defaultValue = HyperNetEvaluator.NAME, paramLabel = "NAME",
            description = "hypernet (SMASH: a HyperNet generates each architecture's 1x1 weights) or weight-sharing "
                    + "(Bender et al. 2018: the 1x1 weights are stored and shared, trained with scheduled path dropout"
                    + " and L2 on the parts each step uses; scores use per-batch BN statistics). Default: "
                    + "${DEFAULT-VALUE}.")
    String evaluator;

    @Option(names = "--path-dropout", paramLabel = "R", description = "Weight sharing: the final path-dropout rate r"
            + " (all writes into a bank dropped with probability r; 0 turns path dropout off). Default: 0.1.")
    Double rate;

    @Option(names = "--path-dropout-ramp", paramLabel = "F", description = "Weight sharing: the fraction of training"
            + " over which the rate rises linearly from 0 to r. Default: 1 (the whole run).")
    Double ramp;

    /** The path-dropout schedule these options give (null for the HyperNet, which refuses the options). */
    PathDropout pathDropout() {
        if (!OneShotEvaluator.of(evaluator).name().equals(WeightSharingEvaluator.NAME)) {
            if (rate != null || ramp != null) {
                throw new IllegalArgumentException("--path-dropout and --path-dropout-ramp need --evaluator "
                        + WeightSharingEvaluator.NAME);
            }
            return null;
        }
        PathDropout d = PathDropout.standard();
        return new PathDropout(rate != null ? rate : d.finalRate(), ramp != null ? ramp : d.rampFraction());
    }

    /** {@code c} trained by the chosen evaluator. */
    OneShotRunConfig apply(OneShotRunConfig c) {
        return c.withEvaluator(evaluator, pathDropout());
    }

    /**
     * For commands that use a trained one-shot run: fails when {@code expected} (an optional {@code --evaluator}) is
     * not the evaluator {@code smashRun} was trained with, which alone decides how it scores.
     */
    static void check(String expected, Path smashRun) throws IOException {
        if (expected == null) {
            return;
        }
        OneShotRunConfig c = OneShotTraining.config(RunFolder.open(smashRun));
        if (!OneShotEvaluator.of(expected).name().equals(c.evaluator())) {
            throw new IllegalArgumentException(smashRun + " was trained with --evaluator " + c.evaluator() + ", not "
                    + expected + "; the run decides the evaluator");
        }
    }
}
