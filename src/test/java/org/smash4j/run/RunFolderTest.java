package org.smash4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a run may start, and run links stored relative to the folder. */
class RunFolderTest {
    /** A configuration with one link field, one list of links and a plain field. */
    record Linked(String smashRun, List<String> compareWith, int epochs) {
    }

    @Test
    void aRunStartsInAMissingOrEmptyFolderOnly(@TempDir Path tmp) throws IOException {
        RunFolder.create(tmp.resolve("missing"), "test", 1, new Linked("x", List.of(), 1));
        assertTrue(Files.isRegularFile(tmp.resolve("missing/run.json")));
        Files.createDirectories(tmp.resolve("empty"));
        RunFolder.create(tmp.resolve("empty"), "test", 1, new Linked("x", List.of(), 1));
        assertTrue(Files.isRegularFile(tmp.resolve("empty/run.json")));
    }

    @Test
    void aFolderOfUserFilesIsRefusedAndLeftUntouched(@TempDir Path tmp) throws IOException {
        Path user = tmp.resolve("mine");
        Files.createDirectories(user.resolve("model"));
        Files.writeString(user.resolve("run.log"), "my notes\n");
        Files.writeString(user.resolve("model/weights.params"), "my weights");
        RunFolderException e = assertThrows(RunFolderException.class,
                () -> RunFolder.create(user, "test", 1, new Linked("x", List.of(), 1)));
        assertTrue(e.getMessage().contains("is not empty and holds no run"), e.getMessage());
        assertEquals("my notes\n", Files.readString(user.resolve("run.log")));
        assertEquals("my weights", Files.readString(user.resolve("model/weights.params")));
        try (var files = Files.walk(user)) {
            assertEquals(4, files.count(), "mine, run.log, model, model/weights.params: nothing added");
        }
    }

