package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.run.Json;
import org.smash4j.run.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The finished units of work of an experiment (a score, a trained candidate, a search step), one JSON line each in
 * ledger.jsonl, appended and synced as each finishes. On resume everything in it is reused, never recomputed.
 */
final class Ledger {
    private final RunFolder run;
    private final Map<String, JsonNode> done = new LinkedHashMap<>();

    Ledger(RunFolder run) throws IOException {
        this.run = run;
        for (JsonNode n : run.readLines(RunFiles.LEDGER)) {
            done.put(n.path("key").asText(), n.path("value"));
        }
    }

    boolean has(String key) {
        return done.containsKey(key);
    }

    /** The recorded value of {@code key} as {@code type}, or null if it is not done. */
    <T> T get(String key, Class<T> type) {
        JsonNode n = done.get(key);
        return n == null ? null : Json.MAPPER.convertValue(n, type);
    }

    void put(String key, Object value) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("key", key);
        line.put("value", value);
        try {
            run.appendLine(RunFiles.LEDGER, line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + run.resolve(RunFiles.LEDGER), e);
        }
        done.put(key, Json.MAPPER.valueToTree(value));
    }

    /** The recorded value of {@code key}, computing and recording it first if it is not done. */
    <T> T computeIfAbsent(String key, Class<T> type, java.util.function.Supplier<T> work) {
        T v = get(key, type);
        if (v == null) {
            v = work.get();
            put(key, v);
        }
        return v;
    }

    int size() {
        return done.size();
    }
}
