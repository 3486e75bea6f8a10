package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;

import org.smash4j.data.BatchSettings;
import org.smash4j.data.TrainingBatches;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Starts, resumes and reloads one-shot training runs ({@code smash train-smash}). */
public final class OneShotTraining {
    public static final String COMMAND = "train-smash";

    private OneShotTraining() {
    }

    /** Creates the run folder and trains. */
    public static TrainingLoop.Summary start(Path dir, OneShotRunConfig config, PrintStream progress)
            throws IOException {
        return RunFolder.start(dir, COMMAND, config.seed(), config, run -> train(run, config, progress, -1));
    }

    /** Continues the run in {@code dir} if it holds one (with its recorded configuration), else starts it. */
    public static TrainingLoop.Summary startOrResume(Path dir, OneShotRunConfig config, PrintStream progress)
            throws IOException {
        return RunFolder.resumeOrStart(dir, COMMAND, config.seed(), config, OneShotRunConfig.class,
                (run, c) -> train(run, c, progress, -1));
    }

    /** Continues the run in {@code dir} from its last checkpoint. */
    public static TrainingLoop.Summary resume(Path dir, PrintStream progress) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return train(run, config(run), progress, -1);
    }

    /** The configuration recorded in a one-shot run folder. */
    public static OneShotRunConfig config(RunFolder run) throws IOException {
        return run.config(COMMAND, OneShotRunConfig.class);
    }

    /** Trains, stopping after step {@code stopAfter} if it is >= 0 (tests simulate a kill with it). */
    public static TrainingLoop.Summary train(RunFolder run, OneShotRunConfig c, PrintStream progress, long stopAfter)
            throws IOException {
        DataSpec.Prepared data = c.data().prepare(run);
        if (!data.fit(c.space()).equals(c.space())) {
            throw new IllegalArgumentException("the search space's input shape " + c.space().inChannels() + "x"
                    + c.space().resolution() + " (" + c.space().numClasses() + " classes) does not match "
                    + data.name());
        }
        Placement placement = Placement.of(c.device());
        TrainingBatches batches = new TrainingBatches(data.train(), data.normalization(), data.augmentation(),
                c.seed(), BatchSettings.DEFAULT.withBatchSize(c.batchSize()));
        long total = (long) c.epochs() * batches.batchesPerEpoch();
        try (OneShotNetwork net = c.newNetwork();
                Adam adam = new Adam(net.parameters(), c.adam())) {
            OneShotTask task = c.evaluatorImpl().task(net, adam, c, total, data.validation(), data.normalization(),
                    placement);
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(c.epochs(), c.learningRate(),
                    c.checkpointEvery(), c.metricsEvery(), c.maxLoss()), placement, progress);
            if (stopAfter >= 0) {
                loop.stopAfter(stopAfter);
            }
            return loop.run(run, task, batches, "one-shot");
        }
    }

    /** A one-shot network with the weights of a (finished or interrupted) run's last checkpoint. */
    public static OneShotNetwork load(RunFolder run) throws IOException {
        OneShotRunConfig c = config(run);
        Path ckpt = Checkpoint.usable(run.resolve(RunFiles.CHECKPOINT), note -> {
            run.log(note);
            System.err.println(note);
        });
        if (ckpt == null) {
            throw new IOException(run.dir() + " has no checkpoint yet; train it first");
        }
        OneShotNetwork net = c.newNetwork();
        try {
            Checkpoint.readWeights(ckpt, net.parameters());
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }
}
