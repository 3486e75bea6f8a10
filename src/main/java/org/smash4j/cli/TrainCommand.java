package org.smash4j.cli;

import org.smash4j.train.SpecDefaults;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.NormStyle;
import org.smash4j.train.DataSpec;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.train.StandaloneTraining;
import org.smash4j.train.TrainingLoop;
import org.smash4j.train.TrainingPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash train}: train one architecture from scratch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one architecture from scratch: SGD with Nesterov momentum 0.9, weight decay 1e-4, "
                + "lr 0.1 with cosine decay per step, batch 50, orthogonal init. Reports validation and test error "
                + "after every epoch and saves the model in RUN/model/.",
                "The input shape and class count of the architecture's search space are taken from the data."})
final class TrainCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    RunTarget target;

    @Option(names = "--arch", paramLabel = "FILE", description = "Architecture JSON: a document with its space, or a "
            + "bare architecture of the --preset space.")
    Path arch;

    @Mixin
    SpaceOptions space;

    @Mixin
    DataOptions data;

    @Option(names = "--norm", defaultValue = "sandwich", paramLabel = "STYLE",
            description = "Norm style: sandwich (default, as the original), full, weight_norm (as the one-shot net).")
    String norm;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs. Default: the preset's (paper: 300).")
    Integer epochs;

    @Option(names = "--batch", defaultValue = SpecDefaults.BATCH_TEXT, description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = SpecDefaults.STANDALONE_LR_TEXT, description = "Initial learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Also checkpoint every N steps.")
    Integer checkpointEvery;

    @Override
    public Integer call() throws Exception {
        TrainingLoop.Summary s;
        Path dir;
        if (target.resume != null) {
            dir = target.resume;
            s = StandaloneTraining.resume(dir, System.err);
        } else {
            if (arch == null) {
                throw new IllegalArgumentException("--arch FILE is required for a new run");
            }
            dir = target.out;
            TrainingPlan plan = TrainingPlan.forPreset(space.preset);
            DataSpec spec = data.spec(plan.trainLimit(), plan.testLimit(), seed);
            StandaloneRunConfig c = config(readArchitecture(arch, space, spec), DescribeCommand.parseNorm(norm), spec,
                    epochs == null ? plan.standaloneEpochs() : epochs, batch, lr, seed, device,
                    checkpointEvery == null ? plan.checkpointEvery() : checkpointEvery, plan.metricsEvery());
            s = StandaloneTraining.start(dir, c, System.err);
        }
        var last = s.lastEpoch();
        System.out.println("training finished: " + s.steps() + " steps; run folder " + dir
                + (last != null && last.get("testError") != null ? String.format(Locale.ROOT,
                        "; final validation error %.4f, test error %.4f", last.get("valError"), last.get("testError"))
                        : ""));
        return 0;
    }

    /** Reads an architecture and fits its space's input shape to the data. */
    static ArchitectureDocument readArchitecture(Path file, SpaceOptions space, DataSpec spec) throws IOException {
        ArchitectureDocument doc = ArchitectureJson.readDocumentOrArchitecture(file, space.config());
        return new ArchitectureDocument(spec.prepare().fit(doc.space()), doc.architecture());
    }

    static StandaloneRunConfig config(ArchitectureDocument doc, NormStyle style, DataSpec spec, int epochs, int batch,
            double lr, long seed, String device, int checkpointEvery, int metricsEvery) {
        return StandaloneRunConfig.withSpecOptimizer(doc, style, spec, epochs, batch, lr, seed, device, checkpointEvery,
                metricsEvery);
    }
}
