package org.smash4j.space;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes architectures, lists of architectures, search-space configurations and
 * {@link ArchitectureDocument}s as JSON, in the natural shape of the records:
 * <pre>
 * {"blocks":[{"bankSize":2,"ops":[{"reads":[0,1],"writes":[2],"width":2,"pattern":"SINGLE",
 *   "convs":[{"kernelH":3,"kernelW":5,"dilationH":1,"dilationW":2,"groups":1}]}]}, ...]}
 * </pre>
 * A document is {@code {"space": {config}, "architecture": {...}}}. Reading is strict, because these files are
 * edited by hand: an unknown, missing, null or duplicate field, a number where a list belongs, a fraction where an
 * integer belongs or trailing text is an {@link InvalidJsonException} naming the field and its JSON path. Enum
 * values ({@code pattern}, {@code opMode}) are case-insensitive; they are written upper-case.
 */
public final class ArchitectureJson {
    private static final ObjectMapper MAPPER = newStrictMapper();
    private static final Pattern MISSING_CREATOR = Pattern.compile("Missing (?:required )?creator property '([^']*)'");
    private static final Pattern NULL_CREATOR = Pattern.compile("Null value for creator property '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private ArchitectureJson() {
    }

    /**
     * A fresh mapper with the strict settings of this class, for other code that embeds these records in its own
     * JSON (result lines, run folders). Turn on indentation per writer, not on this mapper. Binding with it
     * directly reports a misspelt field as the correct one missing (Jackson checks creator properties first);
     * the read methods of this class check field names before binding, so prefer them for whole files.
     */
    public static ObjectMapper newStrictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // "3" is not 3 and true is not 1: a quoted number in a hand-edited file is a mistake worth reporting.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    // ---------------------------------------------------------------- reading

    /** Parses one architecture; not validated (no config is known). */
    public static Architecture readArchitecture(String json) {
        return parse(json, new TypeReference<Architecture>() { }, null);
    }

    /** Parses one architecture and validates it against {@code config}. */
    public static Architecture readArchitecture(String json, SearchSpaceConfig config) {
        Architecture a = readArchitecture(json);
        ArchitectureValidator.validate(a, config);
        return a;
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

    /** Reads one architecture from a file; not validated. */
    public static Architecture readArchitecture(Path file) throws IOException {
        return parse(readText(file), new TypeReference<Architecture>() { }, file);
    }

    /** Reads one architecture from a file and validates it against {@code config}. */
    public static Architecture readArchitecture(Path file, SearchSpaceConfig config) throws IOException {
        Architecture a = readArchitecture(file);
        validateIn(file, a, config);
        return a;
    }

    /** Parses a JSON array of architectures; not validated. */
    public static List<Architecture> readArchitectures(String json) {
        return List.copyOf(parse(json, new TypeReference<List<Architecture>>() { }, null));
    }

    /** Reads a JSON array of architectures from a file; not validated. */
    public static List<Architecture> readArchitectures(Path file) throws IOException {
        return List.copyOf(parse(readText(file), new TypeReference<List<Architecture>>() { }, file));
    }

    /** Parses a search-space configuration; every field is required. */
    public static SearchSpaceConfig readConfig(String json) {
        return parse(json, new TypeReference<SearchSpaceConfig>() { }, null);
    }

    /** Reads a search-space configuration from a file; every field is required. */
    public static SearchSpaceConfig readConfig(Path file) throws IOException {
        return parse(readText(file), new TypeReference<SearchSpaceConfig>() { }, file);
    }

    /** Parses an architecture document; its architecture is validated against its space. */
    public static ArchitectureDocument readDocument(String json) {
        return toDocument(parse(json, new TypeReference<DocumentFields>() { }, null), null);
    }

    /** Reads an architecture document from a file; its architecture is validated against its space. */
    public static ArchitectureDocument readDocument(Path file) throws IOException {
        return toDocument(parse(readText(file), new TypeReference<DocumentFields>() { }, file), file);
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
        return documentOrArchitecture(readText(file), configIfBare, file);
    }

    private static ArchitectureDocument documentOrArchitecture(String json, SearchSpaceConfig config, Path file) {
        JsonNode tree = readTree(json, file);
        if (tree != null && tree.isObject() && tree.has("blocks")) {
            if (config == null) {
                throw new IllegalArgumentException(prefix(file) + "this is a bare architecture (it has 'blocks'"
                        + " but no 'space'), so a search-space config must be given with it (a preset or a config"
                        + " file)");
            }
            Architecture a = convert(tree, new TypeReference<Architecture>() { }, file);
            validateIn(file, a, config);
            return new ArchitectureDocument(config, a);
        }
        if (tree != null && tree.isObject() && (tree.has("space") || tree.has("architecture"))) {
            return toDocument(convert(tree, new TypeReference<DocumentFields>() { }, file), file);
        }
        throw new InvalidJsonException(prefix(file) + "neither an architecture (an object with field 'blocks')"
                + " nor an architecture document (an object with fields 'space' and 'architecture')", null);
    }

    // ---------------------------------------------------------------- writing

    /** One-line JSON of an architecture (fit for JSON-lines files). */
    public static String toJson(Architecture architecture) {
        return write(architecture, false);
    }

    /** One-line JSON array of architectures. */
    public static String toJson(List<Architecture> architectures) {
        return write(architectures, false);
    }

    /** One-line JSON of a search-space configuration. */
    public static String toJson(SearchSpaceConfig config) {
        return write(config, false);
    }

    /** One-line JSON of an architecture document. */
    public static String toJson(ArchitectureDocument document) {
        return write(document, false);
    }

    /** Indented JSON of an architecture. */
    public static String toPrettyJson(Architecture architecture) {
        return write(architecture, true);
    }

    /** Indented JSON array of architectures. */
    public static String toPrettyJson(List<Architecture> architectures) {
        return write(architectures, true);
    }

    /** Indented JSON of a search-space configuration. */
    public static String toPrettyJson(SearchSpaceConfig config) {
        return write(config, true);
    }

    /** Indented JSON of an architecture document. */
    public static String toPrettyJson(ArchitectureDocument document) {
        return write(document, true);
    }

    private static String write(Object value, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only plain records are written, so this means a programming error.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
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
                located.add(prefix(file) + p);
            }
            throw new InvalidArchitectureException(located);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type, Path file) {
        return convert(readTree(json, file), type, file);
    }

