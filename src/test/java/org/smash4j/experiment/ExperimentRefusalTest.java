package org.smash4j.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Refusals;
import org.smash4j.run.RunFolder;
import org.smash4j.run.RunFolderException;
import org.smash4j.train.OneShotTraining;
import org.smash4j.train.WeightSharingEvaluator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused experiment leaves nothing behind: a --smash that is no one-shot run and bad options are refused before
 * the experiment folder is written; a one-shot run whose data is gone is refused after the start, which is undone.
 */
class ExperimentRefusalTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path tmp;

    @Test
    void aSmashFolderThatIsNoOneShotRunIsRefusedBeforeOutIsWritten() {
        Path out = tmp.resolve("out");
        for (String name : new String[] {"correlation", "trick", "arch-gradient", "seeds"}) {
            String text = Refusals.refusal("experiment", name, "--scale", "tiny", "--smash",
                    tmp.resolve("nowhere").toString(), "--out", out.toString());
            assertTrue(text.contains("is not a run folder"), name + ": " + text);
            assertFalse(Files.exists(out), name + ": nothing written");
        }
    }

    @Test
    void aBadDeviceIsRefusedBeforeOutIsWritten() throws IOException {
        Path smash = Refusals.oneShotRunWithoutData(tmp);
        Path out = tmp.resolve("out");
        String text = Refusals.refusal("experiment", "correlation", "--scale", "tiny", "--smash", smash.toString(),
                "--out", out.toString(), "--device", "tpu");
        assertTrue(text.contains("unknown device 'tpu'"), text);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theConstantEncodingBaselineIsRefusedOnAWeightSharingRunBeforeOutIsWritten() throws IOException {
        Path smash = tmp.resolve("ws");
        RunFolder.create(smash, OneShotTraining.COMMAND, 0, Refusals.oneShotWithoutData(tmp)
                .withEvaluator(WeightSharingEvaluator.NAME, null));
        Path out = tmp.resolve("out");
        String text = Refusals.refusal("experiment", "correlation", "--scale", "tiny", "--smash", smash.toString(),
                "--out", out.toString(), "--scorers", "original,constc+recal:2");
        assertTrue(text.contains("reads no encoding"), text);
        assertFalse(Files.exists(out), "nothing written");
        Path hyperNet = Refusals.oneShotRunWithoutData(tmp);
        text = Refusals.refusal("experiment", "correlation", "--scale", "tiny", "--smash", hyperNet.toString(),
                "--compare-with", smash.toString(), "--out", out.toString(), "--scorers", "constc+recal:2");
        assertTrue(text.contains("reads no encoding"), "a compared run is scored with the first scorer: " + text);
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(ValidityScale.WEIGHT_SHARING_SCORERS,
                CorrelationExperiment.Config.forScale("validity", smash.toString(), 0, "cpu").scorers(),
                "the validity scale scores a weight-sharing run without constc");
    }

    @Test
    void aStartRefusedForItsDataIsUndone() throws IOException {
        Path smash = Refusals.oneShotRunWithoutData(tmp);
        Path out = tmp.resolve("out");
        Refusals.refusal("experiment", "correlation", "--scale", "tiny", "--smash", smash.toString(), "--out",
                out.toString());
        assertFalse(Files.exists(out), "the folder the start made is removed");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Refusals.refusal("experiment", "trick", "--scale", "tiny", "--smash", smash.toString(), "--out",
                empty.toString());
        assertTrue(Files.isDirectory(empty), "the user's empty folder stays");
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count(), "and stays empty");
        }
    }

    @Test
    void theValidityExperimentStartsOnlyInAMissingOrEmptyFolderAndUndoesARefusedStart() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my notes\n");
        RunFolderException e = assertThrows(RunFolderException.class,
                () -> ValidityScale.run(mine, Refusals.oneShotWithoutData(tmp), null, QUIET));
        assertTrue(e.getMessage().contains("holds notes.txt"), e.getMessage());
        try (var files = Files.list(mine)) {
            assertEquals(1, files.count(), "nothing added");
        }
        assertEquals("my notes\n", Files.readString(mine.resolve("notes.txt")));

        Path out = tmp.resolve("validity");
        assertThrows(Exception.class, () -> ValidityScale.run(out, Refusals.oneShotWithoutData(tmp), null, QUIET));
        assertFalse(Files.exists(out), "the refused one-shot stage and the folder the start made are removed");
    }
}
