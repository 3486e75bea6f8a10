package org.smash4j.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.data.DataSets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault benchmark in small: two kills of a tiny one-shot training, bit flips, a folder of user files. */
class FaultBenchmarkTest {
    @Test
    void twoKilledOneShotRunsResumeToTheReference(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(DataSets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FaultBenchmark.Result r = FaultBenchmark.run(new FaultBenchmark.Settings(tmp.resolve("work"),
                List.of("train-smash"), 2, 50, 0), new PrintStream(log, true));
        String table = FaultBenchmark.table(r);
        assertEquals(2, r.kills().size(), table);
        for (FaultBenchmark.Kill k : r.kills()) {
            assertTrue(k.identical(), k + "\n" + log);
        }
        assertEquals(50, r.bitFlipsDetected(), table);
        assertEquals(Map.of("train-smash", true), r.userFoldersUntouched(), log.toString());
        assertTrue(table.contains("train-smash"), table);
    }

    @Test
    void theComparisonSeesAChangedByteButNotAChangedTime(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("metrics.jsonl"), "{\"step\":1,\"loss\":0.5,\"elapsedSeconds\":1.0}\n");
        Files.writeString(b.resolve("metrics.jsonl"), "{\"step\":1,\"loss\":0.5,\"elapsedSeconds\":7.0}\n");
        Files.write(a.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
        Files.write(b.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
        assertEquals(List.of(), RunComparison.differences(a, b));
        Files.write(b.resolve("checkpoint.bin"), new byte[] {1, 2, 4});
        Files.writeString(b.resolve("extra.txt"), "x");
        assertEquals(List.of("checkpoint.bin differs", "extra.txt is extra"), RunComparison.differences(a, b));
        Files.writeString(b.resolve("metrics.jsonl"), "{\"step\":1,\"loss\":0.6,\"elapsedSeconds\":7.0}\n");
        assertTrue(RunComparison.differences(a, b).contains("metrics.jsonl differs"));
    }
}
