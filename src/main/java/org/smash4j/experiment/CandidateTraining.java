package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.train.SpecDefaults;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.train.DataSpec;
import org.smash4j.run.RunFolder;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.train.StandaloneTraining;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains a candidate architecture from scratch (the "true error" of the experiments) in a stand-alone run folder of
 * its own, with the pipeline's stand-alone settings (Nesterov SGD, lr 0.1, momentum 0.9, weight decay 1e-4, cosine
 * schedule, sandwich norm). A finished candidate is only read back; an interrupted one is resumed.
 *
 * @param epochs stand-alone epochs
 * @param data   the data the candidates train and are tested on
 */
record CandidateTraining(int epochs, DataSpec data, long seed, String device) {

    TrueError train(Path dir, ArchitectureDocument doc, PrintStream progress) {
        try {
            if (!Files.isRegularFile(dir.resolve(RunFiles.MODEL_DIR).resolve(RunFiles.MODEL_WEIGHTS))) {
                StandaloneTraining.startOrResume(dir, StandaloneRunConfig.standard(doc, data, epochs, seed, device,
                        SpecDefaults.CHECKPOINT_EVERY, SpecDefaults.METRICS_EVERY), progress);
            }
            return read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("training the candidate in " + dir + " failed", e);
        }
    }

    /** The last epoch record of a finished stand-alone run. */
    static TrueError read(Path dir) throws IOException {
        JsonNode last = RunFolder.open(dir).lastMetrics("epoch");
        if (last == null || !last.has("testError")) {
            throw new IOException(dir + " has no finished epoch with a test error");
        }
        return new TrueError(last.path("testError").asDouble(), last.path("valError").asDouble(Double.NaN),
                last.path("trainError").asDouble(Double.NaN), last.path("elapsedSeconds").asDouble(Double.NaN));
    }
}