    private static JsonNode readTree(String json, Path file) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text given");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw explain(e, file);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidJsonException(prefix(file) + "the JSON text is empty", null);
        }
        if (tree.isNull()) {
            throw new InvalidJsonException(prefix(file) + "the JSON text is 'null', not a value", null);
        }
        return tree;
    }

    private static <T> T convert(JsonNode tree, TypeReference<T> type, Path file) {
        // Unknown fields first: Jackson would report a misspelt field as the correct name missing.
        checkFieldNames(tree, type.getType(), new ArrayList<>(), file);
        try {
            return MAPPER.treeToValue(tree, MAPPER.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw explain(e, file);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw explain(jpe, file);
            }
            throw e;
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
                            prefix(file), name, pathString(path), suggestion(name, known), String.join(", ", known)),
                            null);
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

    /**
     * Turns a Jackson error into a message that names the field and its JSON path. Public so that other code
     * reading these records with {@link #newStrictMapper()} reports errors the same way.
     *
     * @param file the file the text came from, named at the start of the message; may be null
     */
    public static InvalidJsonException explain(JsonProcessingException e, Path file) {
        String pre = prefix(file);
        String original = e.getOriginalMessage() == null ? "" : firstLine(e.getOriginalMessage());
        if (e instanceof StreamReadException || e.getCause() instanceof StreamReadException) {
            JsonProcessingException syntax = e instanceof StreamReadException ? e
                    : (JsonProcessingException) e.getCause();
            String syntaxMessage = syntax.getOriginalMessage() == null ? "" : firstLine(syntax.getOriginalMessage());
            Matcher dup = DUPLICATE.matcher(syntaxMessage);
            if (dup.find()) {
                String where = e instanceof JsonMappingException m ? location(m.getPath(), 0)
                        : containerPath(syntax);
                return new InvalidJsonException(String.format("%sduplicate field '%s' at %s", pre, dup.group(1),
                        where), e);
            }
            if (syntax.getLocation() == null || syntax.getLocation().getLineNr() < 0) {
                // Raised while binding an already parsed tree (e.g. 99999999999 for an int): no line, so name the
                // field instead.
                String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                        ? location(m.getPath(), 0) : valuePath(syntax);
                String what = syntax instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                        ? "number out of range" : "unreadable value";
                return new InvalidJsonException(pre + what + " at " + where + ": " + withoutSource(syntaxMessage), e);
            }
            String where = String.format(" (line %d, column %d)",
                    syntax.getLocation().getLineNr(), syntax.getLocation().getColumnNr());
            return new InvalidJsonException(pre + "malformed JSON" + where + ": " + withoutSource(syntaxMessage), e);
        }
        if (!(e instanceof JsonMappingException m)) {
            return new InvalidJsonException(pre + "unreadable JSON: " + original, e);
        }
        List<JsonMappingException.Reference> path = m.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            return new InvalidJsonException(String.format("%sunknown field '%s' at %s (expected fields: %s)", pre,
                    u.getPropertyName(), location(path, 1), knownFields(u.getKnownPropertyIds())), e);
        }
        if (e instanceof InvalidNullException) {
            if (endsWithIndex(path)) {
                return new InvalidJsonException(pre + "null element at " + location(path, 0), e);
            }
            return new InvalidJsonException(String.format("%sfield '%s' is null at %s", pre, lastField(path),
                    location(path, 1)), e);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            // A record constructor refused the values (e.g. an impossible search space): its message says why.
            return new InvalidJsonException(String.format("%s%s (at %s)", pre, e.getCause().getMessage(),
                    location(path, 0)), e);
        }
        Matcher missing = MISSING_CREATOR.matcher(original);
        if (missing.find()) {
            String name = missing.group(1);
            // Jackson puts the missing property at the end of the path; the location is its parent object.
            int drop = name.equals(lastField(path)) ? 1 : 0;
            return new InvalidJsonException(String.format("%smissing field '%s' at %s", pre, name,
                    location(path, drop)), e);
        }
        Matcher nullCreator = NULL_CREATOR.matcher(original);
        if (nullCreator.find()) {
            String name = nullCreator.group(1);
            int drop = name.equals(lastField(path)) ? 1 : 0;
            return new InvalidJsonException(String.format("%sfield '%s' is null at %s", pre, name,
                    location(path, drop)), e);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return new InvalidJsonException(String.format("%sbad value at %s: '%s' is not one of %s"
                    + " (case-insensitive)", pre, location(path, 0), f.getValue(),
                    Arrays.toString(f.getTargetType().getEnumConstants())), e);
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return new InvalidJsonException(String.format("%sbad value at %s: expected %s (%s)", pre,
                    location(path, 0), expected(mi.getTargetType()), shortened(original)), e);
        }
        return new InvalidJsonException(String.format("%sbad value at %s: %s", pre, location(path, 0),
                shortened(original)), e);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static boolean endsWithIndex(List<JsonMappingException.Reference> path) {
        return !path.isEmpty() && path.get(path.size() - 1).getIndex() >= 0;
    }

    private static String lastField(List<JsonMappingException.Reference> path) {
        return path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
    }

    /** Drops Jackson's hints about coercion settings, which are not the user's business. */
    private static String shortened(String message) {
        int hint = message.indexOf(" (but ");
        String s = hint < 0 ? message : message.substring(0, hint);
        int feature = s.indexOf("; `DeserializationFeature");
        return feature < 0 ? s : s.substring(0, feature);
    }

    private static String withoutSource(String message) {
        return message.replaceAll(" ?\\(for [A-Za-z]+ starting at \\[Source:.*?\\]\\)", "")
                .replaceAll(" ?at \\[Source:.*", "");
    }

    /** The path of the object or array the parser was in when it failed, e.g. {@code blocks[1].ops[0]}. */
    private static String containerPath(JsonProcessingException e) {
        if (!(e instanceof StreamReadException sre) || sre.getProcessor() == null) {
            return "an unknown place";
        }
        JsonParser parser = sre.getProcessor();
        List<Object> steps = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && c.getParent() != null
                && !c.getParent().inRoot(); c = c.getParent()) {
            JsonStreamContext parent = c.getParent();
            steps.add(0, parent.inArray() ? (Object) parent.getCurrentIndex() : parent.getCurrentName());
        }
        return pathString(steps);
    }

    /** The path of the value the parser stood on when it failed, e.g. {@code blocks[1].ops[0].width}. */
    private static String valuePath(JsonProcessingException e) {
        if (!(e instanceof StreamReadException sre) || sre.getProcessor() == null) {
            return "an unknown place";
        }
        List<Object> steps = new ArrayList<>();
        for (JsonStreamContext c = sre.getProcessor().getParsingContext(); c != null && !c.inRoot();
                c = c.getParent()) {
            steps.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return pathString(steps);
    }

    /** A path of field names and array indices as {@code blocks[1].ops[0]}. */
    private static String pathString(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(step);
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    /** The path as {@code blocks[1].ops[0]}, dropping the last {@code dropLast} references. */
    private static String location(List<JsonMappingException.Reference> path, int dropLast) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size() - dropLast; i++) {
            JsonMappingException.Reference r = path.get(i);
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    private static String knownFields(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "none";
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (Object id : ids) {
            sorted.add(String.valueOf(id));
        }
        return String.join(", ", sorted);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String prefix(Path file) {
        return file == null ? "" : file + ": ";
    }
}
