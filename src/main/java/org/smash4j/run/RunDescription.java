package org.smash4j.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code run.json}, as a run folder's creation writes it and every reader binds it: the command and seed, the
 * instant it was created, the configuration (a record of the command, as JSON; {@link RunLinks} fields relative to
 * the folder), the versions, the backend (CPU, oneDNN ISA), the thread counts and the git commit (absent outside a
 * git checkout). Sections recorded later ({@link RunFolder#recordSection}, e.g. {@code data}) follow these fields
 * in the file and are not part of this record; reading ignores them, as it ignores fields of other versions.
 *
 * @param seed    null only in a damaged file
 * @param created ISO-8601 instant
 * @param backend null in runs older than the field, as are {@code threads} and {@code gitCommit}
 */
public record RunDescription(String command, Long seed, String created, JsonNode config, Map<String, String> versions,
        Map<String, String> backend, Map<String, Object> threads,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gitCommit) {

    /** Reads {@code dir}'s run.json leniently (fields of other versions ignored). */
    public static RunDescription read(Path dir) throws IOException {
        return Json.LINE.readValue(dir.resolve(RunFiles.RUN).toFile(), RunDescription.class);
    }
}
