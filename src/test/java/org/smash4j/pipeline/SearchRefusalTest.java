package org.smash4j.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.cli.Refusals;
import org.smash4j.run.RunFolder;

import java.io.IOException;
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

    @Test
    void aSmashFolderThatIsNoOneShotRunIsRefusedBeforeOutIsWritten() throws IOException {
        Path other = tmp.resolve("other");
        RunFolder.create(other, "train", 0, Map.of("epochs", 1));
        assertRefusedBeforeWriting("is not a run folder", "--smash", tmp.resolve("nowhere").toString());
        assertRefusedBeforeWriting("holds a 'train' run, not a 'train-smash' run", "--smash", other.toString());
    }

    @Test
    void badOptionsAreRefusedBeforeOutIsWritten() throws IOException {
        String smash = Refusals.oneShotRunWithoutData(tmp).toString();
        assertRefusedBeforeWriting("perturbation probability must be in [0, 1], got 2.0", "--smash", smash,
                "--perturb-prob", "2");
        assertRefusedBeforeWriting("unknown device 'tpu'", "--smash", smash, "--device", "tpu");
        assertRefusedBeforeWriting("at least one random architecture", "--smash", smash, "--random", "0");
    }

    @Test
    void aStartRefusedForItsDataIsUndone() throws IOException {
        Path smash = Refusals.oneShotRunWithoutData(tmp);
        Path out = tmp.resolve("out");
        Refusals.refusal("search", "--smash", smash.toString(), "--out", out.toString());
        assertFalse(Files.exists(out), "the folder the start made is removed");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Refusals.refusal("search", "--smash", smash.toString(), "--out", empty.toString());
        assertTrue(Files.isDirectory(empty), "the user's empty folder stays");
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count(), "and stays empty");
        }
    }

    /** {@code smash search ARGS --out OUT} is refused with {@code reason}, and OUT is not written. */
    private void assertRefusedBeforeWriting(String reason, String... args) {
        Path out = tmp.resolve("out");
        String[] all = new String[args.length + 3];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        String text = Refusals.refusal(all);
        assertTrue(text.contains(reason), text);
        assertFalse(Files.exists(out), "nothing written: " + text);
    }
}
