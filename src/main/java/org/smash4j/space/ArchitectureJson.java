package org.smash4j.space;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes architectures, lists of architectures, search-space configurations and
 * {@link ArchitectureDocument}s as JSON, in the natural shape of the records:
 * <pre>
 * {"blocks":[{"bankSize":2,"ops":[{"reads":[0,1],"writes":[2],"width":2,"pattern":"SINGLE",
 *   "convs":[{"kernelH":3,"kernelW":5,"dilationH":1,"dilationW":2,"groups":1}]}]}, ...]}
 * </pre>
 * A document is {@code {"space": {config}, "architecture": {...}}}. Reading is strict, because these files are
 * edited by hand: an unknown, missing, null or duplicate field, a number where a list belongs, a fraction where an
 * integer belongs or trailing text is an {@link InvalidJsonException} naming the field and its JSON path (the
 * parsing is {@link StrictJson}'s; this class adds the record types and validation against the space). Enum
 * values ({@code pattern}, {@code opMode}) are case-insensitive; they are written upper-case.
 */
public final class ArchitectureJson {
    private ArchitectureJson() {
    }

    // ---------------------------------------------------------------- reading

    /** Parses one architecture; not validated (no config is known). */
    public static Architecture readArchitecture(String json) {
        return StrictJson.parse(json, new TypeReference<Architecture>() { }, null);
    }

    /** Parses one architecture and validates it against {@code config}. */
    public static Architecture readArchitecture(String json, SearchSpaceConfig config) {
        Architecture a = readArchitecture(json);
        ArchitectureValidator.validate(a, config);
        return a;
    }

    /** Reads one architecture from a file; not validated. */
    public static Architecture readArchitecture(Path file) throws IOException {
        return StrictJson.read(file, new TypeReference<Architecture>() { });
    }

    /** Reads one architecture from a file and validates it against {@code config}. */
    public static Architecture readArchitecture(Path file, SearchSpaceConfig config) throws IOException {
        Architecture a = readArchitecture(file);
        validateIn(file, a, config);
        return a;
    }

    /** Parses a JSON array of architectures; not validated. */
    public static List<Architecture> readArchitectures(String json) {
        return List.copyOf(StrictJson.parse(json, new TypeReference<List<Architecture>>() { }, null));
    }

    /** Reads a JSON array of architectures from a file; not validated. */
    public static List<Architecture> readArchitectures(Path file) throws IOException {
        return List.copyOf(StrictJson.read(file, new TypeReference<List<Architecture>>() { }));
    }

    /** Parses a search-space configuration; every field is required. */
    public static SearchSpaceConfig readConfig(String json) {
        return StrictJson.parse(json, new TypeReference<SearchSpaceConfig>() { }, null);
    }

    /** Reads a search-space configuration from a file; every field is required. */
    public static SearchSpaceConfig readConfig(Path file) throws IOException {
        return StrictJson.read(file, new TypeReference<SearchSpaceConfig>() { });
    }

    /** Parses an architecture document; its architecture is validated against its space. */
    public static ArchitectureDocument readDocument(String json) {
        return toDocument(StrictJson.parse(json, new TypeReference<DocumentFields>() { }, null), null);
    }

    /** Reads an architecture document from a file; its architecture is validated against its space. */
    public static ArchitectureDocument readDocument(Path file) throws IOException {
        return toDocument(StrictJson.read(file, new TypeReference<DocumentFields>() { }), file);
    }

    /**
     * Parses either an architecture document or a bare architecture, which is paired with {@code configIfBare}
     * (may be null when the text is known to be a document). This is what {@code describe} and model loading
     * use, so that both kinds of file work.
     */
    public static ArchitectureDocument readDocumentOrArchitecture(String json, SearchSpaceConfig configIfBare) {
        return documentOrArchitecture(json, configIfBare, null);
    }

    /** As {@link #readDocumentOrArchitecture(String, SearchSpaceConfig)}, from a file. */
    public static ArchitectureDocument readDocumentOrArchitecture(Path file, SearchSpaceConfig configIfBare)
            throws IOException {
        return documentOrArchitecture(StrictJson.readText(file), configIfBare, file);
    }

    private static ArchitectureDocument documentOrArchitecture(String json, SearchSpaceConfig config, Path file) {
        JsonNode tree = StrictJson.readTree(json, file);
        if (tree != null && tree.isObject() && tree.has("blocks")) {
            if (config == null) {
                throw new IllegalArgumentException(JsonErrors.prefix(file) + "this is a bare architecture (it has"
                        + " 'blocks' but no 'space'), so a search-space config must be given with it (a preset or a"
                        + " config file)");
            }
            Architecture a = StrictJson.convert(tree, new TypeReference<Architecture>() { }, file);
            validateIn(file, a, config);
            return new ArchitectureDocument(config, a);
        }
        if (tree != null && tree.isObject() && (tree.has("space") || tree.has("architecture"))) {
            return toDocument(StrictJson.convert(tree, new TypeReference<DocumentFields>() { }, file), file);
        }
        throw new InvalidJsonException(JsonErrors.prefix(file) + "neither an architecture (an object with field"
                + " 'blocks') nor an architecture document (an object with fields 'space' and 'architecture')", null);
    }

    // ---------------------------------------------------------------- writing

    /** One-line JSON of an architecture (fit for JSON-lines files). */
    public static String toJson(Architecture architecture) {
        return StrictJson.write(architecture, false);
    }

    /** One-line JSON array of architectures. */
    public static String toJson(List<Architecture> architectures) {
        return StrictJson.write(architectures, false);
    }

    /** One-line JSON of a search-space configuration. */
    public static String toJson(SearchSpaceConfig config) {
        return StrictJson.write(config, false);
    }

    /** One-line JSON of an architecture document. */
    public static String toJson(ArchitectureDocument document) {
        return StrictJson.write(document, false);
    }

    /** Indented JSON of an architecture. */
    public static String toPrettyJson(Architecture architecture) {
        return StrictJson.write(architecture, true);
    }

    /** Indented JSON array of architectures. */
    public static String toPrettyJson(List<Architecture> architectures) {
        return StrictJson.write(architectures, true);
    }

    /** Indented JSON of a search-space configuration. */
    public static String toPrettyJson(SearchSpaceConfig config) {
        return StrictJson.write(config, true);
    }

    /** Indented JSON of an architecture document. */
    public static String toPrettyJson(ArchitectureDocument document) {
        return StrictJson.write(document, true);
    }

    // ---------------------------------------------------------------- internals

    /** The raw fields of a document, parsed before the document (which validates) is built. */
    private record DocumentFields(SearchSpaceConfig space, Architecture architecture) {
    }

    private static ArchitectureDocument toDocument(DocumentFields fields, Path file) {
        validateIn(file, fields.architecture(), fields.space());
        return new ArchitectureDocument(fields.space(), fields.architecture());
    }

    private static void validateIn(Path file, Architecture a, SearchSpaceConfig config) {
        List<String> problems = ArchitectureValidator.problems(a, config);
        if (!problems.isEmpty()) {
            List<String> located = new ArrayList<>();
            for (String p : problems) {
                located.add(JsonErrors.prefix(file) + p);
            }
            throw new InvalidArchitectureException(located);
        }
    }
}
