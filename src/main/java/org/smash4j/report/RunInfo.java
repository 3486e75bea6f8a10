package org.smash4j.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * What a sub-run's {@code run.json} says: command, seed, creation time, configuration and versions. Fields a
 * damaged file lacks are null (the config is then an empty object), because the report must still be made.
 *
 * @param command  e.g. "run", "train-smash", "search", "train"
 * @param seed     the run seed, or null
 * @param created  when the run folder was made, or null
 * @param config   the run's configuration as written (never null)
 * @param versions versions the run was made with (tool name to version)
 */
public record RunInfo(String command, Long seed, Instant created, JsonNode config, Map<String, String> versions) {
    public RunInfo {
        // Keep the file's order (Map.copyOf would not): smash4j first, then the libraries.
        versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
    }

    /** A text field of the config ({@code config.path...}), or null. */
    public String configText(String... path) {
        JsonNode n = config;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }
}
