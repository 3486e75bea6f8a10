package org.smash4j.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.data.DataSets;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.run.Json;
import org.smash4j.run.RunFolder;
import org.smash4j.space.Presets;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --ground-truth DIR} reuses DIR's candidates and nothing else: the architectures DIR trained for its search
 * against random were chosen by DIR's scores, and once slipped into the correlation of every experiment reusing it
 * (22 candidates instead of 20). Checked on a tiny experiment that trains search picks outside its candidates, both
 * with the candidates recorded in its ledger and, as in experiments written before they were, chosen again from its
 * configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthReuseTest {
    @TempDir
    static Path tmp;
    Path smash;
    Path truth;
    final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @BeforeAll
    void trainOneShotAndAGroundTruthWithSearchPicks() throws Exception {
        smash = tmp.resolve("smash");
        OneShotTraining.start(smash, ExperimentFixtures.tinyOneShot(), quiet);
        truth = tmp.resolve("truth");
        // The first 2 of 6 samples are the candidates; the top 3 by score are trained too, and at least one of
        // them is not a candidate (checked below, so that the test exercises what it is about).
        assertEquals(0, Main.commandLine().execute("experiment", "correlation", "--smash", smash.toString(),
                "--scale", "tiny", "--scorers", "original", "--selection", "sample", "--every", "3", "--repeats", "0",
                "--compare", "3", "--out", truth.toString()));
    }

    @Test
    void aReusedGroundTruthGivesItsCandidatesNotItsSearchPicks() throws Exception {
        assertEquals(Set.of(0, 1), candidates(truth));
        Set<Integer> trainedThere = trainKeys(truth);
        assertTrue(trainedThere.size() > 2, "the ground truth trained search picks besides its candidates: "
                + trainedThere);

        Path reuse = tmp.resolve("reuse");
        run(reuse);
        assertEquals(Set.of(0, 1), candidates(reuse), "recorded candidates reused");

        // An experiment written before the candidates were recorded: they are chosen again from its configuration.
        Path old = tmp.resolve("truth-old");
        ExperimentFixtures.copy(truth, old);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(old.resolve("ledger.jsonl"))) {
            if (!line.contains("\"key\":\"" + GroundTruth.CANDIDATES_KEY + "\"")) {
                lines.add(line);
            }
        }
        Files.write(old.resolve("ledger.jsonl"), lines);
        assertFalse(Files.readString(old.resolve("ledger.jsonl")).contains(GroundTruth.CANDIDATES_KEY));
        Path reuseOld = tmp.resolve("reuse-old");
        run(reuseOld, old);
        assertEquals(Set.of(0, 1), candidates(reuseOld), "candidates chosen again, search picks left out");

        // A chain: an experiment reusing the reusing one still has the original candidates.
        Path chain = tmp.resolve("chain");
        run(chain, reuse);
        assertEquals(Set.of(0, 1), candidates(chain));
    }

    private void run(Path out) {
        run(out, truth);
    }

    private void run(Path out, Path groundTruth) {
        assertEquals(0, Main.commandLine().execute("experiment", "correlation", "--smash", smash.toString(),
                "--scale", "tiny", "--scorers", "original", "--selection", "sample", "--every", "3", "--repeats", "0",
                "--compare", "0", "--ground-truth", groundTruth.toString(), "--out", out.toString()));
    }

    private static Set<Integer> candidates(Path dir) throws Exception {
        CorrelationExperiment.Results r = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                CorrelationExperiment.Results.class);
        Set<Integer> out = new TreeSet<>();
        r.architectures().stream().filter(a -> a.trueError() != null).forEach(a -> out.add(a.index()));
        return out;
    }

    /** The architectures (of the 6 drawn) the experiment in {@code dir} trained, candidates or not. */
    private static Set<Integer> trainKeys(Path dir) throws Exception {
        Ledger ledger = new Ledger(RunFolder.open(dir));
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            if (ledger.has(CorrelationExperiment.trainKey(i))) {
                out.add(i);
            }
        }
        return out;
    }
}
