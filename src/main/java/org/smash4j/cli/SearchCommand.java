package org.smash4j.cli;

import org.smash4j.search.RegularizedEvolution;
import org.smash4j.train.SpecDefaults;
import org.smash4j.run.RunFiles;
import org.smash4j.pipeline.SearchJob;
import org.smash4j.pipeline.SearchRunConfig;
import org.smash4j.search.SearchRunner;
import org.smash4j.search.SmashScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash search}: rank architectures with a trained one-shot network. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Score architectures with a trained one-shot network (their validation error with "
                + "HyperNet-generated weights, the SMASH score) on the held-out split its training used: N random "
                + "samples, then M perturbations of the best, then H steps of greedy hill-climbing (the original's "
                + "'Markov chain'), and/or E steps of regularized evolution.",
                "Every scored architecture goes to OUT/results.jsonl, the ranking to OUT/ranking.json. Run the same "
                        + "command again (or --resume OUT) to continue an interrupted search."})
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--smash", paramLabel = "RUN", description = "A `smash train-smash` run folder.")
    Path smash;

    @Option(names = "--out", paramLabel = "DIR", description = "Search folder. Default: RUN-search next to RUN.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue this search with its recorded settings.")
    Path resume;

    @Option(names = "--random", defaultValue = "500", description = "Random architectures. Default: ${DEFAULT-VALUE}.")
    int random;

    @Option(names = "--perturb", defaultValue = "100", description = "Perturbations of the best. Default: ${DEFAULT-VALUE}.")
    int perturb;

    @Option(names = "--hill-climb", defaultValue = "100",
            description = "Greedy hill-climbing steps. Default: ${DEFAULT-VALUE}.")
    int hillClimb;

    @Option(names = "--evolution", defaultValue = "0",
            description = "Regularized-evolution steps (population 20, tournament 5). Default: ${DEFAULT-VALUE}.")
    int evolution;

    @Option(names = "--perturb-prob", defaultValue = "0.05",
            description = "Probability of re-drawing each field in a perturbation. Default: ${DEFAULT-VALUE}.")
    double p;

    @Option(names = "--noise-draws", defaultValue = "1",
            description = "Noise draws z averaged per score (the original: 1). Default: ${DEFAULT-VALUE}.")
    int draws;

    @Option(names = "--recalibrate", defaultValue = "0", paramLabel = "BATCHES",
            description = "Re-estimate BN statistics per architecture on this many training batches before "
                    + "scoring (the original: 0, running statistics from training). Default: ${DEFAULT-VALUE}.")
    int recalibrate;

    @Option(names = "--bn-statistics", paramLabel = "batch|running", description = "BN statistics of the scores: "
            + "each validation batch's own (batch) or the running ones of training (running). Default: the one-shot "
            + "run's evaluator's (weight-sharing: batch; hypernet: running), running with --recalibrate.")
    String bnStatistics;

    @Option(names = "--evaluator", paramLabel = "NAME", description = "The evaluator --smash RUN must have been "
            + "trained with (hypernet or weight-sharing); the run decides it, this only checks.")
    String evaluator;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @picocli.CommandLine.Mixin
    HalvingOptions halving;

    @Override
    public Integer call() throws Exception {
        SearchRunner.Summary s;
        Path dir;
        if (resume != null) {
            dir = resume;
            s = SearchJob.resume(dir, System.err);
        } else {
            if (smash == null) {
                throw new IllegalArgumentException("--smash RUN is required (or --resume DIR)");
            }
            EvaluatorOptions.check(evaluator, smash);
            dir = out != null ? out : smash.resolveSibling(smash.getFileName() + "-search");
            s = SearchJob.run(dir, new SearchRunConfig(smash.toString(), random, perturb, hillClimb, evolution, p,
                    RegularizedEvolution.DEFAULT_POPULATION, RegularizedEvolution.DEFAULT_TOURNAMENT,
                    new SmashScorer.Settings(draws, recalibrate, SpecDefaults.EVAL_BATCH, batchStatistics()), seed,
                    device, halving.eta, halving.minImages), System.err);
        }
        System.out.printf(Locale.ROOT, "search finished: %d architectures scored; best #%d with SMASH score %.4f; "
                + "ranking in %s%n", s.results().size(), s.best().index(), s.best().score().error(),
                dir.resolve(RunFiles.RANKING));
        return 0;
    }

    private Boolean batchStatistics() {
        if (bnStatistics == null) {
            return null;
        }
        return switch (bnStatistics) {
            case "batch" -> true;
            case "running" -> false;
            default -> throw new IllegalArgumentException("--bn-statistics is batch or running, not " + bnStatistics);
        };
    }
}
