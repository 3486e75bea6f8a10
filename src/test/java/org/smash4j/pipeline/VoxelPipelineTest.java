package org.smash4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.data.SyntheticModelNet10;
import org.smash4j.run.Json;
import org.smash4j.run.RunFolder;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotSettings;

/**
 * A tiny 3-D search end to end: the whole pipeline at the tiny preset on synthetic ModelNet10 files reduced to 8^3
 * grids (the tiny preset's resolution), from one-shot training with 3-D convs through search and training the
 * winner from scratch to the report.
 */
class VoxelPipelineTest {
    @TempDir
    Path tmp;

    @Test
    void tinyVoxelSearchEndsWithAReport() throws Exception {
        Path data = SyntheticModelNet10.write(tmp.resolve("modelnet10"), 60, 20, 7);
        Path run = tmp.resolve("run");
        PipelineConfig c = Pipeline.fromPreset("tiny", new DataSpec("modelnet10-8", data.toString(), 0, 0, 0.2, 0),
                0, "cpu", 1, 0, 2, 4, OneShotSettings.standard());
        Path report = Pipeline.start(run, c, new PrintStream(new ByteArrayOutputStream()));

        assertEquals(run.resolve("report/report.html"), report);
        for (String f : List.of("smash/checkpoint.bin", "search/ranking.json", "final/rank-1/model/weights.params",
                "report/summary.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " is missing");
        }
        assertEquals(10, RunFolder.open(run.resolve("search")).readLines("results.jsonl").size());
        SearchSpaceConfig space = ArchitectureJson.readDocument(run.resolve("final/rank-1/model/architecture.json"))
                .space();
        assertEquals(3, space.spatialDims());
        assertEquals(8, space.resolution());
        JsonNode summary = Json.MAPPER.readTree(run.resolve("report/summary.json").toFile());
        double testError = summary.path("winner").path("testError").asDouble(Double.NaN);
        assertTrue(testError >= 0 && testError <= 1, "the winner's test error: " + summary.path("winner"));
    }
}
