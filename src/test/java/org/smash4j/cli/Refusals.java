package org.smash4j.cli;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the refusal tests share: running the command line to a refusal, and a one-shot run whose data is gone. */
public final class Refusals {
    private Refusals() {
    }

    /** Runs {@code smash ARGS}, checks exit code 2 and one line without a stack trace, and returns the line. */
    public static String refusal(String... args) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute(args), err.toString());
        String text = err.toString().strip();
        assertFalse(text.contains("\tat "), "one line, no stack trace: " + text);
        return text;
    }

    /** A tiny one-shot configuration on Fashion-MNIST read from {@code tmp/no-data}, an empty folder. */
    public static OneShotRunConfig oneShotWithoutData(Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-data"));
        DataSpec data = new DataSpec("fashion-mnist", empty.toString(), 100, 50, 0.1, 0);
        return OneShotRunConfig.standard("tiny", new DataShape("fashion-mnist", 1, 28, 28, 10).fit(Presets.tiny()),
                HyperNetShape.standard(), data, 1, 0, "cpu", 0, 5);
    }

    /** A train-smash run folder {@code tmp/smash} (run.json only) of {@link #oneShotWithoutData}. */
    public static Path oneShotRunWithoutData(Path tmp) throws IOException {
        Path smash = tmp.resolve("smash");
        RunFolder.create(smash, OneShotTraining.COMMAND, 0, oneShotWithoutData(tmp));
        return smash;
    }
}
