package org.smash4j.cli;

import org.smash4j.run.RunFiles;
import org.smash4j.experiment.ArchGradientExperiment;
import org.smash4j.experiment.CorrelationExperiment;
import org.smash4j.experiment.CrippledExperiment;
import org.smash4j.experiment.ExperimentFolder;
import org.smash4j.experiment.SeedsExperiment;
import org.smash4j.experiment.TrickExperiment;
import org.smash4j.experiment.ValidityScale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code smash experiment NAME}: the paper's experiments (section 4.1). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"The paper's experiments on a trained one-shot network. Each works in its own folder "
                + "(results.json, plots/, experiment.html, and a section of the pipeline report when the one-shot "
                + "network is RUN/smash of a `smash run`), and is resumable: run the same command again, or "
                + "`smash experiment resume DIR`; nothing finished is scored or trained again."},
        subcommands = {ExperimentCommand.Correlation.class, ExperimentCommand.Crippled.class,
                ExperimentCommand.Seeds.class, ExperimentCommand.Trick.class, ExperimentCommand.ArchGradient.class,
                ExperimentCommand.Validity.class, ExperimentCommand.Resume.class})
final class ExperimentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void finished(Path dir) {
        System.out.println("experiment finished: " + dir.resolve(RunFiles.EXPERIMENT_PAGE) + " (results in "
                + dir.resolve(RunFiles.EXPERIMENT_RESULTS) + ")");
    }

    @Command(name = "correlation", mixinStandardHelpOptions = true,
            description = {"SMASH score vs true error (paper Fig. 3): sample R architectures, score them with "
                    + "every --scorers variant, sort by the first, train every k-th from scratch for E epochs, and "
                    + "report Pearson, Spearman and Kendall tau with bootstrap 95%% intervals.",
                    "Scales: tiny R=6 k=2 E=1; quick R=40 k=2 (20 trained) E=2 on 5,000 training and 2,000 test "
                            + "images (about an hour on 2 cores); validity R=40, 20 trained (the first samples) E=4 on "
                            + "9,000 training images and the full test set, 4 trained twice, top 3 vs 3 random "
                            + "(`experiment validity` runs it end to end); paper R=250 k=5 E=30 on all data."})
    static final class Correlation implements Callable<Integer> {
        @Mixin
        ExperimentOptions o;

        @Option(names = "--architectures", paramLabel = "R", description = "Architectures scored.")
        Integer architectures;

        @Option(names = "--every", paramLabel = "K", description = "Train every K-th in score order.")
        Integer every;

        @Option(names = "--epochs", paramLabel = "E", description = "Stand-alone epochs per candidate.")
        Integer epochs;

        @Option(names = "--train-limit", description = "Training images of the candidates (0: the one-shot run's).")
        Integer trainLimit;

        @Option(names = "--test-limit", description = "Test images of the true error (0: all).")
        Integer testLimit;

        @Option(names = "--scorers", split = ",", description = "Scorer variants: original, draws:K, recal:B, "
                + "constc (the HyperNet fed an unmarked c) and combinations such as draws:K+recal:B. Default: the "
                + "scale's (quick: original,draws:3,recal:5).")
        List<String> scorers;

        @Option(names = "--selection", description = "Which are trained: score (every K-th in the first scorer's "
                + "order) or sample (the first R/K samples, whatever their score). Default: the scale's.")
        String selection;

        @Option(names = "--repeats", paramLabel = "N", description = "Candidates trained again with another seed "
                + "(noise ceiling). Default: the scale's.")
        Integer repeats;

        @Option(names = "--compare", paramLabel = "M", description = "Train the top M by the first scorer and M "
                + "random architectures of similar size (search against random). Default: the scale's.")
        Integer compare;

        @Mixin
        GroundTruthOption groundTruth;

        @Option(names = "--compare-with", split = ",", paramLabel = "RUN", description = "Other one-shot runs (e.g. "
                + "a weight-sharing run beside a HyperNet --smash, same space and data) that score the same "
                + "candidates with the first scorer: both correlations, training time per step and memory in one "
                + "table and one scatter plot.")
        List<Path> compareWith;

        @Option(names = "--dropout-ablation", description = "Also train the weight-sharing --smash network without "
                + "path dropout (in DIR/smash-no-path-dropout) and compare it on the same candidates (Bender et al.'s "
                + "ablation).")
        boolean dropoutAblation;

        @Override
        public Integer call() throws Exception {
            CorrelationExperiment.Config d = CorrelationExperiment.Config.forScale(o.scale, o.smashRun().toString(),
                    o.seed, o.device);
            CorrelationExperiment.Config c = new CorrelationExperiment.Config(d.smashRun(),
                    or(architectures, d.architectures()), or(every, d.every()), or(epochs, d.epochs()),
                    or(trainLimit, d.trainLimit()), or(testLimit, d.testLimit()),
                    scorers != null ? scorers : d.scorers(), d.seed(), d.device(), d.bootstrap(),
                    selection != null ? selection : d.selection(), or(repeats, d.repeats()), or(compare, d.compare()),
                    groundTruth.orElse(d.groundTruth()))
                    .withComparison(compareWith == null ? List.of() : compareWith.stream().map(Path::toString).toList(),
                            dropoutAblation);
            Path dir = o.out(CorrelationExperiment.NAME);
            CorrelationExperiment.run(dir, c, System.err);
            finished(dir);
            return 0;
        }
    }

    @Command(name = "crippled", mixinStandardHelpOptions = true,
            description = {"A much smaller HyperNet (paper Fig. 5a): train a one-shot network like --smash but with "
                    + "a crippled HyperNet (the main network, and so the ratio of generated to freely learned weights,"
                    + " is unchanged), score the trained candidates of a correlation experiment with it, and put both "
                    + "correlations side by side.",
                    "Scales: the one-shot training of --smash (epochs, data); the HyperNet growth 2/2 with dense "
                            + "blocks of 2, 2 and 1 layers unless overridden."})
    static final class Crippled implements Callable<Integer> {
        @Mixin
        ExperimentOptions o;

        @Option(names = "--correlation", paramLabel = "DIR", description = "A correlation experiment on --smash. "
                + "Default: its default folder.")
        Path correlation;

        @Option(names = "--first-growth", description = "Growth of the HyperNet's first dense layer.")
        Integer firstGrowth;

        @Option(names = "--growth", description = "Growth of its other dense layers.")
        Integer growth;

        @Option(names = "--block-layers", split = ",", description = "Layers of each dense block, e.g. 2,2,1.")
        List<Integer> blockLayers;

        @Option(names = "--epochs", description = "One-shot epochs (default: those of --smash).")
        Integer epochs;

        @Override
        public Integer call() throws Exception {
            CrippledExperiment.Config d = CrippledExperiment.Config.forScale(o.scale, o.smashRun().toString(),
                    corr(correlation, o).toString(), o.seed, o.device);
            CrippledExperiment.Config c = new CrippledExperiment.Config(d.smashRun(), d.correlation(),
                    or(firstGrowth, d.firstGrowth()), or(growth, d.growth()),
                    blockLayers != null ? blockLayers : d.blockLayers(), or(epochs, d.epochs()), d.seed(),
                    d.device(), d.bootstrap());
            Path dir = o.out(CrippledExperiment.NAME);
            CrippledExperiment.run(dir, c, System.err);
            finished(dir);
            return 0;
        }
    }

    @Command(name = "seeds", mixinStandardHelpOptions = true,
            description = {"Scores over several one-shot networks (paper Fig. 5b): train S-1 more one-shot networks "
                    + "like --smash with seeds seed+1..seed+S-1, score the same architectures with all S, and plot "
                    + "the mean score by rank with the standard deviation as error bars. With --correlation, the "
                    + "architectures are its trained candidates and the mean score is also correlated with their "
                    + "true errors.",
                    "Scales: tiny S=2, quick S=3, paper S=5; N=20 sampled architectures without --correlation."})
    static final class Seeds implements Callable<Integer> {
        @Mixin
        ExperimentOptions o;

        @Option(names = "--correlation", paramLabel = "DIR", description = "A correlation experiment on --smash "
                + "whose trained candidates to score.")
        Path correlation;

        @Option(names = "--seeds", paramLabel = "S", description = "One-shot networks, --smash included.")
        Integer seeds;

        @Option(names = "--architectures", paramLabel = "N", description = "Sampled architectures (without "
                + "--correlation).")
        Integer architectures;

        @Override
        public Integer call() throws Exception {
            SeedsExperiment.Config d = SeedsExperiment.Config.forScale(o.scale, o.smashRun().toString(),
                    correlation == null ? null : correlation.toString(), o.seed, o.device);
            SeedsExperiment.Config c = new SeedsExperiment.Config(d.smashRun(), d.correlation(), or(seeds, d.seeds()),
                    or(architectures, d.architectures()), d.seed(), d.device(), d.bootstrap());
            Path dir = o.out(SeedsExperiment.NAME);
            SeedsExperiment.run(dir, c, System.err);
            finished(dir);
            return 0;
        }
    }

    @Command(name = "trick", mixinStandardHelpOptions = true,
            description = {"Does the HyperNet read the encoding? For A architectures, score each with its true "
                    + "encoding and with C corrupted encodings per kind (one field's per-op values shuffled among "
                    + "its ops: dilation, kernel, groups, width, reads, writes; one kind at a time), and report how "
                    + "often the true encoding scores best.",
                    "Scales: tiny A=3 C=1; quick A=20 C=2; paper A=100 C=3."})
    static final class Trick implements Callable<Integer> {
        @Mixin
        ExperimentOptions o;

        @Option(names = "--architectures", paramLabel = "A", description = "Architectures.")
        Integer architectures;

        @Option(names = "--corruptions", paramLabel = "C", description = "Corrupted encodings per kind.")
        Integer corruptions;

        @Override
        public Integer call() throws Exception {
            TrickExperiment.Config d = TrickExperiment.Config.forScale(o.scale, o.smashRun().toString(), o.seed,
                    o.device);
            TrickExperiment.Config c = new TrickExperiment.Config(d.smashRun(), or(architectures, d.architectures()),
                    or(corruptions, d.corruptions()), d.seed(), d.device());
            Path dir = o.out(TrickExperiment.NAME);
            TrickExperiment.run(dir, c, System.err);
            finished(dir);
            return 0;
        }
    }

    @Command(name = "arch-gradient", mixinStandardHelpOptions = true,
            description = {"Architecture gradient: backpropagate the validation loss to the encoding c, rank "
                    + "candidate perturbations of the current best (all inside the search space) by their "
                    + "first-order predicted change dE/dc . (c' - c), score the most promising, and compare this "
                    + "guided hill-climbing with random-perturbation hill-climbing at the same number of scored "
                    + "architectures, from the same starts.",
                    "Scales: tiny 1 start x 3 steps; quick 4 starts x 25 steps, 16 proposals a step; paper 10 x 100."})
    static final class ArchGradient implements Callable<Integer> {
        @Mixin
        ExperimentOptions o;

        @Option(names = "--starts", description = "Independent starting architectures.")
        Integer starts;

        @Option(names = "--steps", description = "Scored architectures per start and method.")
        Integer steps;

        @Option(names = "--proposals", description = "Perturbations ranked by the gradient per guided step.")
        Integer proposals;

        @Override
        public Integer call() throws Exception {
            ArchGradientExperiment.Config d = ArchGradientExperiment.Config.forScale(o.scale,
                    o.smashRun().toString(), o.seed, o.device);
            ArchGradientExperiment.Config c = new ArchGradientExperiment.Config(d.smashRun(), or(starts, d.starts()),
                    or(steps, d.steps()), or(proposals, d.proposals()), d.perturbProbability(),
                    d.gradientBatches(), d.seed(), d.device());
            Path dir = o.out(ArchGradientExperiment.NAME);
            ArchGradientExperiment.run(dir, c, System.err);
            finished(dir);
            return 0;
        }
    }

    @Command(name = "validity", mixinStandardHelpOptions = true,
            description = {"Does the SMASH score rank architectures? One command, end to end (measured: about 7 hours "
                    + "on a shared 2-core machine, about 3 with --ground-truth reusing trained candidates): one-shot "
                    + "training at the validity scale (quick space, 27,000 training images, 8 epochs) in DIR/smash, then the correlation experiment at the validity scale in DIR/correlation (every "
                    + "scorer and baseline on the same 20 trained candidates, noise ceiling, search against random).",
                    "Run it again with the same --out to resume."})
    static final class Validity implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Mixin
        OneShotOptions oneShot;

        @Mixin
        EvaluatorOptions evaluator;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Experiment folder.")
        Path out;

        @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
        String device;

        @Mixin
        GroundTruthOption groundTruth;

        @Override
        public Integer call() throws Exception {
            ValidityScale.run(out, evaluator.apply(ValidityScale.oneShot(data.spec(0, 0, seed), oneShot.resolve(),
                    seed, device)),
                    groundTruth.orElse(null), System.err);
            finished(out.resolve(ValidityScale.CORRELATION_DIR));
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue an interrupted experiment with its recorded settings.")
    static final class Resume implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The experiment folder.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            String name = ExperimentFolder.experimentOf(dir);
            switch (name) {
                case CorrelationExperiment.NAME -> CorrelationExperiment.resume(dir, System.err);
                case CrippledExperiment.NAME -> CrippledExperiment.resume(dir, System.err);
                case SeedsExperiment.NAME -> SeedsExperiment.resume(dir, System.err);
                case TrickExperiment.NAME -> TrickExperiment.resume(dir, System.err);
                case ArchGradientExperiment.NAME -> ArchGradientExperiment.resume(dir, System.err);
                default -> throw new IllegalArgumentException(dir + " holds an unknown experiment '" + name + "'");
            }
            finished(dir);
            return 0;
        }
    }

    private static Path corr(Path given, ExperimentOptions o) {
        return given != null ? given : ExperimentFolder.defaultOut(o.smashRun(), CorrelationExperiment.NAME);
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
