package org.smash4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Configuration fields that name other run folders (the one-shot run a search or an experiment scores with, the
 * experiments it builds on). run.json stores them relative to the run folder, so a copied or moved tree of runs
 * resumes; in memory they are absolute. Absolute paths that older runs stored are read as they are.
 */
public final class RunLinks {
    /** The top-level config fields (a string, or a list of strings) that name run folders. */
    public static final Set<String> FIELDS = Set.of("smashRun", "correlation", "groundTruth", "compareWith");

    private RunLinks() {
    }

    /** {@code config} (a JSON object) with its links relative to {@code dir}, as run.json stores them. */
    static JsonNode stored(Path dir, JsonNode config) {
        Path base = dir.toAbsolutePath().normalize();
        return rewrite(config, link -> {
            Path relative = base.relativize(Path.of(link).toAbsolutePath().normalize());
            return relative.toString().isEmpty() ? "." : relative.toString();
        });
    }

    /** {@code config} as run.json stores it, with its links resolved to absolute paths. */
    static JsonNode resolved(Path dir, JsonNode config) {
        return rewrite(config, link -> resolve(dir, link).toString());
    }

    /** {@code config} with its links made absolute, for comparing it with a recorded configuration. */
    static <C> C absolute(C config, Class<C> type) {
        JsonNode tree = rewrite(Json.MAPPER.valueToTree(config),
                link -> Path.of(link).toAbsolutePath().normalize().toString());
        return Json.MAPPER.convertValue(tree, type);
    }

    /**
     * A stored link as an absolute path: relative to {@code dir}; an absolute one as it is. Runs written before
     * links were relative to their folder stored them relative to the working directory; when the folder-relative
     * reading names no folder but that one does, it is used.
     */
    static Path resolve(Path dir, String stored) {
        Path p = Path.of(stored);
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path inFolder = dir.toAbsolutePath().resolve(p).normalize();
        if (!Files.isDirectory(inFolder) && Files.isDirectory(p)) {
            return p.toAbsolutePath().normalize();
        }
        return inFolder;
    }

    private static JsonNode rewrite(JsonNode config, UnaryOperator<String> f) {
        if (config == null || !config.isObject()) {
            return config;
        }
        ObjectNode copy = config.deepCopy();
        for (String field : FIELDS) {
            JsonNode v = copy.get(field);
            if (v != null && v.isTextual()) {
                copy.put(field, f.apply(v.asText()));
            } else if (v != null && v.isArray()) {
                ArrayNode out = copy.putArray(field);
                v.forEach(e -> {
                    if (e.isTextual()) {
                        out.add(f.apply(e.asText()));
                    } else {
                        out.add(e);
                    }
                });
            }
        }
        return copy;
    }
}
