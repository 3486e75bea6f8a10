package org.smash4j.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.data.SyntheticDataSets;
import org.smash4j.nn.Placement;
import org.smash4j.report.ReportWriter;
import org.smash4j.train.DataSpec;
import org.smash4j.train.Evaluation;
import org.smash4j.run.Json;
import org.smash4j.train.OneShotSettings;
import org.smash4j.train.StandaloneTraining;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The winner of a tiny pipeline run on synthetic MNIST (1x28x28, 10 classes) transferred to synthetic CIFAR-100
 * coarse (3x32x32, 20 classes) through the command line: provenance, adapted space, test error and both reports.
 */
class TransferTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path cifar;

    @BeforeAll
    static void sourceRun() throws Exception {
        Path mnist = SyntheticDataSets.mnist(tmp.resolve("mnist"), 120, 40);
        // CIFAR-100 holds five times as many training as test images (checked when it is read).
        cifar = SyntheticDataSets.cifar100(tmp.resolve("cifar-100-binary"), 200, 40);
        source = tmp.resolve("source");
        // Tiny plan, no baselines, every random sample scored on the whole (12-image) validation split.
        Pipeline.start(source, Pipeline.fromPreset("tiny", new DataSpec("mnist", mnist.toString(), 0, 0, 0.1, 0), 0,
                "cpu", 1, 0, 0, 0, OneShotSettings.standard()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void transfersThePipelineWinnerAndRecordsWhereItCameFrom() throws Exception {
        int exit = run("transfer", "--from", source.toString(), "--data", "cifar100-coarse", "--data-dir",
                cifar.toString(), "--seed", "3");
        assertEquals(0, exit);
        Path out = source.resolve("transfers/cifar100-coarse");
        JsonNode run = Json.MAPPER.readTree(out.resolve("run.json").toFile());
        JsonNode config = run.path("config");
        JsonNode src = config.path("source");
        JsonNode ranking = Json.MAPPER.readTree(source.resolve("search/ranking.json").toFile());
        JsonNode winner = ranking.path("ranked").get(0);

        assertEquals("transfer", run.path("command").asText());
        assertEquals(3, run.path("seed").asLong());
        assertTrue(run.path("versions").has("smash4j") && run.path("versions").has("djl"), run.toString());
        assertEquals("pipeline", src.path("kind").asText());
        assertEquals(Path.of("..", ".."), Path.of(src.path("path").asText()), "relative to the transfer folder");
        assertEquals(source.toAbsolutePath().normalize().toString(), src.path("absolutePath").asText());
        assertEquals("search/ranking.json", src.path("architectureFile").asText());
        assertEquals(winner.path("index").asLong(), src.path("index").asLong());
        assertEquals(winner.path("score").asDouble(), src.path("score").asDouble());
        assertEquals("mnist", src.path("data").path("name").asText());
        assertEquals("tiny", config.path("preset").asText());
        assertEquals(winner.path("architecture"), src.path("document").path("architecture"));
        assertEquals(ranking.path("space"), src.path("document").path("space"));
        assertEquals("final/rank-1", src.path("trainedRun").asText());
        assertEquals(lastEpoch(source.resolve("final/rank-1")).path("testError").asDouble(),
                src.path("result").path("testError").asDouble());

        // The adapted space: the source's with the target's channels, resolution and classes; the same architecture.
        JsonNode training = config.path("training");
        JsonNode adapted = training.path("architecture").path("space");
        assertEquals(List.of(1, 28, 10), shape(ranking.path("space")));
        assertEquals(List.of(3, 32, 20), shape(adapted));
        assertEquals(withoutShape(ranking.path("space")), withoutShape(adapted));
        assertEquals(winner.path("architecture"), training.path("architecture").path("architecture"));
        assertEquals("cifar100-coarse", training.path("data").path("name").asText());
        assertEquals(1, training.path("epochs").asInt(), "the tiny plan's stand-alone epochs");
        assertEquals(0.1, training.path("learningRate").asDouble());
        assertEquals("SANDWICH", training.path("normStyle").asText());

        // The reported test error is the saved model's error on the 40 target test images.
        double testError = lastEpoch(out).path("testError").asDouble(-1);
        assertTrue(testError >= 0 && testError <= 1, "test error " + testError);
        try (StandaloneTraining.Model m = StandaloneTraining.load(out, "cpu")) {
            DataSpec.Prepared d = m.info().data().prepare();
            assertEquals(40, d.test().size());
            Evaluation.Result r = Evaluation.run(d.test(), m.info().normalization(), 100, Placement.of("cpu"),
                    (i, x) -> m.network().forward(x, false));
            assertEquals(testError, r.error(), 1e-9);
        }

        // The transfer's report shows its test error beside the source winner's.
        JsonNode summary = Json.MAPPER.readTree(out.resolve("report/summary.json").toFile());
        assertEquals(testError, summary.path("transfer").path("testError").asDouble());
        assertEquals(src.path("result").path("testError").asDouble(),
                summary.path("source").path("result").path("testError").asDouble());
        String html = Files.readString(out.resolve("report/report.html"));
        assertTrue(html.contains(percent(testError)) && html.contains(
                percent(src.path("result").path("testError").asDouble())), html);
        assertTrue(html.contains("3x32x32, 20 classes") && html.contains("1x28x28, 10 classes"));

        // The source's report lists the transfer found in RUN/transfers/.
        ReportWriter.write(source);
        String sourceHtml = Files.readString(source.resolve("report/report.html"));
        assertTrue(sourceHtml.contains("Transfers of the winner") && sourceHtml.contains("transfers/cifar100-coarse"));
        String md = Files.readString(source.resolve("report/summary.md"));
        assertTrue(md.contains("| transfers/cifar100-coarse | cifar100-coarse | 3x32x32, 20 classes |"), md);
        assertTrue(md.contains(percent(testError)), md);

        // A transfer is itself a source: its adapted architecture, its data and preset.
        TransferSource chained = TransferSource.read(out, tmp.resolve("again"));
        assertEquals("transfer", chained.kind());
        assertEquals("run.json (config.training.architecture)", chained.architectureFile());
        assertEquals(List.of(3, 32, 20), List.of(chained.document().space().inChannels(),
                chained.document().space().resolution(), chained.document().space().numClasses()));
        assertEquals("tiny", chained.preset());
        assertEquals(testError, chained.result().testError());

        // Resuming a finished transfer trains nothing more.
        long lines = Files.readAllLines(out.resolve("metrics.jsonl")).size();
        assertEquals(0, run("transfer", "--resume", out.toString()));
        assertEquals(lines, Files.readAllLines(out.resolve("metrics.jsonl")).size());
    }

    @Test
    void takesRankOneOfASearchFolderAndTheArchitectureOfATrainRun() throws Exception {
        Path somewhere = tmp.resolve("elsewhere/t");
        JsonNode winner = Json.MAPPER.readTree(source.resolve("search/ranking.json").toFile()).path("ranked").get(0);

        TransferSource search = TransferSource.read(source.resolve("search"), somewhere);
        assertEquals("search", search.kind());
        assertEquals(winner.path("index").asLong(), search.index());
        assertEquals("mnist", search.data().name(), "the data of the one-shot run the search scored with");
        assertNull(search.trainedRun());

        TransferSource trained = TransferSource.read(source.resolve("final/rank-1"), somewhere);
        assertEquals("train", trained.kind());
        assertEquals("run.json (config.architecture)", trained.architectureFile());
        assertNull(trained.index());
        assertEquals(search.document(), trained.document());
        assertEquals(1, trained.result().epochs());
        assertEquals(Path.of("..", "..", "source", "final", "rank-1"), Path.of(trained.path()));
    }

    static int run(String... args) {
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(new ByteArrayOutputStream(), true));
        return cl.execute(args);
    }

    private static JsonNode lastEpoch(Path run) throws Exception {
        JsonNode last = null;
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if ("epoch".equals(n.path("type").asText())) {
                last = n;
            }
        }
        assertFalse(last == null, run + " has no epoch record");
        return last;
    }

    private static List<Integer> shape(JsonNode space) {
        return List.of(space.path("inChannels").asInt(), space.path("resolution").asInt(),
                space.path("numClasses").asInt());
    }

    private static JsonNode withoutShape(JsonNode space) {
        ObjectNode copy = space.deepCopy();
        copy.remove(List.of("inChannels", "resolution", "numClasses"));
        return copy;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
