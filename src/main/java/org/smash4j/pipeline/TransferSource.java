package org.smash4j.pipeline;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.run.RankedArchitecture;
import org.smash4j.run.Ranking;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.run.RunFolder;
import org.smash4j.train.StandaloneTraining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a transferred architecture came from, recorded in the transfer's run.json: enough to find the source run
 * again and to compare with it without it (the architecture with its source space, the source's data and, when it
 * had been trained stand-alone, its result at the time of the transfer).
 *
 * @param kind             {@value #PIPELINE}, {@value #SEARCH}, {@value #TRAIN} or {@value #TRANSFER}
 * @param path             the source run folder relative to the transfer's folder (absolute where no relative path
 *                         exists), so that the two can move together
 * @param absolutePath     the source run folder's absolute path when the transfer was made
 * @param architectureFile the file the architecture was read from, relative to the source folder
 * @param index            the search index of the architecture (ranked first), or null for a stand-alone source
 * @param score            its SMASH score, or null for a stand-alone source
 * @param data             the data the source ran on, or null when it cannot be read
 * @param preset           the source's search-space preset, or null when it records none
 * @param seed             the source run's seed
 * @param document         the architecture with the source's search space, as found
 * @param trainedRun       the folder that trained this architecture stand-alone, relative to the source folder
 *                         ("final/rank-1", "."), or null when there is none
 * @param result           that training's last epoch when the transfer was made, or null before its first
 */
public record TransferSource(String kind, String path, String absolutePath, String architectureFile, Long index,
        Double score, DataSpec data, String preset, long seed, ArchitectureDocument document, String trainedRun,
        Result result) {
    public static final String PIPELINE = "pipeline";
    public static final String SEARCH = "search";
    public static final String TRAIN = "train";
    public static final String TRANSFER = "transfer";

    private static final String ACCEPTED = "--from takes a `smash run` folder (the winner of its search), a"
            + " `smash search` folder (its rank 1), or a `smash train` or `smash transfer` run (its architecture)";

    /** A stand-alone training's last epoch. */
    public record Result(int epochs, Double valError, Double testError) {
    }

    /**
     * Reads the found architecture of {@code from}: a {@code smash run} folder (rank 1 of its search), a search
     * folder (its rank 1), or a {@code smash train} or {@code smash transfer} run (its architecture).
     *
     * @param transferDir the transfer's run folder, which the recorded path is made relative to
     * @throws IllegalArgumentException when {@code from} is none of these, or has no architecture yet
     */
    public static TransferSource read(Path from, Path transferDir) throws IOException {
        if (!Files.isRegularFile(from.resolve(RunFiles.RUN))) {
            throw new IllegalArgumentException(from + " is not a run folder (no " + RunFiles.RUN + "); "
                    + ACCEPTED);
        }
        RunFolder run = RunFolder.open(from);
        JsonNode description = run.description();
        String command = description.path("command").asText("");
        JsonNode config = description.path("config");
        long seed = description.path("seed").asLong();
        String path = relative(transferDir, from);
        String absolute = from.toAbsolutePath().normalize().toString();
        switch (command) {
            case Pipeline.COMMAND -> {
                Path trained = from.resolve(RunFiles.FINAL_DIR).resolve("rank-1");
                return ranked(PIPELINE, path, absolute, from, "search/" + RunFiles.RANKING, data(config),
                        text(config, "preset"), seed, "final/rank-1", result(trained));
            }
            case SearchJob.COMMAND -> {
                // The data and preset are those of the one-shot run the search scored with.
                JsonNode oneShot = oneShotConfig(from, run, config.path("smashRun").asText(""));
                return ranked(SEARCH, path, absolute, from, RunFiles.RANKING, data(oneShot), text(oneShot, "preset"),
                        seed, null, null);
            }
            case StandaloneTraining.COMMAND, Transfer.COMMAND -> {
                // A transfer keeps its training settings under "training", a train run at the top.
                boolean train = command.equals(StandaloneTraining.COMMAND);
                JsonNode training = train ? config : config.path("training");
                ArchitectureDocument doc = Json.MAPPER.treeToValue(training.get("architecture"),
                        ArchitectureDocument.class);
                String file = RunFiles.RUN + " (config" + (train ? "" : ".training") + ".architecture)";
                return new TransferSource(train ? TRAIN : TRANSFER, path, absolute, file, null, null, data(training),
                        text(config, "preset"), seed, doc, ".", result(from));
            }
            default -> throw new IllegalArgumentException(from + " is a '" + command + "' run; " + ACCEPTED);
        }
    }

    private static TransferSource ranked(String kind, String path, String absolute, Path from, String file,
            DataSpec data, String preset, long seed, String trainedRun, Result result) throws IOException {
        Path rankingFile = from.resolve(file);
        if (!Files.isRegularFile(rankingFile)) {
            throw new IllegalArgumentException(from + " has no " + file + " yet: its search has not finished, so"
                    + " there is no architecture to transfer");
        }
        Ranking.Document ranking = Ranking.read(rankingFile);
        if (ranking.ranked().isEmpty()) {
            throw new IllegalArgumentException(rankingFile + " ranks no architecture");
        }
        RankedArchitecture best = ranking.ranked().get(0);
        return new TransferSource(kind, path, absolute, file, best.index(), best.score(), data, preset, seed,
                new ArchitectureDocument(ranking.space(), best.architecture()), trainedRun, result);
    }

    /** The last epoch of the stand-alone run in {@code dir}, or null when it has none (yet). */
    private static Result result(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFiles.RUN))) {
            return null;
        }
        Map<String, Object> last = StandaloneTraining.lastEpochRecord(RunFolder.open(dir));
        if (last == null) {
            return null;
        }
        return new Result(((Number) last.get("epoch")).intValue(), number(last.get("valError")),
                number(last.get("testError")));
    }

    private static JsonNode oneShotConfig(Path searchDir, RunFolder search, String smashRun) throws IOException {
        if (smashRun.isEmpty()) {
            return Json.MAPPER.createObjectNode();
        }
        // Recorded relative to the search folder (older runs: as given on the command line); or the pipeline's.
        for (Path candidate : new Path[] {search.link(smashRun), searchDir.resolveSibling(RunFiles.SMASH_DIR)}) {
            if (Files.isRegularFile(candidate.resolve(RunFiles.RUN))) {
                return RunFolder.open(candidate).description().path("config");
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private static DataSpec data(JsonNode config) throws IOException {
        JsonNode d = config.get("data");
        return d == null || !d.isObject() ? null : Json.MAPPER.treeToValue(d, DataSpec.class);
    }

    private static String text(JsonNode config, String field) {
        return config.path(field).isTextual() ? config.get(field).asText() : null;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    /** {@code target} relative to {@code base} (absolute when they share no root). */
    static String relative(Path base, Path target) {
        Path b = base.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        try {
            String r = b.relativize(t).toString();
            return r.isEmpty() ? "." : r;
        } catch (IllegalArgumentException e) {
            return t.toString();
        }
    }
}
