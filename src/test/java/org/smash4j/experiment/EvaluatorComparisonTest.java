package org.smash4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.data.DataSets;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.PathDropout;
import org.smash4j.run.Score;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.space.Presets;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.train.WeightSharingEvaluator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two one-shot evaluators through the same commands at the tiny scale on a slice of real Fashion-MNIST: a
 * weight-sharing run and a HyperNet run trained alike, searched, and compared side by side in the correlation
 * experiment with the path-dropout ablation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluatorComparisonTest {
    @TempDir
    static Path tmp;
    Path hyperNet;
    Path sharing;
    final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @BeforeAll
    void trainBothEvaluators() throws Exception {
        OneShotRunConfig base = ExperimentFixtures.tinyOneShot();
        hyperNet = tmp.resolve("smash-hypernet");
        sharing = tmp.resolve("smash-sharing");
        OneShotTraining.start(hyperNet, base, quiet);
        OneShotTraining.start(sharing, base.withEvaluator(WeightSharingEvaluator.NAME, new PathDropout(0.5, 0.5)),
                quiet);
    }

    @Test
    void correlationPutsBothEvaluatorsAndTheAblationSideBySideAndResumes() throws Exception {
        Path dir = tmp.resolve("correlation");
        String[] args = {"experiment", "correlation", "--smash", sharing.toString(), "--scale", "tiny", "--scorers",
                "original", "--compare-with", hyperNet.toString(), "--dropout-ablation", "--out", dir.toString(),
                "--evaluator", "weight-sharing"};
        assertEquals(0, Main.commandLine().execute(args));
        CorrelationExperiment.Results r = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                CorrelationExperiment.Results.class);
        List<EvaluatorComparison.Network> nets = r.evaluators();
        assertEquals(3, nets.size());
        assertEquals(List.of("weight-sharing", "hypernet", "weight-sharing"),
                nets.stream().map(EvaluatorComparison.Network::evaluator).toList());
        assertTrue(nets.get(2).label().contains("no path dropout"), nets.get(2).label());
        for (EvaluatorComparison.Network n : nets) {
            assertTrue(r.correlations().containsKey(n.key()), n.key());
            assertTrue(n.secondsPerStep() > 0 && n.peakRssMiB() > 0 && n.parameters() > 0, n.toString());
            assertEquals(3, r.correlations().get(n.key()).n(), "the same three trained candidates");
        }
        assertTrue(nets.get(1).parameters() > nets.get(0).parameters(), "the HyperNet is larger than stored weights");
        assertTrue(Files.isRegularFile(dir.resolve("plots/evaluators.png")));
        assertTrue(Files.readString(dir.resolve("experiment.html")).contains("One-shot evaluators side by side"));

        long ledger = Files.readAllLines(dir.resolve("ledger.jsonl")).size();
        assertEquals(3 * 6 + 3 + 1, ledger, "6 scores per network, 3 trained candidates and their record");
        assertEquals(0, Main.commandLine().execute(args));
        assertEquals(ledger, Files.readAllLines(dir.resolve("ledger.jsonl")).size(), "nothing redone on resume");
    }

    @Test
    void comparedRunsInFoldersOfTheSameNameKeepTheirOwnScores() throws Exception {
        // pilots/a/smash and pilots/b/smash: once both were stored under the key "hypernet [smash]", so the second
        // run's scores were the first's, read back from the ledger.
        Path a = ExperimentFixtures.copy(hyperNet, tmp.resolve("pilots/a/smash"));
        Path b = ExperimentFixtures.copy(hyperNet, tmp.resolve("pilots/b/smash"));
        Path dir = tmp.resolve("same-names");
        assertEquals(0, Main.commandLine().execute("experiment", "correlation", "--smash", sharing.toString(),
                "--scale", "tiny", "--scorers", "original", "--compare-with", a + "," + b, "--out", dir.toString()));
        CorrelationExperiment.Results r = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                CorrelationExperiment.Results.class);
        List<String> keys = r.evaluators().stream().map(EvaluatorComparison.Network::key).toList();
        assertEquals(3, keys.stream().distinct().count(), keys.toString());
        assertEquals(List.of("weight-sharing", "hypernet [a/smash]", "hypernet [b/smash]"),
                r.evaluators().stream().map(n -> n.label().replaceAll(",.*", "")).toList());
        assertEquals(3 * 6 + 3 + 1, Files.readAllLines(dir.resolve("ledger.jsonl")).size(),
                "each run scored on its own; 3 candidates trained and recorded");
    }

    @Test
    void searchScoresWithTheRunsEvaluatorAndChecksAnExpectedOne() throws Exception {
        Path dir = tmp.resolve("search");
        assertEquals(0, Main.commandLine().execute("search", "--smash", sharing.toString(), "--random", "3",
                "--perturb", "1", "--hill-climb", "1", "--halving", "0", "--out", dir.toString()));
        assertEquals(5, Files.readAllLines(dir.resolve("results.jsonl")).size());
        assertNotEquals(0, Main.commandLine().execute("search", "--smash", sharing.toString(), "--random", "3",
                "--evaluator", "hypernet", "--out", tmp.resolve("search-wrong").toString()));
        assertNotEquals(0, Main.commandLine().execute("experiment", "trick", "--smash", sharing.toString(),
                "--scale", "tiny", "--out", tmp.resolve("trick").toString()), "the trick experiment needs a HyperNet");
    }

    /**
     * Weight-sharing scores use each batch's BN statistics by default and leave the running ones untouched; they
     * are deterministic, and differ from scores with the running statistics.
     */
    @Test
    void weightSharingScoresUseBatchStatisticsAndChangeNothing() throws Exception {
        try (OneShotSource src = OneShotSource.open(sharing)) {
            OneShotNetwork net = src.network();
            Map<String, float[]> before = buffers(net);
            SmashScorer batch = src.scorer(ScorerVariant.parse("original"), 0);
            SmashScorer running = src.scorer(ScorerVariant.parse("bn:running"), 0);
            Architecture arch = ArchitectureSamples.draw(src.config().space(), 0, 1).get(0);
            Score a = batch.score(arch, 0);
            Score b = batch.score(arch, 0);
            Score c = running.score(arch, 0);
            assertEquals(a.error(), b.error());
            assertEquals(a.loss(), b.loss());
            assertNotEquals(a.loss(), c.loss());
            Map<String, float[]> after = buffers(net);
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), name);
            }
        }
    }

    /**
     * Successive halving scores an architecture slice by slice; a recalibrating scorer recalibrates it once and
     * reuses the statistics for later slices: each slice equals what a fresh scorer (which must recalibrate) gives.
     */
    @Test
    void recalibratedStatisticsAreReusedAcrossSlicesExactly() throws Exception {
        try (OneShotSource src = OneShotSource.open(hyperNet)) {
            Map<String, float[]> before = buffers(src.network());
            Architecture arch = ArchitectureSamples.draw(src.config().space(), 0, 2).get(1);
            SmashScorer reusing = src.scorer(ScorerVariant.parse("recal:2"), 0);
            int n = reusing.validationSize();
            org.smash4j.search.SliceScorer.Slice first = reusing.scoreSlice(arch, 7, 0, n / 2);
            org.smash4j.search.SliceScorer.Slice second = reusing.scoreSlice(arch, 7, n / 2, n);
            org.smash4j.search.SliceScorer.Slice fresh = src.scorer(ScorerVariant.parse("recal:2"), 0)
                    .scoreSlice(arch, 7, n / 2, n);
            assertArrayEquals(fresh.wrongPerDraw(), second.wrongPerDraw());
            assertEquals(fresh.lossSum(), second.lossSum());
            assertArrayEquals(fresh.logProbs(), second.logProbs());
            // Another index draws other recalibration images: not served from the cache.
            org.smash4j.search.SliceScorer.Slice other = reusing.scoreSlice(arch, 8, 0, n / 2);
            assertNotEquals(first.lossSum(), other.lossSum());
            assertEquals(2, reusing.recalibrations(), "index 7 once for both slices, index 8 once");
            Map<String, float[]> after = buffers(src.network());
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), name);
            }
        }
    }

    private static Map<String, float[]> buffers(OneShotNetwork net) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        net.parameters().buffers().forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    @Test
    void runJsonRecordsTheEvaluatorAndItsPathDropout() throws Exception {
        JsonNode config = Json.MAPPER.readTree(sharing.resolve("run.json").toFile()).path("config");
        assertEquals("weight-sharing", config.path("evaluator").asText());
        assertEquals(0.5, config.path("pathDropout").path("finalRate").asDouble());
        assertEquals("hypernet", Json.MAPPER.readTree(hyperNet.resolve("run.json").toFile()).path("config")
                .path("evaluator").asText());
    }
}
