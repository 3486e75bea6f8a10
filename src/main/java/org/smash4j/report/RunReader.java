package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.run.Json;
import org.smash4j.run.RunDescription;
import org.smash4j.run.ResultsFile;
import org.smash4j.run.Ranking;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.RankedArchitecture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.ConditioningDiagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a run folder for the report without ever failing on an incomplete or damaged run: each absent part is
 * noted as missing, each unreadable file or line is noted as a problem and skipped, and reading goes on. A torn
 * last line of a JSON-lines file (a run killed or still writing) is skipped with a note, as the training code
 * itself does on resume.
 */
final class RunReader {
    private static final Pattern NUMBERED = Pattern.compile(".*?-(\\d+)");

    private final Path runDir;
    private final List<String> missing = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    RunReader(Path runDir) {
        this.runDir = runDir;
    }

    /** What the reads so far found missing, one sentence each. */
    List<String> missing() {
        return missing;
    }

    /** What the reads so far could not read, one sentence each. */
    List<String> problems() {
        return problems;
    }

    RunContents read() {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run folder " + runDir + " does not exist or is not a folder");
        }
        RunInfo run = readInfo(runDir, "");
        RunInfo smash = null;
        MetricsLog smashMetrics = MetricsLog.empty();
        Path smashDir = runDir.resolve(RunFiles.SMASH_DIR);
        if (Files.isDirectory(smashDir)) {
            smash = readInfo(smashDir, "smash/");
            smashMetrics = readMetrics(smashDir.resolve(RunFiles.METRICS), "smash/" + RunFiles.METRICS);
            if (smashMetrics.lastEpoch() == null) {
                missing.add("smash/" + RunFiles.METRICS + " has no finished epoch yet: no one-shot validation error");
            }
        } else {
            missing.add("smash/ is missing: the one-shot (SMASH) network has not been trained");
        }

        RunInfo search = null;
        List<ScoredArchitecture> results = List.of();
        SearchSpaceConfig rankingSpace = null;
        List<RankedArchitecture> ranking = new ArrayList<>();
        Path searchDir = runDir.resolve(RunFiles.SEARCH_DIR);
        if (Files.isDirectory(searchDir)) {
            search = readInfo(searchDir, "search/");
            results = readResults(searchDir.resolve(RunFiles.RESULTS), "search/" + RunFiles.RESULTS);
            Path rankingFile = searchDir.resolve(RunFiles.RANKING);
            if (Files.isRegularFile(rankingFile)) {
                try {
                    Ranking.Document doc = Ranking.read(rankingFile);
                    rankingSpace = doc.space();
                    ranking = doc.ranked();
                } catch (IOException | RuntimeException e) {
                    problems.add("search/" + RunFiles.RANKING + " cannot be read (the ranking shown is made from "
                            + RunFiles.RESULTS + "): " + firstLine(e.getMessage()));
                }
            } else {
                missing.add("search/" + RunFiles.RANKING + " is missing: the search has not finished"
                        + (results.isEmpty() ? "" : "; the ranking shown is made from " + RunFiles.RESULTS));
            }
        } else {
            missing.add("search/ is missing: no architectures have been scored");
        }

        List<TrainedModel> finals = readTrainedModels(runDir.resolve(RunFiles.FINAL_DIR), "final/", "rank-");
        if (finals.isEmpty()) {
            missing.add("final/ has no rank-k run: the best architectures have not been trained stand-alone");
        } else if (finals.stream().noneMatch(m -> m.name().equals("rank-1"))) {
            missing.add("final/rank-1 is missing: the winner has not been trained stand-alone");
        }
        List<TrainedModel> baselines = readTrainedModels(runDir.resolve(RunFiles.BASELINES_DIR), "baselines/",
                "random-");

