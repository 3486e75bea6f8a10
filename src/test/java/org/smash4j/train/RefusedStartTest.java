package org.smash4j.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.nn.HyperNetShape;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options are refused before a run folder is written, and a start refused later leaves nothing behind. */
class RefusedStartTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static OneShotRunConfig with(OneShotRunConfig c, DataSpec data, int epochs, int batch, double lr,
            String device) {
        return new OneShotRunConfig(c.preset(), c.space(), HyperNetShape.standard(), data, epochs, batch, lr, c.adam(),
                c.seed(), device, c.checkpointEvery(), c.metricsEvery(), c.evalBatch(), c.maxLoss());
    }

    @Test
    void badOptionsAreRefusedWhenTheConfigurationIsMade() throws Exception {
        TrainingFixtures.assumeFashionMnist();
        OneShotRunConfig c = TrainingFixtures.oneShot(TrainingFixtures.fashion(100, 50), 1, 4, 1e-3);
        assertEquals("epochs must be >= 1, got -1", assertThrows(IllegalArgumentException.class,
                () -> with(c, c.data(), -1, 50, 1e-3, "cpu")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(c, c.data(), 1, 0, 1e-3, "cpu"))
                .getMessage().startsWith("batch size and evaluation batch must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(c, c.data(), 1, 50, Double.NaN, "cpu"))
                .getMessage().startsWith("learning rate must be a number > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(c, c.data(), 1, 50, 1e-3, "tpu"))
                .getMessage().startsWith("unknown device 'tpu'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> with(c, c.data(), 1, 50, 1e-3, "gpu7"))
                .getMessage().startsWith("--device gpu7: "));
    }

    @Test
    void aStartRefusedForItsDataLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        TrainingFixtures.assumeFashionMnist();
        OneShotRunConfig c = TrainingFixtures.oneShot(TrainingFixtures.fashion(100, 50), 1, 4, 1e-3);
        Path empty = Files.createDirectories(tmp.resolve("no-data"));
        OneShotRunConfig noData = with(c, new DataSpec("fashion-mnist", empty.toString(), 100, 50, 0.1, 0), 1, 50,
                1e-3, "cpu");
        Path out = tmp.resolve("run");
        assertThrows(Exception.class, () -> OneShotTraining.start(out, noData, QUIET));
        assertFalse(Files.exists(out), "the refused start removed its folder");

        Path emptyOut = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(Exception.class, () -> OneShotTraining.start(emptyOut, noData, QUIET));
        assertTrue(Files.isDirectory(emptyOut), "the user's empty folder stays");
        try (var files = Files.list(emptyOut)) {
            assertEquals(0, files.count(), "and stays empty");
        }
    }
}
