package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.smash4j.data.Batch;
import org.smash4j.data.BatchStream;
import org.smash4j.data.TrainingBatches;
import org.smash4j.nn.Loss;
import org.smash4j.nn.Placement;
import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The training loop both trainers share: cosine learning rate per step, deterministic batches, atomic
 * checkpoints every N steps and at every epoch end, exact resume from the last checkpoint, metrics.jsonl,
 * a progress bar, and a stop on a NaN or exploding loss that leaves the last good checkpoint intact.
 */
public final class TrainingLoop {
    /** Length and rhythm of a run. */
    public record Settings(int epochs, double learningRate, int checkpointEvery, int metricsEvery, double maxLoss) {
        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be a number > 0, got " + learningRate);
            }
            if (checkpointEvery < 0 || metricsEvery < 0) {
                throw new IllegalArgumentException("the checkpoint and metrics intervals must be >= 0 steps (0: at"
                        + " epoch ends only / no step records), got " + checkpointEvery + " and " + metricsEvery);
            }
            if (!(maxLoss > 0)) {
                throw new IllegalArgumentException("the loss limit must be > 0, got " + maxLoss);
            }
        }

        /**
         * Checks the options every training run has, so that a bad one is refused before its run folder is
         * written (the run configurations call it from their constructors).
         */
        public static void check(int epochs, int batchSize, double learningRate, int evalBatch, int checkpointEvery,
                int metricsEvery, double maxLoss, String device) {
            new Settings(epochs, learningRate, checkpointEvery, metricsEvery, maxLoss);
            if (batchSize < 1 || evalBatch < 1) {
                throw new IllegalArgumentException("batch size and evaluation batch must be >= 1, got " + batchSize
                        + " and " + evalBatch);
            }
            org.smash4j.nn.Placement.check(device);
        }
    }

    /** How a run ended. */
    public record Summary(long steps, int epochs, Map<String, Object> lastEpoch, boolean resumed, double seconds) {
    }

    /** Recomputations of a step whose loss or gradients came out non-finite before the run stops. */
    static final int STEP_RETRIES = 2;

    private final Settings settings;
    private final Placement placement;
    private final PrintStream progressOut;
    private long stopAfterStep = -1;

    public TrainingLoop(Settings settings, Placement placement, PrintStream progressOut) {
        this.settings = settings;
        this.placement = placement;
        this.progressOut = progressOut;
    }

    /**
     * For tests: stop (as if killed) right after step {@code step} has been completed and, if due, checkpointed,
     * without writing anything else.
     */
    public TrainingLoop stopAfter(long step) {
        this.stopAfterStep = step;
        return this;
    }

    /**
     * Trains from the run folder's checkpoint if it has one, else from the start. A non-finite loss after a
     * checkpoint was written is retried once from that checkpoint: libtorch's CPU kernels have produced transient
     * NaN gradients on this project's machines that a deterministic replay from the checkpoint does not repeat
     * (see ConvBackendTest). A divergence that recurs at the same step, or comes before any checkpoint, stops the
     * run with its message and leaves the checkpoint untouched.
     */
    public Summary run(RunFolder run, TrainingTask task, TrainingBatches batches, String label) throws IOException {
        long failedStep = -1;
        while (true) {
            try {
                return runFromCheckpoint(run, task, batches, label);
            } catch (TrainingDivergedException e) {
                Path checkpoint = run.resolve(RunFiles.CHECKPOINT);
                boolean canRetry = (Files.exists(checkpoint) || Files.exists(Checkpoint.previous(checkpoint)))
                        && e.step() != failedStep;
                if (!canRetry) {
                    throw failedStep >= 0 ? new TrainingDivergedException(e.step(), e.getMessage()
                            + "; it happened again after reloading the checkpoint") : e;
                }
                failedStep = e.step();
                run.log(label + ": retrying from the last checkpoint after: " + e.getMessage());
                progressOut.println();
                progressOut.println(label + ": non-finite loss at step " + (e.step() + 1)
                        + "; reloading the last checkpoint and replaying");
            }
        }
    }

    private Summary runFromCheckpoint(RunFolder run, TrainingTask task, TrainingBatches batches, String label)
            throws IOException {
        long t0 = System.nanoTime();
        int perEpoch = batches.batchesPerEpoch();
        long total = (long) settings.epochs() * perEpoch;
        CosineSchedule lr = new CosineSchedule(settings.learningRate(), total);
        Path ckpt = run.resolve(RunFiles.CHECKPOINT);
        long start = 0;
        double sumLoss = 0;
        long sumErrors = 0;
        long seen = 0;
        boolean resumed = false;
        Map<String, Object> lastEpoch = null;
        Path usable = Checkpoint.usable(ckpt, note -> {
            run.log(label + ": " + note);
            progressOut.println(label + ": " + note);
        });
        if (usable != null) {
            Map<String, Object> h = Checkpoint.read(usable, task.parameters(), task.optimizer());
            start = ((Number) h.get("step")).longValue();
            sumLoss = ((Number) h.get("epochLossSum")).doubleValue();
            sumErrors = ((Number) h.get("epochErrors")).longValue();
            seen = ((Number) h.get("epochSeen")).longValue();
            if (((Number) h.get("totalSteps")).longValue() != total) {
                throw new IOException(ckpt + " belongs to a run of " + h.get("totalSteps") + " steps, not " + total
                        + "; resume with the run's own settings");
            }
            run.log(label + ": resumed from step " + start + " of " + total);
            resumed = true;
        }
        // Records written after the checkpoint (or, killed before the first one, any) are written again.
        run.truncateLines(RunFiles.METRICS, "step", start);
        if (start >= total) {
            return new Summary(total, settings.epochs(), null, resumed, 0);
        }
        Progress progress = new Progress(progressOut, label, total);
        long windowStart = System.nanoTime();
        long windowImages = 0;
        double imagesPerSecond = Double.NaN;
        BatchStream stream = batches.fromStep(start);
        try (NDManager manager = NDManager.newBaseManager(placement.device())) {
            for (long step = start; step < total; step++) {
                if (step > start && step % perEpoch == 0) {
                    stream.close();
                    stream = batches.fromStep(step); // a stream covers the rest of one epoch
                }
                Batch b = stream.next();
                double rate = lr.at(step);
                double lossValue = Double.NaN;
                long errors = 0;
                // libtorch's CPU kernels occasionally return NaN that a recomputation of the same step does not
                // (seen in the one-shot network); such a step is recomputed, with the same batch and architecture,
                // before the weights are touched. A NaN that persists, or a finite exploding loss, stops the run.
                for (int attempt = 0; ; attempt++) {
                    // Zeroed before every attempt (a recomputation, the first step after a checkpoint reload), so
                    // gradients left non-finite by a failed attempt cannot leak into the next one.
                    task.parameters().zeroGradients();
                    boolean transientNaN;
                    try (NDScope scope = new NDScope();
                            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray x = images(manager, b);
                        NDArray y = manager.create(b.labels());
                        TrainingTask.Forward f = task.forward(step, x, y);
                        lossValue = f.loss().getFloat();
                        transientNaN = !Double.isFinite(lossValue);
                        if (!transientNaN) {
                            if (lossValue > settings.maxLoss()) {
                                throw diverged(run, step, perEpoch, lossValue, ckpt);
                            }
                            errors = Loss.errors(f.logits(), y);
                            gc.backward(f.loss());
                            transientNaN = !gradientsFinite(task);
                        }
                    }
                    if (!transientNaN) {
                        break;
                    }
                    if (attempt >= STEP_RETRIES) {
                        throw diverged(run, step, perEpoch, Double.isFinite(lossValue) ? Double.NaN : lossValue,
                                ckpt);
                    }
                    run.log(label + ": non-finite loss or gradient at step " + (step + 1) + "; recomputing it");
                }
                task.optimizer().step(rate);
                sumLoss += lossValue * b.size();
                sumErrors += errors;
                seen += b.size();
                windowImages += b.size();
                long done = step + 1;
                if (settings.metricsEvery() > 0 && done % settings.metricsEvery() == 0) {
                    long now = System.nanoTime();
                    imagesPerSecond = windowImages / ((now - windowStart) / 1e9);
                    windowStart = now;
                    windowImages = 0;
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("type", "step");
                    rec.put("step", done);
                    rec.put("epoch", (double) done / perEpoch);
                    rec.put("loss", lossValue);
                    rec.put("error", (double) errors / b.size());
                    rec.put("lr", rate);
                    rec.put("imagesPerSecond", imagesPerSecond);
                    rec.put("rssMiB", org.smash4j.bench.Memory.rssMiB()); // memory of this process, libtorch's included
                    rec.putAll(task.stepInfo(step));
                    run.appendMetrics(rec);
                }
                boolean epochEnd = done % perEpoch == 0;
                if (epochEnd) {
                    int epoch = (int) (done / perEpoch) - 1;
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("type", "epoch");
                    rec.put("epoch", epoch + 1);
                    rec.put("step", done);
                    rec.put("trainLoss", sumLoss / seen);
                    rec.put("trainError", (double) sumErrors / seen);
                    rec.put("lr", rate);
                    rec.putAll(task.stepInfo(step));
                    rec.putAll(task.endOfEpoch(epoch, done));
                    rec.put("elapsedSeconds", (System.nanoTime() - t0) / 1e9);
                    run.appendMetrics(rec);
                    run.log(label + ": " + summarize(rec));
                    lastEpoch = rec;
                    sumLoss = 0;
                    sumErrors = 0;
                    seen = 0;
                }
                if (epochEnd || done == total || (settings.checkpointEvery() > 0
                        && done % settings.checkpointEvery() == 0)) {
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("step", done);
                    h.put("totalSteps", total);
                    h.put("epochLossSum", sumLoss);
                    h.put("epochErrors", sumErrors);
                    h.put("epochSeen", seen);
                    h.putAll(task.stepInfo(step));
                    Checkpoint.write(ckpt, h, task.parameters(), task.optimizer());
                }
                progress.update(done, String.format(Locale.ROOT, "epoch %d/%d  loss %.3f  err %.3f  %s img/s",
                        step / perEpoch + 1, settings.epochs(), lossValue, (double) errors / b.size(),
                        Double.isNaN(imagesPerSecond) ? "?" : String.format(Locale.ROOT, "%.0f", imagesPerSecond)));
                if (step == stopAfterStep) {
                    progress.done();
                    return new Summary(done, epochEnd ? (int) (done / perEpoch) : -1, lastEpoch, resumed,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            stream.close();
        }
        progress.done();
        run.log(label + ": finished " + total + " steps");
        return new Summary(total, settings.epochs(), lastEpoch, resumed, (System.nanoTime() - t0) / 1e9);
    }

    /** Whether every gradient is finite (a NaN or infinity anywhere makes its sum non-finite). */
    private static boolean gradientsFinite(TrainingTask task) {
        for (NDArray w : task.parameters().trainable().values()) {
            try (NDArray g = w.getGradient(); NDArray sum = g.sum()) {
                if (!Double.isFinite(sum.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble())) {
                    return false;
                }
            }
        }
        return true;
    }

    private NDArray images(NDManager manager, Batch b) {
        FloatBuffer buf = b.pixelBuffer();
        NDArray f = manager.create(buf, new Shape(b.shape()));
        return f.toType(placement.dataType(), false);
    }

    private TrainingDivergedException diverged(RunFolder run, long step, int perEpoch, double loss, Path ckpt) {
        String last;
        try {
            // header() checks every checksum, so "intact" is verified, not assumed.
            last = Files.exists(ckpt) ? "the last checkpoint (step " + Checkpoint.header(ckpt).get("step")
                    + ") in " + ckpt + " is intact (checksums verified)" : "no checkpoint had been written yet";
        } catch (IOException e) {
            last = "the checkpoint is damaged: " + e.getMessage();
        }
        String msg = String.format(Locale.ROOT, "training stopped: the loss is %s at step %d (epoch %d, batch %d); %s",
                Double.isNaN(loss) ? "NaN" : Double.isInfinite(loss) ? "infinite" : "exploding (" + loss + " > "
                        + settings.maxLoss() + ")", step + 1, step / perEpoch + 1, step % perEpoch + 1, last);
        run.log(msg);
        return new TrainingDivergedException(step, msg);
    }

    private static String summarize(Map<String, Object> rec) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : rec.entrySet()) {
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v)
                    .append(' ');
        }
        return sb.toString().trim();
    }
}