    @Test
    void aFileAsFolderOrAFolderHoldingARunIsRefused(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("file"), "x");
        assertThrows(RunFolderException.class, () -> RunFolder.create(tmp.resolve("file"), "test", 1,
                new Linked("x", List.of(), 1)));
        RunFolder.create(tmp.resolve("run"), "test", 1, new Linked("x", List.of(), 1));
        assertTrue(assertThrows(RunFolderException.class, () -> RunFolder.create(tmp.resolve("run"), "test", 1,
                new Linked("x", List.of(), 1))).getMessage().contains("--resume"));
    }

    @Test
    void startOrResumeResumesTheSameRunAndRefusesOtherSettingsOrKinds(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        Linked c = new Linked(tmp.resolve("smash").toString(), List.of(), 3);
        RunFolder.startOrResume(dir, "test", 1, c, Linked.class);
        assertEquals(dir, RunFolder.startOrResume(dir, "test", 1, c, Linked.class).dir());
        assertTrue(assertThrows(RunFolderException.class, () -> RunFolder.startOrResume(dir, "test", 1,
                new Linked(c.smashRun(), List.of(), 4), Linked.class)).getMessage().contains("other settings"));
        assertTrue(assertThrows(RunFolderException.class, () -> RunFolder.startOrResume(dir, "other", 1, c,
                Linked.class)).getMessage().contains("holds a 'test' run, not a 'other' run"));
    }

    @Test
    void linksAreStoredRelativeToTheFolderSoAMovedTreeResolves(@TempDir Path tmp) throws IOException {
        Path tree = tmp.resolve("a");
        Path dir = tree.resolve("search");
        RunFolder.create(dir, "test", 1, new Linked(tree.resolve("smash").toString(),
                List.of(tree.resolve("other").toString()), 2));
        JsonNode stored = Json.MAPPER.readTree(Files.readString(dir.resolve("run.json"), StandardCharsets.UTF_8));
        assertEquals("../smash", stored.at("/config/smashRun").asText());
        assertEquals("../other", stored.at("/config/compareWith/0").asText());
        assertEquals(2, stored.at("/config/epochs").asInt());

        Path moved = tmp.resolve("b");
        Files.move(tree, moved);
        Linked read = RunFolder.open(moved.resolve("search")).config("test", Linked.class);
        assertEquals(moved.resolve("smash").toAbsolutePath().toString(), read.smashRun());
        assertEquals(List.of(moved.resolve("other").toAbsolutePath().toString()), read.compareWith());
    }

    @Test
    void anAbsoluteLinkOfAnOlderRunIsReadAsItIs(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("old");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), "{\"command\":\"test\",\"seed\":1,\"config\":{\"smashRun\":\""
                + "/somewhere/smash\",\"compareWith\":[],\"epochs\":1}}");
        assertEquals("/somewhere/smash", RunFolder.open(dir).config("test", Linked.class).smashRun());
        assertFalse(Files.exists(dir.resolve("run.log")), "reading a run writes nothing");
    }

    @Test
    void runLogLinesAreAnInstantAndTheMessageInOrderAcrossManyOpenLogs(@TempDir Path tmp) throws IOException {
        RunFolder first = RunFolder.create(tmp.resolve("r0"), "test", 1, new Linked("x", List.of(), 1));
        // More folders than logs kept open, so the first one's appender is closed and reopened in between.
        for (int k = 1; k <= RunLog.OPEN_LIMIT + 2; k++) {
            RunFolder.create(tmp.resolve("r" + k), "test", 1, new Linked("x", List.of(), 1)).log("line of " + k);
        }
        first.log("second line");
        List<String> lines = Files.readAllLines(tmp.resolve("r0").resolve(RunFiles.LOG), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" created run: test seed 1"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" second line"), lines.get(1));
        java.time.Instant a = java.time.Instant.parse(lines.get(0).substring(0, lines.get(0).indexOf(' ')));
        java.time.Instant b = java.time.Instant.parse(lines.get(1).substring(0, lines.get(1).indexOf(' ')));
        assertFalse(b.isBefore(a));
    }

    @Test
    void aRunLogOfADeletedAndRecreatedFolderHoldsOnlyTheNewRun(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        RunFolder.create(dir, "test", 1, new Linked("x", List.of(), 1)).log("old run");
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        RunFolder.create(dir, "test", 2, new Linked("x", List.of(), 1)).log("new run");
        String log = Files.readString(dir.resolve(RunFiles.LOG));
        assertFalse(log.contains("old run"), log);
        assertTrue(log.contains("created run: test seed 2") && log.contains("new run"), log);
    }

    @Test
    void recordSectionAddsATopLevelSectionAndKeepsTheConfiguration(@TempDir Path tmp) throws IOException {
        RunFolder run = RunFolder.create(tmp.resolve("r"), "test", 1, new Linked("x", List.of(), 3));
        run.recordSection("data", java.util.Map.of("images", 5));
        assertEquals(5, run.description().path("data").path("images").asInt());
        assertEquals(3, run.config("test", Linked.class).epochs());
        assertThrows(IllegalArgumentException.class, () -> run.recordSection("config", 1));
        JsonNode threads = run.description().path("threads");
        assertTrue(threads.path("torchIntraOp").asInt() >= 1, threads.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), threads.path("availableProcessors").asInt());
    }

    @Test
    void aStartKilledWhileWritingRunJsonCanBeStartedAgain(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("run.json.tmp"), "{\"comm");
        RunFolder.create(dir, "test", 1, new Linked("x", List.of(), 1));
        assertTrue(Files.isRegularFile(dir.resolve("run.json")));
        assertFalse(Files.exists(dir.resolve("run.json.tmp")));
        // Beside a file of the user's, the same temporary name is left alone and the folder refused.
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("run.json.tmp"), "x");
        Files.writeString(mine.resolve("notes.txt"), "mine");
        assertThrows(RunFolderException.class, () -> RunFolder.create(mine, "test", 1, new Linked("x", List.of(), 1)));
        assertEquals("x", Files.readString(mine.resolve("run.json.tmp")));
    }

    @Test
    void resumeOrStartStartsWithTheGivenSettingsAndResumesWithTheRecordedOnes(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("stage");
        Linked given = new Linked(tmp.resolve("smash").toString(), List.of(), 2);
        assertEquals(given, RunFolder.resumeOrStart(dir, "test", 1, given, Linked.class, (run, c) -> c));
        assertEquals(2, RunFolder.open(dir).description().at("/config/epochs").asInt());
        // A stage of an older run resumes as recorded, whatever this version would give it now.
        assertEquals(given, RunFolder.resumeOrStart(dir, "test", 1, new Linked(given.smashRun(), List.of(), 5),
                Linked.class, (run, c) -> c));
        assertTrue(assertThrows(RunFolderException.class, () -> RunFolder.resumeOrStart(dir, "other", 1, given,
                Linked.class, (run, c) -> c)).getMessage().contains("holds a 'test' run, not a 'other' run"));

        Path refused = tmp.resolve("refused");
        assertThrows(IllegalArgumentException.class, () -> RunFolder.resumeOrStart(refused, "test", 1, given,
                Linked.class, (run, c) -> {
                    throw new IllegalArgumentException("bad data");
                }));
        assertFalse(Files.exists(refused), "a start refused before its work wrote anything leaves nothing");
    }

    @Test
    void lastMetricsIsTheLastCompleteRecordOfItsType(@TempDir Path tmp) throws IOException {
        RunFolder run = RunFolder.create(tmp.resolve("run"), "test", 1, new Linked("x", List.of(), 1));
        assertEquals(null, run.lastMetrics("epoch"), "no metrics.jsonl yet");
        Files.writeString(run.resolve(RunFiles.METRICS), """
                {"type":"step","step":10,"loss":2.0}
                {"type":"epoch","epoch":1,"step":12,"testError":0.5}
                {"type":"step","step":20,"loss":1.5}
                {"type":"epoch","epoch":2,"step":24,"testError":0.25}
                {"type":"step","step":30,"loss":1.25}
                {"type":"epoch","epoch":3,"st""");
        assertEquals(0.25, run.lastMetrics("epoch").get("testError").asDouble(), "the torn epoch 3 does not count");
        assertEquals(30, run.lastMetrics("step").get("step").asLong());
    }
}
