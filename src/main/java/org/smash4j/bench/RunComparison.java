package org.smash4j.bench;

import org.smash4j.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smash4j.run.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares two run folders made by the same command: every file byte for byte, except what depends on the wall
 * clock or the machine. JSON and JSON-lines files are compared after dropping fields that hold times, rates or
 * memory; run.json after dropping what describes the process (versions, backend, threads, commit) and the
 * configuration, whose links to other runs are relative to each folder; run.log, the HTML and Markdown pages and
 * images (time-stamped, or drawn from the same numbers) are left out.
 */
final class RunComparison {
    private static final Pattern VOLATILE_FIELD =
            Pattern.compile("(?i).*(seconds|persecond|rssmib|created|elapsed|started|walltime).*");
    private static final List<String> PROCESS_FIELDS =
            List.of("created", "versions", "backend", "threads", "gitCommit", "config");

    private RunComparison() {
    }

    /** The differences between {@code expected} and {@code actual}: empty when they agree. */
    static List<String> differences(Path expected, Path actual) throws IOException {
        TreeSet<String> a = files(expected);
        TreeSet<String> b = files(actual);
        List<String> out = new ArrayList<>();
        for (String f : a) {
            if (!b.contains(f)) {
                out.add(f + " is missing");
            } else if (!same(expected.resolve(f), actual.resolve(f))) {
                out.add(f + " differs");
            }
        }
        for (String f : b) {
            if (!a.contains(f)) {
                out.add(f + " is extra");
            }
        }
        return out;
    }

    private static TreeSet<String> files(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString();
                String name = p.getFileName().toString();
                boolean compared = !name.equals(RunFiles.LOG) && !name.endsWith(".html") && !name.endsWith(".md")
                        && !name.endsWith(".png") && !name.endsWith(".svg") && !name.endsWith(".tmp");
                if (compared) {
                    out.add(rel);
                }
            });
        }
        return out;
    }

    private static boolean same(Path x, Path y) throws IOException {
        String name = x.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return canonicalLines(x).equals(canonicalLines(y));
        }
        if (name.endsWith(".json")) {
            return canonical(x, name.equals(RunFiles.RUN)).equals(canonical(y, name.equals(RunFiles.RUN)));
        }
        return java.util.Arrays.equals(Files.readAllBytes(x), Files.readAllBytes(y));
    }

    private static List<String> canonicalLines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Json.LINE.writeValueAsString(stripVolatile(Json.LINE.readTree(line))));
            }
        }
        return out;
    }

    private static String canonical(Path file, boolean runFile) throws IOException {
        JsonNode tree = Json.LINE.readTree(file.toFile());
        if (runFile && tree instanceof ObjectNode o) {
            o.remove(PROCESS_FIELDS);
        }
        return Json.LINE.writeValueAsString(stripVolatile(tree));
    }

    private static JsonNode stripVolatile(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                if (VOLATILE_FIELD.matcher(it.next()).matches()) {
                    it.remove();
                }
            }
            o.forEach(RunComparison::stripVolatile);
        } else if (node.isArray()) {
            node.forEach(RunComparison::stripVolatile);
        }
        return node;
    }
}
