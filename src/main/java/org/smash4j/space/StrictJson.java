package org.smash4j.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smash4j.run.Json;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Strict JSON reading and writing of records, for files that are edited by hand: an unknown, missing, null or
 * duplicate field, a number where a list belongs, a fraction where an integer belongs or trailing text is an
 * {@link InvalidJsonException} naming the field and its JSON path (see {@link JsonErrors}). Knows nothing about
 * architectures; {@link ArchitectureJson} builds on it. The mapper is {@link Json#strict()}. One exception to
 * "missing": a record component whose accessor declares an integer {@code @JsonProperty(defaultValue)} (a field
 * added later) takes that value.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = Json.strict();

    private StrictJson() {
    }

    /**
     * The text of a JSON file, refusing a missing file or a folder with a message that names the path (the
     * bare NoSuchFileException / "Is a directory" of java.nio do not say what was expected).
     */
    public static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder; expected a JSON file");
        }
        if (!Files.exists(file)) {
            throw new IOException(file + ": not found (no such file)");
        }
        return Files.readString(file);
    }

    /** Parses {@code json} strictly as {@code type}; {@code file} (may be null) is named in error messages. */
    public static <T> T parse(String json, TypeReference<T> type, Path file) {
        return convert(readTree(json, file), type, file);
    }

    /** Reads {@code file} strictly as {@code type}, naming the file in error messages. */
    public static <T> T read(Path file, TypeReference<T> type) throws IOException {
        return parse(readText(file), type, file);
    }

    /** Parses {@code json} into a tree, refusing empty text and a bare {@code null}. */
    public static JsonNode readTree(String json, Path file) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text given");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonErrors.explain(e, file);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidJsonException(JsonErrors.prefix(file) + "the JSON text is empty", null);
        }
        if (tree.isNull()) {
            throw new InvalidJsonException(JsonErrors.prefix(file) + "the JSON text is 'null', not a value", null);
        }
        return tree;
    }

    /** Binds a parsed tree strictly to {@code type}, checking field names first. */
    public static <T> T convert(JsonNode tree, TypeReference<T> type, Path file) {
        // Unknown fields first: Jackson would report a misspelt field as the correct name missing.
        checkFieldNames(tree, type.getType(), new ArrayList<>(), file);
        // Then fields added later with a declared default: files written before them still read.
        Json.fillDeclaredDefaults(tree, type.getType());
        try {
            return MAPPER.treeToValue(tree, MAPPER.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw JsonErrors.explain(e, file);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw JsonErrors.explain(jpe, file);
            }
            throw e;
        }
    }

    /** One-line or indented JSON of a record (or a list of them). */
    public static String write(Object value, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only plain records are written, so this means a programming error.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    // Reflection on record components is slow enough to dominate reading; look each class up once.
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            List<String> names = new ArrayList<>();
            for (RecordComponent rc : COMPONENTS.get(type)) {
                names.add(rc.getName());
            }
            return List.copyOf(names);
        }
    };

    /** Walks the tree along the record types and rejects the first field that no record component names. */
    private static void checkFieldNames(JsonNode node, Type type, List<Object> path, Path file) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (raw.isRecord() && node.isObject()) {
            RecordComponent[] components = COMPONENTS.get(raw);
            List<String> known = NAMES.get(raw);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new InvalidJsonException(String.format("%sunknown field '%s' at %s (%sexpected fields: %s)",
                            JsonErrors.prefix(file), name, JsonErrors.pathString(path), suggestion(name, known),
                            String.join(", ", known)), null);
                }
            }
            for (RecordComponent rc : components) {
                JsonNode child = node.get(rc.getName());
                if (child != null) {
                    path.add(rc.getName());
                    checkFieldNames(child, rc.getGenericType(), path, file);
                    path.remove(path.size() - 1);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                checkFieldNames(node.get(i), element, path, file);
                path.remove(path.size() - 1);
            }
        }
    }

    /** "did you mean 'width'? " for a name within two edits (or a case change) of a known one, else "". */
    private static String suggestion(String name, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = k.equalsIgnoreCase(name) ? 0 : editDistance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "did you mean '" + best + "'? ";
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); // widht -> width is one edit
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
