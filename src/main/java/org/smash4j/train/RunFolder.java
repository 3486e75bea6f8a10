package org.smash4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.backend.BackendInfo;
import org.smash4j.util.Versions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder, the unit of work: run.json (command, seed, fully resolved configuration, versions), a log,
 * metrics.jsonl, and checkpoints. Every command writes one; {@code --resume} reopens it.
 */
public final class RunFolder {
    public static final String RUN_FILE = "run.json";
    public static final String METRICS_FILE = "metrics.jsonl";
    public static final String LOG_FILE = "run.log";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run folder. Refuses a folder that already holds a run, so nothing is ever overwritten;
     * the message says how to continue it instead.
     */
    public static RunFolder create(Path dir, String command, long seed, Map<String, Object> config)
            throws IOException {
        if (Files.exists(dir.resolve(RUN_FILE))) {
            throw new IOException("run folder " + dir + " already holds a run; continue it with --resume " + dir
                    + " or choose another --out");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        Files.createDirectories(dir);
        RunFolder run = new RunFolder(dir);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command);
        doc.put("seed", seed);
        doc.put("created", Instant.now().toString());
        doc.put("config", config);
        doc.put("versions", Versions.all());
        doc.put("backend", BackendInfo.current());
        AtomicFiles.writeString(dir.resolve(RUN_FILE), Json.MAPPER.writeValueAsString(doc));
        run.log("created run: " + command + " seed " + seed);
        return run;
    }

    /** Creates a run folder recording {@code config} (any record, stored as JSON) as its configuration. */
    public static RunFolder create(Path dir, String command, long seed, Object config) throws IOException {
        return create(dir, command, seed, Json.MAPPER.convertValue(config,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
    }

    /**
     * The configuration recorded by {@code command}, as {@code type}; fails with a clear message when the folder
     * holds a run of another command.
     */
    public <T> T config(String command, Class<T> type) throws IOException {
        JsonNode d = description();
        String actual = d.path("command").asText();
        if (!command.equals(actual)) {
            throw new IOException(dir + " is a '" + actual + "' run, not a '" + command + "' run");
        }
        return Json.MAPPER.treeToValue(d.get("config"), type);
    }

    /** Opens an existing run folder for resuming or reading. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RUN_FILE))) {
            throw new IOException(dir + " is not a run folder (no " + RUN_FILE + ")");
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** The parsed run.json. */
    public JsonNode description() throws IOException {
        return Json.MAPPER.readTree(dir.resolve(RUN_FILE).toFile());
    }

    /** Appends a time-stamped line to run.log. */
    public void log(String line) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(LOG_FILE), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(Instant.now() + " " + line);
            w.newLine();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir.resolve(LOG_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Appends one JSON object as a line of metrics.jsonl (flushed and synced, so a kill loses nothing). */
    public void appendMetrics(Map<String, Object> record) throws IOException {
        appendLine(METRICS_FILE, record);
    }

    /** Appends one JSON object as a line of the named JSON-lines file. */
    public void appendLine(String file, Map<String, Object> record) throws IOException {
        byte[] line = (Json.LINE.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve(file), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(line));
            ch.force(false);
        }
    }

    /** The records of a JSON-lines file (an absent file has none). A torn last line from a kill is ignored. */
    public List<JsonNode> readLines(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path p = dir.resolve(file);
        if (!Files.exists(p)) {
            return out;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            try {
                out.add(Json.LINE.readTree(l));
            } catch (IOException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(p + " line " + (i + 1) + " is not valid JSON: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /**
     * Keeps only the records of a JSON-lines file whose {@code field} is at most {@code limit}: on resume,
     * records written after the checkpoint are dropped so they are written again exactly once.
     */
    public void truncateLines(String file, String field, long limit) throws IOException {
        Path p = dir.resolve(file);
        if (!Files.exists(p)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (JsonNode n : readLines(file)) {
            if (n.path(field).asLong(Long.MAX_VALUE) <= limit) {
                kept.append(Json.LINE.writeValueAsString(n)).append('\n');
            }
        }
        AtomicFiles.writeString(p, kept.toString());
    }
}