        SearchSpaceConfig space = rankingSpace;
        if (space == null) {
            space = finals.stream().filter(m -> m.document() != null).map(m -> m.document().space()).findFirst()
                    .orElse(null);
        }
        if (space == null && smash != null && smash.config().has("space")) {
            space = readSpace(smash.config().get("space"), "smash/" + RunFiles.RUN + " field 'config.space'");
        }
        return new RunContents(runDir, run, smash, smashMetrics, search, results, rankingSpace, ranking, finals,
                baselines, space, missing, problems);
    }

    // ---------------------------------------------------------------- run.json

    RunInfo readInfo(Path dir, String label) {
        Path file = dir.resolve(RunFiles.RUN);
        if (!Files.isRegularFile(file)) {
            missing.add(label + RunFiles.RUN + " is missing");
            return null;
        }
        JsonNode doc = readJson(file, label + RunFiles.RUN);
        if (doc == null) {
            return null;
        }
        RunDescription d;
        try {
            d = Json.LINE.treeToValue(doc, RunDescription.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(label + RunFiles.RUN + " cannot be read: " + firstLine(e.getMessage()));
            return null;
        }
        Instant created = null;
        if (d.created() != null) {
            try {
                created = Instant.parse(d.created());
            } catch (DateTimeParseException e) {
                problems.add(label + RunFiles.RUN + ": 'created' is not an ISO-8601 instant: " + d.created());
            }
        }
        JsonNode config = d.config() != null && d.config().isObject() ? d.config()
                : JsonNodeFactory.instance.objectNode();
        return new RunInfo(d.command(), d.seed(), created, config, d.versions() == null ? Map.of() : d.versions());
    }

    // ---------------------------------------------------------------- metrics.jsonl

    MetricsLog readMetrics(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            missing.add(label + " is missing");
            return MetricsLog.empty();
        }
        List<MetricsLog.Step> steps = new ArrayList<>();
        List<MetricsLog.Epoch> epochs = new ArrayList<>();
        for (JsonNode n : readLines(file, label)) {
            String type = n.path("type").asText("");
            if (type.equals("step")) {
                steps.add(new MetricsLog.Step(n.path("step").asLong(-1), num(n, "epoch"), num(n, "loss"),
                        num(n, "error"), num(n, "lr"), num(n, "imagesPerSecond")));
            } else if (type.equals("epoch")) {
                epochs.add(new MetricsLog.Epoch(n.path("epoch").asInt(-1), n.path("step").asLong(-1),
                        num(n, "trainLoss"), num(n, "trainError"), num(n, "lr"), num(n, "valLoss"),
                        num(n, "valError"), num(n, "testLoss"), num(n, "testError"), num(n, "elapsedSeconds"),
                        n.path("maxKernel").asInt(-1), num(n, "maxBudget"), diagnostics(n), num(n, "testTop5Error")));
            }
            // Other record types are allowed by the format and carry nothing the report shows.
        }
        return new MetricsLog(steps, epochs);
    }

    /** The conditioning diagnostics of an epoch record (none in runs older than them). */
    private static Map<String, Double> diagnostics(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (ConditioningDiagnostics.isMetric(e.getKey()) && e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- search

    /** The results a search wrote, in the search's own format; a line that does not parse is noted and skipped. */
    private List<ScoredArchitecture> readResults(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            missing.add(label + " is missing: no architecture has been scored yet");
            return List.of();
        }
        return parseLines(file, label, line -> ResultsFile.parseLine(line, null), "cannot be read");
    }

    // ---------------------------------------------------------------- stand-alone runs

    private List<TrainedModel> readTrainedModels(Path parent, String label, String prefix) {
        List<TrainedModel> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(parent)) {
            dirs = s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> NUMBERED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(RunReader::trailingNumber))
                    .toList();
        } catch (IOException e) {
            problems.add("cannot list " + label + ": " + e.getMessage());
            return out;
        }
        for (Path dir : dirs) {
            out.add(readTrainedModel(dir, label + dir.getFileName() + "/"));
        }
        return out;
    }

    /**
     * One stand-alone training folder ({@code smash train}, or {@code smash transfer}, which keeps its training
     * settings under {@code config.training}); {@code here} labels it in messages ("final/rank-1/").
     */
    TrainedModel readTrainedModel(Path dir, String here) {
        String name = dir.getFileName().toString();
        RunInfo info = readInfo(dir, here);
        MetricsLog metrics = readMetrics(dir.resolve(RunFiles.METRICS), here + RunFiles.METRICS);
        if (!metrics.isEmpty() && metrics.lastEpoch() == null) {
            missing.add(here + RunFiles.METRICS + " has no finished epoch yet");
        }
        ArchitectureDocument document = null;
        Path archFile = dir.resolve(RunFiles.MODEL_DIR).resolve(RunFiles.MODEL_ARCHITECTURE);
        if (Files.isRegularFile(archFile)) {
            try {
                document = ArchitectureJson.readDocument(archFile);
            } catch (IOException | RuntimeException e) {
                problems.add(here + "model/architecture.json cannot be read: " + e.getMessage());
            }
        }
        JsonNode recorded = info == null ? null : info.config().has("architecture")
                ? info.config().get("architecture") : info.config().path("training").get("architecture");
        if (document == null && recorded != null) {
            // The run has not saved its model yet; its run.json holds what it trains.
            try {
                document = ArchitectureJson.readDocument(recorded.toString());
            } catch (RuntimeException e) {
                problems.add(here + RunFiles.RUN + "'s recorded architecture cannot be read: " + e.getMessage());
            }
        }
        String normStyle = null;
        Path modelFile = dir.resolve(RunFiles.MODEL_DIR).resolve(RunFiles.MODEL_INFO);
        if (Files.isRegularFile(modelFile)) {
            JsonNode model = readJson(modelFile, here + "model/model.json");
            if (model != null && model.path("normStyle").isTextual()) {
                normStyle = model.get("normStyle").asText();
            }
        }
        if (normStyle == null && info != null) {
            normStyle = info.configText("normStyle") != null ? info.configText("normStyle")
                    : info.configText("training", "normStyle");
        }
        return new TrainedModel(name, dir, info, metrics, document, normStyle);
    }

    private static long trailingNumber(Path p) {
        Matcher m = NUMBERED.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    // ---------------------------------------------------------------- helpers

    private Architecture readArchitecture(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            problems.add(where + " has no architecture");
            return null;
        }
        try {
            return ArchitectureJson.readArchitecture(node.toString());
        } catch (RuntimeException e) {
            problems.add(where + ": architecture cannot be read: " + e.getMessage());
            return null;
        }
    }

    SearchSpaceConfig readSpace(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            problems.add(where + " is missing");
            return null;
        }
        try {
            return ArchitectureJson.readConfig(node.toString());
        } catch (RuntimeException e) {
            problems.add(where + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    JsonNode readJson(Path file, String label) {
        try {
            JsonNode n = Json.LINE.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                problems.add(label + " is not a JSON object");
                return null;
            }
            return n;
        } catch (IOException e) {
            problems.add(label + " cannot be read: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /** The objects of a JSON-lines file; blank lines are skipped, bad lines noted and skipped. */
    private List<JsonNode> readLines(Path file, String label) {
        return parseLines(file, label, line -> {
            JsonNode n;
            try {
                n = Json.LINE.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e.getOriginalMessage(), e);
            }
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            return n;
        }, "is not valid JSON");
    }

    /**
     * Each non-blank line of a JSON-lines file through {@code parse}. A line it refuses is noted ("{@code label}
     * line N {@code refusal}; skipped: why") and skipped; a refused last line is taken for one being written.
     */
    private <T> List<T> parseLines(Path file, String label, Function<String, T> parse, String refusal) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(label + " cannot be read: " + e.getMessage());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(parse.apply(lines.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(label + " line " + (i + 1) + (i == lines.size() - 1
                        ? " is incomplete (the run was killed or is still writing); skipped"
                        : " " + refusal + "; skipped: " + firstLine(e.getMessage())));
            }
        }
        return out;
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
