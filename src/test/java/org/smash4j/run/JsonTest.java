package org.smash4j.run;

import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two mappers: strict for what a person writes, lenient for run folders of other versions. */
class JsonTest {
    record Settings(int epochs, double lr, List<String> names) {
    }

    @Test
    void theStrictMapperRefusesWhatALenientOneLetsThrough() throws IOException {
        String extra = "{\"epochs\":2,\"lr\":0.5,\"names\":[\"a\"],\"colour\":\"red\"}";
        assertThrows(UnrecognizedPropertyException.class, () -> Json.strict().readValue(extra, Settings.class));
        assertEquals(new Settings(2, 0.5, List.of("a")), Json.lenient().readValue(extra, Settings.class));
        assertEquals(new Settings(2, 0.5, List.of("a")), Json.MAPPER.readValue(extra, Settings.class));

        assertThrows(MismatchedInputException.class, () -> Json.strict().readValue(
                "{\"epochs\":\"2\",\"lr\":0.5,\"names\":[]}", Settings.class), "a quoted number");
        assertThrows(MismatchedInputException.class, () -> Json.strict().readValue(
                "{\"epochs\":2.5,\"lr\":0.5,\"names\":[]}", Settings.class), "a fraction for an integer");
        assertThrows(InvalidNullException.class, () -> Json.strict().readValue(
                "{\"epochs\":2,\"lr\":0.5,\"names\":null}", Settings.class), "a null list");
        assertThrows(MismatchedInputException.class, () -> Json.strict().readValue(
                "{\"epochs\":2,\"lr\":0.5}", Settings.class), "a missing field");
    }

    @Test
    void bothMappersWriteTheSameText() throws IOException {
        Settings s = new Settings(3, 0.1, List.of("x", "y"));
        String line = "{\"epochs\":3,\"lr\":0.1,\"names\":[\"x\",\"y\"]}";
        assertEquals(line, Json.strict().writeValueAsString(s));
        assertEquals(line, Json.LINE.writeValueAsString(s));
        assertEquals("{\n  \"epochs\" : 3,\n  \"lr\" : 0.1,\n  \"names\" : [ \"x\", \"y\" ]\n}",
                Json.MAPPER.writeValueAsString(s));
    }

    /** A run.json as another version wrote it: a field this version does not know in config and at the top. */
    @Test
    void aRunDescriptionWithFieldsOfAnotherVersionReads(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve(RunFiles.RUN), """
                {
                  "command" : "test",
                  "seed" : 7,
                  "created" : "2026-01-02T03:04:05Z",
                  "config" : {
                    "epochs" : 4,
                    "lr" : 0.25,
                    "names" : [ "a", "b" ],
                    "retiredOption" : true
                  },
                  "versions" : { "smash4j" : "0.1" },
                  "somethingNew" : 1
                }
                """);
        RunFolder run = RunFolder.open(dir);
        assertEquals(new Settings(4, 0.25, List.of("a", "b")), run.config("test", Settings.class));
        assertEquals(7, run.description().get("seed").asLong());
        RunDescription d = RunDescription.read(dir);
        assertEquals("test", d.command());
        assertEquals(7L, d.seed());
        assertEquals("2026-01-02T03:04:05Z", d.created());
        assertEquals(java.util.Map.of("smash4j", "0.1"), d.versions());
        assertEquals(null, d.backend(), "older than the backend section");
        assertEquals("test", run.command());
    }

    @Test
    void aRunDescriptionIsWrittenInItsDocumentedOrder(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        RunFolder run = RunFolder.create(dir, "test", 3, new Settings(1, 0.5, List.of()));
        run.recordSection("data", java.util.Map.of("train", 10));
        List<String> names = new java.util.ArrayList<>();
        Json.MAPPER.readTree(dir.resolve(RunFiles.RUN).toFile()).fieldNames().forEachRemaining(names::add);
        List<String> expected = new java.util.ArrayList<>(List.of("command", "seed", "created", "config", "versions",
                "backend", "threads"));
        if (RunDescription.read(dir).gitCommit() != null) {
            expected.add("gitCommit");
        }
        expected.add("data");
        assertEquals(expected, names);
        assertEquals(new Settings(1, 0.5, List.of()), run.config("test", Settings.class));
    }
}
