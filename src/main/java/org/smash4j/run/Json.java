package org.smash4j.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * The one Jackson mapper factory. Two kinds of mapper, by who wrote the text:
 * <ul>
 *   <li>{@link #strict()} for files a person writes (architectures, search-space configs, ground truths): an
 *       unknown, missing, null or duplicate field, a number where a list belongs, a fraction where an integer
 *       belongs or trailing text is an error ({@link org.smash4j.space.StrictJson} names the field);</li>
 *   <li>{@link #lenient()} for run-folder files (run.json, metrics.jsonl, checkpoint headers, ledgers, model.json,
 *       caches): fields this version does not know, written by another version, are ignored, so an older or newer
 *       run folder still reads.</li>
 * </ul>
 * Both write the same text; {@link #MAPPER} (indented) and {@link #LINE} (one line) are the shared lenient ones.
 */
public final class Json {
    /** Indented, lenient: whole run-folder files. */
    public static final ObjectMapper MAPPER = lenient().enable(SerializationFeature.INDENT_OUTPUT);
    /** One line, lenient: JSON-lines files and single-line output. */
    public static final ObjectMapper LINE = lenient();

    private Json() {
    }

    /**
     * A fresh strict mapper, for text a person wrote. Turn on indentation per writer, not on this mapper. Binding
     * with it directly reports a misspelt field as the correct one missing (Jackson checks creator properties
     * first); {@link org.smash4j.space.StrictJson} checks field names before binding, so prefer it for whole files.
     */
    public static ObjectMapper strict() {
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

    /**
     * A fresh lenient mapper, for files a run wrote (possibly an older or newer version of this program): unknown
     * fields are ignored; everything else is Jackson's default.
     */
    public static ObjectMapper lenient() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * A lenient reader of {@code type} that still needs every field the record declares: for run-folder files
     * whose fields are all written (rankings), where a missing or null field, or a fraction for an integer, means
     * a damaged file rather than another version. Fields it does not know are ignored; fields added later with a
     * declared default need {@link #fillDeclaredDefaults} on the tree first.
     */
    public static ObjectReader complete(Class<?> type) {
        return LINE.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * The value a record component declares for files written before it existed ({@code @JsonProperty(defaultValue)}
     * on its accessor; integers only), or null. Strict and complete reading take it for a missing field.
     */
    private static Integer declaredDefault(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.defaultValue().isEmpty() ? null
                : Integer.valueOf(property.defaultValue());
    }

    /**
     * Puts the {@link #declaredDefault} of every record field missing from {@code node} into it, through nested records
     * and lists of records, so that a {@link #complete} reader accepts files written before those fields existed.
     */
    public static void fillDeclaredDefaults(JsonNode node, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (raw.isRecord() && node instanceof ObjectNode object) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                JsonNode child = object.get(rc.getName());
                Integer fallback = declaredDefault(rc);
                if (child == null && fallback != null) {
                    object.put(rc.getName(), fallback.intValue());
                } else if (child != null) {
                    fillDeclaredDefaults(child, rc.getGenericType());
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            for (JsonNode element : node) {
                fillDeclaredDefaults(element, p.getActualTypeArguments()[0]);
            }
        }
    }
}
