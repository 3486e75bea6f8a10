package org.smash4j.cli;

import org.smash4j.pipeline.Pipeline;
import org.smash4j.pipeline.PipelineConfig;
import org.smash4j.train.TrainingPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code smash run}: the whole job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The whole job in one run folder: one-shot training of the HyperNet (RUN/smash), search "
                + "(RUN/search), training the top k architectures from scratch (RUN/final/rank-k) and a report "
                + "(RUN/report/report.html). Interrupted? Run it again with --resume RUN.",
                "The preset sets the search space and every length (quick: about 16 minutes on 2 cores; measured"
                        + " 15 min 52 s)."})
final class RunCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    RunTarget target;

    @Mixin
    SpaceOptions space;

    @Mixin
    DataOptions data;

    @Option(names = "--top-k", defaultValue = "1", description = "Architectures trained from scratch. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--baselines", defaultValue = "0",
            description = "Also train this many random architectures of similar size the same way, to see whether "
                    + "the search beats random. Default: ${DEFAULT-VALUE}.")
    int baselines;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Mixin
    HalvingOptions halving;

    @Mixin
    OneShotOptions oneShot;

    @Mixin
    EvaluatorOptions evaluator;

    @Override
    public Integer call() throws Exception {
        Path report;
        if (target.resume != null) {
            report = Pipeline.resume(target.resume, System.err);
        } else {
            TrainingPlan plan = TrainingPlan.forPreset(space.preset);
            PipelineConfig c = Pipeline.fromPreset(space.preset, data.spec(plan.trainLimit(), plan.testLimit(), seed),
                    seed, device, topK, baselines, halving.eta, halving.minImages, oneShot.resolve())
                    .withEvaluator(evaluator.evaluator, evaluator.pathDropout());
            report = Pipeline.start(target.out, c, System.err);
        }
        System.out.println("done. Report: " + report.toAbsolutePath());
        return 0;
    }
}
