package org.smash4j.space;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's errors into messages a person editing the file can act on: the file, then the field and its
 * JSON path ({@code blocks[1].ops[0].width}) or, for malformed text, the line and column.
 */
public final class JsonErrors {
    private static final Pattern MISSING_CREATOR = Pattern.compile("Missing (?:required )?creator property '([^']*)'");
    private static final Pattern NULL_CREATOR = Pattern.compile("Null value for creator property '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private JsonErrors() {
    }

    /**
     * Turns a Jackson error into a message that names the field and its JSON path. Public so that other code
     * reading records with {@link org.smash4j.run.Json#strict()} reports errors the same way.
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
    static String pathString(List<Object> path) {
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

    static String prefix(Path file) {
        return file == null ? "" : file + ": ";
    }
}
