package org.smash4j.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.data.DataSets;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.space.Presets;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every experiment end to end at the tiny scale on a slice of real Fashion-MNIST, each resumed once to show that
 * nothing finished is redone, and cross-checked against the others where they must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentsTest {
    @TempDir
    static Path tmp;
    Path smash;
    Path correlationDir;
    final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @BeforeAll
    void trainTinyOneShotNetwork() throws Exception {
        smash = tmp.resolve("smash");
        OneShotTraining.start(smash, ExperimentFixtures.tinyOneShot(), quiet);
        correlationDir = tmp.resolve("correlation");
    }

    @Test
    @Order(1)
    void correlationScoresTrainsEveryKthAndResumesWithoutRedoingWork() throws Exception {
        CorrelationExperiment.Config c = CorrelationExperiment.Config.forScale("tiny", smash.toString(), 0, "cpu");
        CorrelationExperiment.Results r = CorrelationExperiment.run(correlationDir, c, quiet);

        assertEquals(6, r.architectures().size());
        List<CorrelationExperiment.Row> trained = r.architectures().stream().filter(x -> x.trueError() != null)
                .toList();
        assertEquals(3, trained.size(), "every 2nd of 6");
        // The trained ones are positions 0, 2, 4 of the order by the first scorer (error, then loss).
        List<CorrelationExperiment.Row> order = new ArrayList<>(r.architectures());
        order.sort(Comparator.<CorrelationExperiment.Row>comparingDouble(x -> x.scores().get("original").error())
                .thenComparingDouble(x -> x.scores().get("original").loss())
                .thenComparingInt(CorrelationExperiment.Row::index));
        for (int p = 0; p < order.size(); p++) {
            assertEquals(p % 2 == 0, order.get(p).trueError() != null, "position " + p);
        }
        for (CorrelationExperiment.Row row : trained) {
            assertTrue(row.trueError().testError() >= 0 && row.trueError().testError() <= 1);
            assertTrue(Files.isRegularFile(correlationDir.resolve("candidates/arch-" + row.index()
                    + "/model/weights.params")));
        }
        assertEquals(List.of("original", "draws:3", "recal:5"), List.copyOf(r.correlations().keySet()));
        for (CorrelationExperiment.Row row : r.architectures()) {
            assertEquals(3, row.scores().get("draws:3").draws().size());
            assertEquals(1, row.scores().get("original").draws().size());
        }
        assertFiles(correlationDir, "results.json", "experiment.html", "section.html", "ledger.jsonl",
                "plots/correlation-original.png");

        long ledgerLines = lines(correlationDir.resolve("ledger.jsonl"));
        assertEquals(6 * 3 + 3 + 1, ledgerLines, "18 scores, 3 trained candidates and their record");
        long steps = lines(correlationDir.resolve("candidates/arch-" + trained.get(0).index() + "/metrics.jsonl"));
        CorrelationExperiment.Results again = CorrelationExperiment.resume(correlationDir, quiet);
        assertEquals(ledgerLines, lines(correlationDir.resolve("ledger.jsonl")), "nothing re-scored or retrained");
        assertEquals(steps, lines(correlationDir.resolve("candidates/arch-" + trained.get(0).index()
                + "/metrics.jsonl")));
        assertEquals(Json.MAPPER.writeValueAsString(r.architectures()),
                Json.MAPPER.writeValueAsString(again.architectures()));
    }

    @Test
    @Order(2)
    void trickScoresTrueAndCorruptedEncodingsAndTheTrueScoresMatchTheCorrelationExperiment() throws Exception {
        Path dir = tmp.resolve("trick");
        int rc = Main.commandLine().execute("experiment", "trick", "--smash", smash.toString(), "--scale", "tiny",
                "--out", dir.toString());
        assertEquals(0, rc);
        TrickExperiment.Results r = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                TrickExperiment.Results.class);
        assertEquals(3, r.trueScores().size());
        assertFalse(r.kinds().isEmpty());
        CorrelationExperiment.Results corr = Json.MAPPER.readValue(correlationDir.resolve("results.json").toFile(),
                CorrelationExperiment.Results.class);
        for (int i = 0; i < 3; i++) {
            // Same seed, same architecture sample i, same noise index: the same score, computed independently.
            assertEquals(corr.architectures().get(i).scores().get("original").error(), r.trueScores().get(i).error());
            assertEquals(corr.architectures().get(i).scores().get("original").loss(), r.trueScores().get(i).loss(),
                    1e-6);
        }
        for (TrickExperiment.KindResult k : r.kinds()) {
            assertTrue(k.trueBestByError() + k.tiedByError() <= k.architectures());
            assertTrue(k.architectures() + k.unchanged() >= 3 || k.architectures() <= 3);
        }
        assertFiles(dir, "experiment.html", "section.html", "plots/trick.png");
        long ledger = lines(dir.resolve("ledger.jsonl"));
        assertEquals(0, Main.commandLine().execute("experiment", "resume", dir.toString()));
        assertEquals(ledger, lines(dir.resolve("ledger.jsonl")));
    }

    @Test
    @Order(3)
    void crippledHyperNetIsSmallerAndScoresTheSameCandidates() throws Exception {
        Path dir = tmp.resolve("crippled");
        CrippledExperiment.Results r = CrippledExperiment.run(dir, CrippledExperiment.Config.forScale("tiny",
                smash.toString(), correlationDir.toString(), 0, "cpu"), quiet);
        assertTrue(r.crippledHyperNetParams() * 5 < r.normalHyperNetParams(), r.crippledHyperNetParams() + " vs "
                + r.normalHyperNetParams());
        assertEquals(3, r.candidates().size());
        assertEquals(3, r.crippledScores().size());
        assertEquals(2, r.correlations().size());
        assertTrue(Files.isRegularFile(dir.resolve("smash-crippled/checkpoint.bin")));
        assertFiles(dir, "experiment.html", "plots/crippled.png");
        long ledger = lines(dir.resolve("ledger.jsonl"));
        CrippledExperiment.resume(dir, quiet);
        assertEquals(ledger, lines(dir.resolve("ledger.jsonl")));
    }

    @Test
    @Order(4)
    void seedsScoresWithSeveralOneShotNetworks() throws Exception {
        Path dir = tmp.resolve("seeds");
        SeedsExperiment.Results r = SeedsExperiment.run(dir, SeedsExperiment.Config.forScale("tiny",
                smash.toString(), correlationDir.toString(), 0, "cpu"), quiet);
        assertEquals(2, r.oneShotRuns().size());
        assertEquals(3, r.architectures().size());
        CorrelationExperiment.Results corr = Json.MAPPER.readValue(correlationDir.resolve("results.json").toFile(),
                CorrelationExperiment.Results.class);
        for (SeedsExperiment.Row row : r.architectures()) {
            assertEquals(corr.architectures().get(row.index()).scores().get("original").error(),
                    row.scores().get(0).error(), "network 1 is the correlation experiment's network");
            double mean = (row.scores().get(0).error() + row.scores().get(1).error()) / 2;
            assertEquals(mean, row.mean(), 1e-12);
            assertEquals(Math.abs(row.scores().get(0).error() - row.scores().get(1).error()) / Math.sqrt(2),
                    row.std(), 1e-12);
        }
        assertFiles(dir, "experiment.html", "plots/seeds.png", "smash-seed-1/checkpoint.bin");
    }

    @Test
    @Order(5)
    void archGradientRunsBothChainsWithMonotoneBestSoFar() throws Exception {
        Path dir = tmp.resolve("arch-gradient");
        ArchGradientExperiment.Results r = ArchGradientExperiment.run(dir, ArchGradientExperiment.Config.forScale(
                "tiny", smash.toString(), 0, "cpu"), quiet);
        assertEquals(2, r.chains().size());
        for (ArchGradientExperiment.Chain chain : r.chains()) {
            assertEquals(4, chain.bestSoFar().size(), "start + 3 steps");
            for (int t = 1; t < chain.bestSoFar().size(); t++) {
                assertTrue(chain.bestSoFar().get(t) <= chain.bestSoFar().get(t - 1));
            }
            assertEquals(chain.bestSoFar().get(0), r.chains().get(0).bestSoFar().get(0), "both start alike");
        }
        assertEquals(3, r.predictions());
        assertEquals(1, r.guidedWins() + r.randomWins() + r.ties());
        assertFiles(dir, "experiment.html", "plots/arch-gradient.png");
        long ledger = lines(dir.resolve("ledger.jsonl"));
        ArchGradientExperiment.Results again = ArchGradientExperiment.resume(dir, quiet);
        assertEquals(ledger, lines(dir.resolve("ledger.jsonl")));
        assertEquals(Json.MAPPER.writeValueAsString(r.chains()), Json.MAPPER.writeValueAsString(again.chains()));
    }

    @Test
    void anExperimentFolderRefusesOtherSettings() throws Exception {
        Path dir = tmp.resolve("other-settings");
        TrickExperiment.run(dir, new TrickExperiment.Config(smash.toString(), 1, 1, 0, "cpu"), quiet);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrickExperiment.run(dir, new TrickExperiment.Config(smash.toString(), 2, 1, 0, "cpu"), quiet));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    private static void assertFiles(Path dir, String... names) {
        for (String n : names) {
            assertTrue(Files.isRegularFile(dir.resolve(n)), n + " is missing in " + dir);
        }
    }

    private static long lines(Path p) throws Exception {
        return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
    }
}
