package org.smash4j.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.data.DataSets;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.run.RunFolder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline at the tiny preset on a slice of real Fashion-MNIST, end to end, then resumed. */
class PipelineTest {
    @TempDir
    Path tmp;

    @Test
    void wholePipelineProducesEveryFileAndResumesWithoutRedoingWork() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(DataSets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        Path run = tmp.resolve("run");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        // The random phase by successive halving (60 validation images: rounds of 15, 30 and 60), so the real
        // scorer's slices run end to end too.
        PipelineConfig c = Pipeline.fromPreset("tiny", new DataSpec("fashion-mnist", null, 600, 200, 0.1, 0), 0, "cpu",
                1, 1, 2, 10, org.smash4j.train.OneShotSettings.standard());
        Path report = Pipeline.start(run, c, quiet);

        assertEquals(run.resolve("report/report.html"), report);
        for (String f : List.of("run.json", "smash/run.json", "smash/metrics.jsonl", "smash/checkpoint.bin",
                "search/results.jsonl", "search/ranking.json", "final/rank-1/model/weights.params",
                "final/rank-1/model/architecture.json", "final/rank-1/metrics.jsonl", "baselines/random-1/model/weights.params",
                "report/report.html", "report/summary.json", "report/summary.md")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " is missing");
        }
        List<JsonNode> results = RunFolder.open(run.resolve("search")).readLines("results.jsonl");
        assertEquals(6 + 2 + 2, results.size(), "tiny plan: 6 random, 2 perturbations, 2 hill-climbing steps");

        String html = Files.readString(report);
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("data:") || ref.startsWith("#") || ref.startsWith("http")) {
                continue;
            }
            assertTrue(Files.exists(report.getParent().resolve(ref)), "report.html references missing " + ref);
        }
        JsonNode summary = Json.MAPPER.readTree(run.resolve("report/summary.json").toFile());
        assertTrue(summary.toString().contains("testError"), "summary.json reports the winner's test error");

        // Resuming a finished pipeline redoes nothing: no new results, no new training steps.
        long steps = countLines(run.resolve("final/rank-1/metrics.jsonl"));
        Pipeline.resume(run, quiet);
        assertEquals(results.size(), RunFolder.open(run.resolve("search")).readLines("results.jsonl").size());
        assertEquals(steps, countLines(run.resolve("final/rank-1/metrics.jsonl")));
    }

    @Test
    void weightSharingPipelineReportSaysWhichEvaluatorFoundTheWinner() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(DataSets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        Path run = tmp.resolve("sharing");
        PipelineConfig c = Pipeline.fromPreset("tiny", new DataSpec("fashion-mnist", null, 600, 200, 0.1, 0), 0, "cpu",
                1, 0, 2, 10, org.smash4j.train.OneShotSettings.standard()).withEvaluator("weight-sharing", null);
        Path report = Pipeline.start(run, c, new PrintStream(new ByteArrayOutputStream()));
        JsonNode smash = Json.MAPPER.readTree(run.resolve("smash/run.json").toFile()).path("config");
        assertEquals("weight-sharing", smash.path("evaluator").asText());
        JsonNode summary = Json.MAPPER.readTree(run.resolve("report/summary.json").toFile());
        assertEquals("weight-sharing", summary.path("winner").path("evaluator").asText());
        assertTrue(Files.readString(report).contains("the weight-sharing evaluator"));
        assertTrue(Files.readString(run.resolve("report/summary.md")).contains("the weight-sharing evaluator"));
    }

    private static long countLines(Path p) throws Exception {
        return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
    }
}
