package org.smash4j.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Main;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.run.RunFolder;
import org.smash4j.space.DataShape;
import org.smash4j.space.Presets;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused {@code smash search} leaves nothing behind: bad options and a --smash that is no one-shot run are refused
 * before --out is written; a one-shot run whose data is gone is refused after the start, which is then undone.
 */
class SearchRefusalTest {
    @TempDir
    Path tmp;

    /** A train-smash run folder (run.json only) whose data folder holds no data. */
    private Path oneShotRunWithoutData() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-data"));
        DataSpec data = new DataSpec("fashion-mnist", empty.toString(), 100, 50, 0.1, 0);
        OneShotRunConfig c = OneShotRunConfig.standard("tiny", new DataShape("fashion-mnist", 1, 28, 28, 10)
                .fit(Presets.tiny()), HyperNetShape.standard(), data, 1, 0, "cpu", 0, 5);
        Path smash = tmp.resolve("smash");
        RunFolder.create(smash, OneShotTraining.COMMAND, 0, c);
        return smash;
    }

    @Test
    void aSmashFolderThatIsNoOneShotRunIsRefusedBeforeOutIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        String text = refusal("--smash", tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertTrue(text.contains("is not a run folder"), text);
        assertFalse(Files.exists(out), "nothing written");

        Path other = tmp.resolve("other");
        RunFolder.create(other, "train", 0, Map.of("epochs", 1));
        text = refusal("--smash", other.toString(), "--out", out.toString());
        assertTrue(text.contains("holds a 'train' run, not a 'train-smash' run"), text);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badOptionsAreRefusedBeforeOutIsWritten() throws IOException {
        Path smash = oneShotRunWithoutData();
        Path out = tmp.resolve("out");
        String text = refusal("--smash", smash.toString(), "--out", out.toString(), "--perturb-prob", "2");
        assertTrue(text.contains("perturbation probability must be in [0, 1], got 2.0"), text);
        text = refusal("--smash", smash.toString(), "--out", out.toString(), "--device", "tpu");
        assertTrue(text.contains("unknown device 'tpu'"), text);
        text = refusal("--smash", smash.toString(), "--out", out.toString(), "--random", "0");
        assertTrue(text.contains("at least one random architecture"), text);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aStartRefusedForItsDataIsUndone() throws IOException {
        Path smash = oneShotRunWithoutData();
        Path out = tmp.resolve("out");
        refusal("--smash", smash.toString(), "--out", out.toString());
        assertFalse(Files.exists(out), "the folder the start made is removed");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refusal("--smash", smash.toString(), "--out", empty.toString());
        assertTrue(Files.isDirectory(empty), "the user's empty folder stays");
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count(), "and stays empty");
        }
    }

    /** Runs {@code smash search ARGS} and returns its one-line error (exit code 2). */
    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(2, cl.execute(all), err.toString());
        String text = err.toString().strip();
        assertFalse(text.contains("\tat "), "one line, no stack trace: " + text);
        return text;
    }
}
