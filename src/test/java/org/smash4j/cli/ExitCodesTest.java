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
        assertEquals("/x/arch.json: not found", ExitCodes.message(new NoSuchFileException("/x/arch.json")));
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

    /** A command that fails with a JVM error, as libtorch running out of memory or failing to load would. */
    @picocli.CommandLine.Command(name = "broken")
    static final class Broken implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Parameters
        String kind;

        @Override
        public Integer call() {
            throw switch (kind) {
                case "memory" -> new OutOfMemoryError("Java heap space");
                case "native" -> new UnsatisfiedLinkError("no torch in java.library.path");
                default -> new ExceptionInInitializerError(new IllegalArgumentException("bad --preset"));
            };
        }
    }

    @Test
    void aJvmErrorIsOneLineAndExitCode1() {
        for (String[] c : new String[][] {
                {"memory", "1", "error: out of memory (Java heap space); give Java more with SMASH_JAVA_OPTS=-Xmx..."},
                {"native", "1", "error: UnsatisfiedLinkError: no torch in java.library.path (rerun with SMASH_DEBUG=1"},
                {"init", "2", "error: bad --preset"}}) {
            StringWriter err = new StringWriter();
            var cl = Main.configure(new picocli.CommandLine(new Broken()));
            cl.setErr(new PrintWriter(err, true));
            assertEquals(Integer.parseInt(c[1]), cl.execute(c[0]), err.toString());
            String text = err.toString().strip();
            assertTrue(text.startsWith(c[2]), text);
            assertFalse(text.contains("\n"), "one line: " + text);
        }
    }

    /** Runs the command line, returning its exit code and what it printed to stderr. */
    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    @Test
    void aMissingOrFolderArchitectureFileIsNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.json");
        String[] r = run("train", "--arch", missing.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("2", r[0], r[1]);
        assertEquals("error: " + missing + ": not found (no such file)", r[1]);
        r = run("train", "--arch", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("2", r[0], r[1]);
        assertEquals("error: " + tmp + ": is a folder; expected a JSON file", r[1]);
        assertFalse(java.nio.file.Files.exists(tmp.resolve("out")));
    }

    @Test
    void describingAnEmptyArrayIsRefused(@TempDir Path tmp) throws IOException {
        Path empty = java.nio.file.Files.writeString(tmp.resolve("empty.json"), "[]");
        String[] r = run("describe", empty.toString());
        assertEquals("2", r[0], r[1]);
        assertEquals("error: " + empty + ": holds an empty array; there is nothing to describe", r[1]);
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        String[] r = run("space", "--preset", "huge");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("tiny") && r[1].contains("quick") && r[1].contains("paper"), r[1]);
    }

    @Test
    void negativeEpochsAreRefusedAsEpochs(@TempDir Path tmp) {
        String[] r = run("train-smash", "--preset", "tiny", "--epochs", "-1", "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("epochs") && r[1].contains(">= 1") && !r[1].contains("iterations"), r[1]);
        assertFalse(java.nio.file.Files.exists(tmp.resolve("o")));
    }
}
