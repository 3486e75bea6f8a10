package org.smash4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.smash4j.backend.BackendInfo;
import org.smash4j.util.GitCommit;
import org.smash4j.util.Versions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run folder, the unit of work: run.json (command, seed, fully resolved configuration, versions), a log,
 * metrics.jsonl, and checkpoints. Every command writes one; {@code --resume} reopens it.
 */
public final class RunFolder {
    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run folder. Starts only in a missing or empty folder, so nothing of the user's is ever
     * overwritten or appended to; a folder that holds a run is refused with how to continue it. Fields of
     * {@code config} that name other run folders ({@link RunLinks}) are stored relative to this folder.
     */
    public static RunFolder create(Path dir, String command, long seed, Map<String, Object> config)
            throws IOException {
        requireFreshFolder(dir);
        boolean existed = Files.exists(dir);
        RunDescription doc = new RunDescription(command, seed, Instant.now().toString(),
                RunLinks.stored(dir, Json.MAPPER.valueToTree(config)), Versions.all(), BackendInfo.current(),
                BackendInfo.threads(), GitCommit.current().orElse(null));
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(RunFiles.RUN), Json.MAPPER.writeValueAsString(doc));
        } catch (IOException | RuntimeException e) {
            if (!existed) {
                deleteQuietly(dir);
            }
            throw e;
        }
        RunFolder run = new RunFolder(dir);
        run.log("created run: " + command + " seed " + seed);
        return run;
    }

    /** The work of a run started in a new folder. */
    @FunctionalInterface
    public interface Work<T> {
        T run(RunFolder run) throws IOException;
    }

    /**
     * Creates a run folder and does {@code work} in it. When the work is refused before it wrote anything (bad data,
     * a usage error found late), what the start wrote is removed again, so a refused start leaves nothing behind
     * and the corrected command can use the same folder.
     */
    public static <T> T start(Path dir, String command, long seed, Object config, Work<T> work) throws IOException {
        boolean existed = Files.exists(dir);
        return refusalUndoesStart(create(dir, command, seed, config), existed, work);
    }

    /**
     * The one start-or-resume routine with work: resumes {@code dir} when it holds a {@code command} run with the
     * same configuration (see {@link #startOrResume(Path, String, long, Object, Class)}), else starts it as
     * {@link #start} does, so that a start refused before its work wrote anything leaves nothing behind. A resumed
     * run is never removed.
     */
    public static <C, T> T startOrResume(Path dir, String command, long seed, C config, Class<C> type, Work<T> work)
            throws IOException {
        boolean existed = Files.exists(dir);
        boolean resuming = Files.exists(dir.resolve(RunFiles.RUN));
        RunFolder run = startOrResume(dir, command, seed, config, type);
        return resuming ? work.run(run) : refusalUndoesStart(run, existed, work);
    }

    private static <T> T refusalUndoesStart(RunFolder run, boolean existed, Work<T> work) throws IOException {
        try {
            return work.run(run);
        } catch (IllegalArgumentException | org.smash4j.data.DataFormatException | java.nio.file.NoSuchFileException e) {
            run.removeIfOnlyItsStart(existed);
            throw e;
        }
    }

    /** The work of a run, given its folder and its configuration (given at a start, recorded at a resume). */
    @FunctionalInterface
    public interface ConfiguredWork<C, T> {
        T run(RunFolder run, C config) throws IOException;
    }

    /**
     * The start-or-resume routine of a job's stages (the pipeline's one-shot and stand-alone trainings, experiment
     * candidates and one-shot variants), whose folders the job alone writes: resumes {@code dir} with its recorded
     * {@code command} configuration when it holds a run, else starts it with {@code config} as {@link #start} does.
     * The recorded configuration wins, so a stage of a run folder written by an older version resumes as recorded.
     */
    public static <C, T> T resumeOrStart(Path dir, String command, long seed, C config, Class<C> type,
            ConfiguredWork<C, T> work) throws IOException {
        if (Files.exists(dir.resolve(RunFiles.RUN))) {
            RunFolder run = open(dir);
            C recorded = run.config(command, type);
            run.log("resuming " + command);
            return work.run(run, recorded);
        }
        return start(dir, command, seed, config, run -> work.run(run, config));
    }

    /** Deletes run.json and run.log (and the folder, if this run made it) when nothing else has been written. */
    private void removeIfOnlyItsStart(boolean keepFolder) {
        try (var entries = Files.list(dir)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunFiles.RUN)
                    && !p.getFileName().toString().equals(RunFiles.LOG))) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        RunLog.close(dir.resolve(RunFiles.LOG));
        if (keepFolder) {
            try {
                Files.deleteIfExists(dir.resolve(RunFiles.LOG));
                Files.deleteIfExists(dir.resolve(RunFiles.RUN));
            } catch (IOException e) {
                // Best effort: the start failed anyway, and its message says why.
            }
        } else {
            deleteQuietly(dir);
        }
    }

    /**
     * Refuses {@code dir} unless it is missing or an empty folder: a folder holding a run says how to continue
     * it, any other content is the user's and is left alone.
     */
    public static void requireFreshFolder(Path dir) throws IOException {
        if (Files.exists(dir.resolve(RunFiles.RUN))) {
            throw new RunFolderException("run folder " + dir + " already holds a run; continue it with --resume " + dir
                    + " or choose another --out");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException(dir + " exists and is not a folder; choose another --out");
        }
        if (Files.isDirectory(dir)) {
            // A start killed while writing run.json leaves only its temporary file: that is ours, not the user's.
            Path unfinished = dir.resolve(RunFiles.RUN + ".tmp");
            try (var entries = Files.list(dir)) {
                if (Files.exists(unfinished) && entries.count() == 1) {
                    Files.delete(unfinished);
                }
            }
            try (var entries = Files.list(dir)) {
                var first = entries.findFirst();
                if (first.isPresent()) {
                    throw new RunFolderException(dir + " is not empty and holds no run (" + RunFiles.RUN
                            + " is missing; it holds " + first.get().getFileName() + "); a run starts only in a missing or empty"
                            + " folder, so nothing in it is touched: choose another --out");
                }
            }
        }
    }

    /**
     * The one start-or-resume routine: opens {@code dir} when it holds a {@code command} run with the same
     * configuration (resuming it), creates it when it is missing or empty, and refuses anything else with the
     * reason (another kind of run, other settings, files that are not a run).
     */
    public static <C> RunFolder startOrResume(Path dir, String command, long seed, C config, Class<C> type)
            throws IOException {
        if (!Files.exists(dir.resolve(RunFiles.RUN))) {
            return create(dir, command, seed, config);
        }
        RunFolder run = open(dir);
        C recorded = run.config(command, type);
        if (!recorded.equals(RunLinks.absolute(config, type))) {
            throw new RunFolderException(dir + " holds a '" + command + "' run with other settings; continue it with"
                    + " --resume " + dir + " or choose another --out");
        }
        run.log("resuming " + command);
        return run;
    }

    private static void deleteQuietly(Path dir) {
        RunLog.close(dir.resolve(RunFiles.LOG));
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: the start failed anyway, and its message says why.
        }
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
            throw new RunFolderException(dir + " holds a '" + actual + "' run, not a '" + command + "' run");
        }
        return Json.MAPPER.treeToValue(RunLinks.resolved(dir, d.get("config")), type);
    }

    /** Opens an existing run folder for resuming or reading. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFiles.RUN))) {
            throw new RunFolderException(dir + " is not a run folder (no " + RunFiles.RUN + ")");
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** A run folder that a config field of this run names, resolved (see {@link RunLinks}). */
    public Path link(String stored) {
        return RunLinks.resolve(dir, stored);
    }

    /** The command that made this run ({@code run.json}'s {@code command}; "" in a damaged file). */
    public String command() throws IOException {
        return java.util.Objects.requireNonNullElse(RunDescription.read(dir).command(), "");
    }

    /** The parsed run.json, with the sections recorded after creation. */
    public JsonNode description() throws IOException {
        return Json.MAPPER.readTree(dir.resolve(RunFiles.RUN).toFile());
    }

    /**
     * Sets one top-level section of run.json (e.g. what the data held), replacing the file atomically; the
     * recorded command and configuration are never touched.
     */
    public void recordSection(String section, Object value) throws IOException {
        if (List.of("command", "seed", "created", "config").contains(section)) {
            throw new IllegalArgumentException("run.json section '" + section + "' is written only at creation");
        }
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) description();
        doc.set(section, Json.MAPPER.valueToTree(value));
        AtomicFiles.writeString(dir.resolve(RunFiles.RUN), Json.MAPPER.writeValueAsString(doc));
    }

    /** Appends a time-stamped line to run.log. */
    public void log(String line) {
        RunLog.write(dir.resolve(RunFiles.LOG), line);
    }

    /** Appends one JSON object as a line of metrics.jsonl (flushed and synced, so a kill loses nothing). */
    public void appendMetrics(Map<String, Object> record) throws IOException {
        appendLine(RunFiles.METRICS, record);
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

    /** The last record of metrics.jsonl of this {@code type} ("step" or "epoch"), or null when there is none. */
    public JsonNode lastMetrics(String type) throws IOException {
        JsonNode last = null;
        for (JsonNode n : readLines(RunFiles.METRICS)) {
            if (type.equals(n.path("type").asText())) {
                last = n;
            }
        }
        return last;
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
