package org.smash4j.report;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code smash transfer} run folder as the reports see it, read leniently like every run folder: what was
 * transferred from where, how its training went, and the source's own stand-alone result beside it (read again from
 * the source folder when it is still there, so a source trained after the transfer started shows its result; else
 * as recorded when the transfer started).
 *
 * @param dir           the transfer's run folder
 * @param info          its run.json, or null
 * @param preset        the preset whose plan set its lengths, or null
 * @param source        where the architecture came from, or null when run.json does not say
 * @param dataSet       the target data set, or null
 * @param space         the adapted search space (the source's, fitted to the target data), or null
 * @param plannedEpochs the epochs it trains for, or null
 * @param result        its stand-alone training at the last finished epoch
 * @param metrics       its metrics (empty when absent)
 * @param missing       what it has not produced yet
 * @param problems      what could not be read
 */
public record TransferRun(Path dir, RunInfo info, String preset, Source source, String dataSet,
        SearchSpaceConfig space, Integer plannedEpochs, RunSummary.Trained result, MetricsLog metrics,
        List<String> missing, List<String> problems) {
    /** The command name in a transfer's run.json. */
    public static final String COMMAND = "transfer";
    /** RUN/transfers/NAME: where a run's transfers go by default, and where its report looks for them. */

    public TransferRun {
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /**
     * The recorded source (fields as in {@code org.smash4j.pipeline.TransferSource}).
     *
     * @param dataSet the source's data set, or null
     * @param space   the source's search space, or null
     * @param result  the source architecture trained stand-alone on the source data (costs in the source space),
     *                or null when it was not and cannot be read
     */
    public record Source(String kind, String path, String absolutePath, String architectureFile, Long index,
            Double score, String dataSet, SearchSpaceConfig space, RunSummary.Trained result) {
    }

    /** The folder's name. */
    public String name() {
        return dir.getFileName().toString();
    }

    /** Reads a transfer run folder. */
    public static TransferRun read(Path dir) {
        RunReader reader = new RunReader(dir);
        TrainedModel training = reader.readTrainedModel(dir, "");
        RunInfo info = training.info();
        JsonNode config = info == null ? null : info.config();
        Source source = config == null || !config.path("source").isObject() ? null
                : source(dir, config.get("source"), training.normStyle(), reader);
        if (config != null && source == null) {
            reader.problems().add(RunFiles.RUN + " records no source (config.source)");
        }
        JsonNode epochs = config == null ? null : config.path("training").get("epochs");
        return new TransferRun(dir, info, info == null ? null : info.configText("preset"), source,
                info == null ? null : info.configText("training", "data", "name"),
                training.document() == null ? null : training.document().space(),
                epochs != null && epochs.isInt() ? epochs.asInt() : null, RunSummary.trained(training),
                training.metrics(), reader.missing(), reader.problems());
    }

    /** The transfer runs in RUN/transfers/, by folder name (folders that are not transfers are left out). */
    public static List<TransferRun> readAll(Path runDir) {
        Path parent = runDir.resolve(RunFiles.TRANSFERS_DIR);
        List<TransferRun> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return out;
        }
        try (Stream<Path> s = Files.list(parent)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                TransferRun t = read(d);
                if (t.info() != null && COMMAND.equals(t.info().command())) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            // The report goes on without the transfers; their folder cannot be listed.
            return out;
        }
        return out;
    }

    private static Source source(Path dir, JsonNode s, String normStyle, RunReader reader) {
        String path = text(s, "path");
        SearchSpaceConfig space = null;
        ArchitectureDocument doc = null;
        if (s.path("document").isObject()) {
            try {
                doc = ArchitectureJson.readDocument(s.get("document").toString());
                space = doc.space();
            } catch (RuntimeException e) {
                reader.problems().add(RunFiles.RUN + ": the source architecture cannot be read: "
                        + e.getMessage());
            }
        }
        return new Source(text(s, "kind"), path, text(s, "absolutePath"), text(s, "architectureFile"),
                s.path("index").isIntegralNumber() ? s.get("index").asLong() : null,
                s.path("score").isNumber() ? s.get("score").asDouble() : null, text(s.path("data"), "name"), space,
                sourceResult(dir, s, path, doc, normStyle));
    }

    /** The source's stand-alone result: from its folder when it can be read there, else as recorded. */
    private static RunSummary.Trained sourceResult(Path dir, JsonNode s, String path, ArchitectureDocument doc,
            String normStyle) {
        String trainedRun = text(s, "trainedRun");
        if (trainedRun == null) {
            return null;
        }
        Path trained = path == null ? null : dir.resolve(path).resolve(trainedRun).normalize();
        if (trained != null && Files.isRegularFile(trained.resolve(RunFiles.METRICS))) {
            // Its own reader: the source's gaps are not the transfer's.
            TrainedModel m = new RunReader(trained).readTrainedModel(trained, trainedRun + "/");
            if (m.metrics().lastEpoch() != null) {
                return RunSummary.trained(m);
            }
        }
        JsonNode r = s.path("result");
        if (!r.isObject()) {
            return null;
        }
        // The costs as RunSummary counts them (same norm style as the transfer); the errors as recorded.
        RunSummary.Trained costs = RunSummary.trained(new TrainedModel(trainedRun, null, null, MetricsLog.empty(),
                doc, normStyle));
        return new RunSummary.Trained(trainedRun, costs.params(), costs.macs(),
                r.path("epochs").isInt() ? r.get("epochs").asInt() : null, number(r, "valError"),
                number(r, "testError"), null);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.get(field).asDouble() : null;
    }
}
