package org.smash4j.train;

import org.smash4j.run.RunFiles;
import org.smash4j.run.RunFolder;
import org.smash4j.run.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.run.Json;

import com.fasterxml.jackson.core.type.TypeReference;
import org.smash4j.data.BatchSettings;
import org.smash4j.data.TrainingBatches;
import org.smash4j.nn.Placement;
import org.smash4j.nn.StandaloneNetwork;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.ArchitectureJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts, resumes, saves and reloads stand-alone training runs ({@code smash train}). A finished run holds its
 * model in {@code model/}: architecture.json (with its search space), weights.params and model.json.
 */
public final class StandaloneTraining {
    public static final String COMMAND = "train";

    private StandaloneTraining() {
    }

    public static TrainingLoop.Summary start(Path dir, StandaloneRunConfig config, PrintStream progress)
            throws IOException {
        return RunFolder.start(dir, COMMAND, config.seed(), config, run -> train(run, config, progress, -1));
    }

    /** Continues the run in {@code dir} if it holds one (with its recorded configuration), else starts it. */
    public static TrainingLoop.Summary startOrResume(Path dir, StandaloneRunConfig config, PrintStream progress)
            throws IOException {
        return RunFolder.resumeOrStart(dir, COMMAND, config.seed(), config, StandaloneRunConfig.class,
                (run, c) -> train(run, c, progress, -1));
    }

    public static TrainingLoop.Summary resume(Path dir, PrintStream progress) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return train(run, config(run), progress, -1);
    }

    public static StandaloneRunConfig config(RunFolder run) throws IOException {
        return run.config(COMMAND, StandaloneRunConfig.class);
    }

    /** Trains (stopping after step {@code stopAfter} if >= 0) and, when finished, saves the model. */
    public static TrainingLoop.Summary train(RunFolder run, StandaloneRunConfig c, PrintStream progress,
            long stopAfter) throws IOException {
        DataSpec.Prepared data = c.data().prepare(run);
        ArchitectureDocument doc = c.architecture();
        if (!data.fit(doc.space()).equals(doc.space())) {
            throw new IllegalArgumentException("the architecture's search space expects " + doc.space().inChannels()
                    + "x" + doc.space().resolution() + "x" + doc.space().resolution() + " images and "
                    + doc.space().numClasses() + " classes, which does not match " + data.name());
        }
        Placement placement = Placement.of(c.device());
        TrainingBatches batches = new TrainingBatches(data.train(), data.normalization(), data.augmentation(),
                c.seed(), BatchSettings.DEFAULT.withBatchSize(c.batchSize()));
        try (StandaloneNetwork net = new StandaloneNetwork(doc.space(), doc.architecture(), c.normStyle(), placement,
                c.seed()); NesterovSgd sgd = new NesterovSgd(net.parameters(), c.momentum(), c.weightDecay())) {
            StandaloneTask task = new StandaloneTask(net, sgd, data.validation(), data.test(), data.normalization(),
                    placement, c.evalBatch());
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(c.epochs(), c.learningRate(),
                    c.checkpointEvery(), c.metricsEvery(), c.maxLoss()), placement, progress);
            if (stopAfter >= 0) {
                loop.stopAfter(stopAfter);
            }
            TrainingLoop.Summary s = loop.run(run, task, batches, "train");
            if (s.steps() == (long) c.epochs() * batches.batchesPerEpoch()) {
                Map<String, Object> last = s.lastEpoch() != null ? s.lastEpoch() : lastEpochRecord(run);
                save(run.resolve(RunFiles.MODEL_DIR), net, new ModelInfo(c.normStyle(), c.data(),
                        data.train().classNames(), data.normalization(), doc.space().inChannels(), doc.space().resolution(), last));
            }
            return s;
        }
    }

    /** The last epoch record of a run's metrics.jsonl (validation and test error, ...), or null before the first. */
    public static Map<String, Object> lastEpochRecord(RunFolder run) throws IOException {
        JsonNode last = run.lastMetrics("epoch");
        return last == null ? null : Json.MAPPER.convertValue(last, new TypeReference<Map<String, Object>>() { });
    }

    static void save(Path dir, StandaloneNetwork net, ModelInfo info) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(RunFiles.MODEL_ARCHITECTURE), ArchitectureJson.toPrettyJson(
                new ArchitectureDocument(net.config(), net.architecture())));
        AtomicFiles.write(dir.resolve(RunFiles.MODEL_WEIGHTS), net.parameters()::write);
        AtomicFiles.writeString(dir.resolve(RunFiles.MODEL_INFO), Json.MAPPER.writeValueAsString(info));
    }

    /** A trained model: its network (owning native memory; close it) and its description. */
    public record Model(StandaloneNetwork network, ModelInfo info) implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    /** Loads the model saved by a finished {@code train} run (the run folder or its model/ folder). */
    public static Model load(Path runOrModel, String device) throws IOException {
        Path model = runOrModel.resolve(RunFiles.MODEL_DIR);
        Path dir = Files.isDirectory(model) ? model : runOrModel;
        if (!Files.isRegularFile(dir.resolve(RunFiles.MODEL_WEIGHTS))) {
            throw new IOException(runOrModel + " holds no trained model (no " + RunFiles.MODEL_DIR
                    + "/weights.params); is the run finished?");
        }
        ArchitectureDocument doc = ArchitectureJson.readDocument(dir.resolve(RunFiles.MODEL_ARCHITECTURE));
        ModelInfo info = Json.MAPPER.readValue(dir.resolve(RunFiles.MODEL_INFO).toFile(), ModelInfo.class);
        StandaloneNetwork net = new StandaloneNetwork(doc.space(), doc.architecture(), info.normStyle(),
                Placement.of(device), 0);
        try (InputStream in = Files.newInputStream(dir.resolve(RunFiles.MODEL_WEIGHTS))) {
            net.parameters().read(in);
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        return new Model(net, info);
    }
}
