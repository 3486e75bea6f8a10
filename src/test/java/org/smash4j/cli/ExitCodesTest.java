package org.smash4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.run.RunFolderException;
import org.smash4j.train.TrainingDivergedException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes by kind of failure, and one line without a stack trace. */
class ExitCodesTest {
    @Test
    void eachKindOfFailureHasItsCode() {
        assertEquals(3, ExitCodes.of(new TrainingDivergedException(17, "loss NaN")));
        assertEquals(2, ExitCodes.of(new IllegalArgumentException("bad --epochs")));
        assertEquals(2, ExitCodes.of(new RunFolderException("not empty")));
        assertEquals(2, ExitCodes.of(new NoSuchFileException("/x/arch.json")));
        assertEquals(2, ExitCodes.of(new IOException("/x/data: not a CIFAR batch")));
        assertEquals(1, ExitCodes.of(new OutOfMemoryError()));
        assertEquals(1, ExitCodes.of(new IllegalStateException("bug")));
    }

    @Test
    void aMessageNamesTheFile() {
        assertEquals("no such file or folder: /x/arch.json", ExitCodes.message(new NoSuchFileException("/x/arch.json")));
        assertEquals("/x/dir: Is a directory", ExitCodes.message(
                new java.nio.file.FileSystemException("/x/dir", null, "Is a directory")));
        assertTrue(ExitCodes.message(new NullPointerException()).startsWith("NullPointerException (a bug"));
    }

    @Test
    void theCommandLinePrintsOneLineAndTheCode(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("describe", tmp.resolve("missing.json").toString());
        assertEquals(2, code, err.toString());
        String text = err.toString().strip();
        assertTrue(text.startsWith("error: "), text);
        assertTrue(text.contains("missing.json"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }
}
