package org.smash4j.cli;

import org.smash4j.run.RunFiles;
import org.smash4j.space.DataShape;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.train.TrainingLoop;
import org.smash4j.train.TrainingPlan;
import org.smash4j.pipeline.Transfer;
import org.smash4j.pipeline.TransferRunConfig;
import org.smash4j.pipeline.TransferSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash transfer}: train a run's found architecture from scratch on other data. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Train the found architecture of a run from scratch on another data set and report its test "
                + "error beside the source's. The architecture is unchanged; its space takes the target's input "
                + "channels, resolution (a multiple of 4), classes and dimension (images or voxel grids: an "
                + "architecture found on images trains on modelnet10 with 3-D convs). Training as the final "
                + "training of `smash run` (Nesterov SGD 0.9, lr 0.1 cosine, wd 1e-4, batch 50, sandwich norm).",
                "--from takes a `smash run` folder (the winner of its search), a `smash search` folder (its rank 1) "
                        + "or a `smash train`/`smash transfer` run. run.json records where the architecture came "
                        + "from; the model is saved as by `smash train` (evaluate, predict take it). `smash report "
                        + "RUN` lists the transfers found in RUN/transfers/."})
final class TransferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "RUN", description = "The run whose architecture to transfer.")
    Path from;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this transfer from where it stopped "
            + "(all other options come from the run).")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR", description = "New run folder. Default: FROM/transfers/DATA, "
            + "which the source's report lists.")
    Path out;

    @Mixin
    DataOptions data;

    @Option(names = "--preset", paramLabel = "P", description = "Preset whose plan sets the epochs and data sizes "
            + "(tiny, quick, paper). Default: the source's preset, else " + Transfer.DEFAULT_PRESET + ".")
    String preset;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs. Default: the preset's stand-alone epochs.")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (also of the validation split). "
            + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Also checkpoint every N steps.")
    Integer checkpointEvery;

    @Override
    public Integer call() throws Exception {
        if ((from == null) == (resume == null)) {
            throw new IllegalArgumentException("give either --from RUN (a new transfer) or --resume RUN");
        }
        Path dir;
        TrainingLoop.Summary s;
        if (resume != null) {
            dir = resume;
            s = Transfer.resume(dir, System.err);
        } else {
            if (!spec.commandLine().getParseResult().hasMatchedOption("--data")) {
                throw new IllegalArgumentException("--data NAME is required: the data set to transfer to");
            }
            dir = out != null ? out : Transfer.defaultOut(from, data.name);
            TransferSource source = TransferSource.read(from, dir);
            String p = preset != null ? preset : Transfer.defaultPreset(source);
            TrainingPlan plan = TrainingPlan.forPreset(p);
            DataSpec target = data.spec(plan.trainLimit(), plan.testLimit(), seed);
            TransferRunConfig c = Transfer.configure(source, p, target, epochs == null ? plan.standaloneEpochs()
                    : epochs, seed, device, checkpointEvery == null ? plan.checkpointEvery() : checkpointEvery,
                    plan.metricsEvery());
            System.err.println("transfer: " + source.kind() + " architecture of " + from + " ("
                    + shape(source.data(), c.source().document().space()) + ") -> " + target.name() + " ("
                    + shape(target, c.training().architecture().space()) + "), " + c.training().epochs()
                    + " epochs; run folder " + dir);
            s = Transfer.start(dir, c, System.err);
        }
        var last = s.lastEpoch();
        System.out.println("transfer finished: " + s.steps() + " steps; run folder " + dir
                + (last != null && last.get("testError") != null ? String.format(Locale.ROOT,
                        "; final validation error %.4f, test error %.4f", last.get("valError"), last.get("testError"))
                        : ""));
        System.out.println("Report: " + dir.resolve(RunFiles.REPORT_DIR).resolve(RunFiles.REPORT_HTML)
                .toAbsolutePath());
        return 0;
    }

    private static String shape(DataSpec data, SearchSpaceConfig space) {
        return DataShape.of(data == null ? "?" : data.name(), space).describe();
    }
}
