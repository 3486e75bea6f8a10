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
    }
}
