package org.smash4j.cli;

import org.smash4j.train.SpecDefaults;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.train.Adam;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.train.TrainingLoop;
import org.smash4j.train.TrainingPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code smash train-smash}: one-shot training of the HyperNet and shared weights, or of a weight-sharing network. */
@Command(name = "train-smash", aliases = "train-one-shot", mixinStandardHelpOptions = true,
        description = {"Train a SMASH one-shot network: every step samples a random architecture and noise z, the "
                + "HyperNet generates its 1x1 weights, and everything is trained end to end with Adam "
                + "(lr 1e-3, betas 0.5/0.999, eps 1e-4 (1e-8 on the HyperNet unless --one-shot-settings original), "
                + "weight decay 1e-4 except the HyperNet, cosine per step), with kernel-size and budget annealing. "
                + "With --evaluator weight-sharing the 1x1 weights are stored instead (Bender et al. 2018), with "
                + "scheduled path dropout and weight decay on used parts only.",
                "Writes RUN/run.json, metrics.jsonl, run.log and checkpoint.bin. Resume an interrupted run with "
                        + "--resume RUN."})
final class TrainSmashCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    RunTarget target;

    @Mixin
    SpaceOptions space;

    @Mixin
    DataOptions data;

    @Mixin
    OneShotOptions oneShot;

    @Mixin
    EvaluatorOptions evaluator;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs. Default: the preset's (paper: 100).")
    Integer epochs;

    @Option(names = "--batch", defaultValue = SpecDefaults.BATCH_TEXT, description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = SpecDefaults.ONE_SHOT_LR_TEXT, description = "Initial learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random draw. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device (cpu, gpu0, ...). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Also checkpoint every N steps (always at each epoch end). Default: the preset's.")
    Integer checkpointEvery;

    @Override
    public Integer call() throws Exception {
        TrainingLoop.Summary s;
        Path dir;
        if (target.resume != null) {
            dir = target.resume;
            s = OneShotTraining.resume(dir, System.err);
        } else {
            dir = target.out;
            s = OneShotTraining.start(dir, evaluator.apply(config(space, data, epochs, batch, lr, seed, device,
                    checkpointEvery).with(oneShot.resolve())), System.err);
        }
        System.out.println("one-shot training finished: " + s.steps() + " steps; run folder " + dir);
        return 0;
    }

    static OneShotRunConfig config(SpaceOptions space, DataOptions data, Integer epochs, int batch, double lr,
            long seed, String device, Integer checkpointEvery) throws java.io.IOException {
        TrainingPlan plan = TrainingPlan.forPreset(space.preset);
        DataSpec spec = data.spec(plan.trainLimit(), plan.testLimit(), seed);
        DataSpec.Prepared prepared = spec.prepare();
        return OneShotRunConfig.withSpecOptimizer(space.preset, prepared.fit(space.config()), HyperNetShape.standard(),
                spec, epochs == null ? plan.oneShotEpochs() : epochs, batch, lr, seed, device,
                checkpointEvery == null ? plan.checkpointEvery() : checkpointEvery, plan.metricsEvery());
    }
}
