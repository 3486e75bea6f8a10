package org.smash4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * {@code results.jsonl}, the search's durable record: one JSON line per scored architecture, appended and
 * fsynced as soon as it is scored, so a killed search loses at most the line being written. Line format:
 * <pre>
 * {"index":i,"phase":"random"|"perturb"|"hill-climb"|"evolution","architecture":{...},"score":f,"scores":[f,...],
 *  "scoreStd":f,"loss":f,"params":n,"macs":n,"seconds":f,"ensembleError":f,"parent":i[,"partialImages":n]}
 * </pre>
 * A non-finite number (NaN loss, unknown ensemble error) is written as null; {@code parent} is null for
 * random samples. Reading is strict, because a resumed search trusts these lines instead of scoring again.
 */
public final class ResultsFile {
    private static final ObjectMapper MAPPER = Json.LINE;
    private static final List<String> FIELDS = Arrays.stream(Line.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private ResultsFile() {
    }

    /**
     * What a results file holds.
     *
     * @param results    the complete lines, parsed, in order
     * @param validBytes length of the part of the file that holds them
     * @param tornTail   whether the file ends in an unterminated line (from a kill mid-write), which is ignored
     */
    public record Contents(List<ScoredArchitecture> results, long validBytes, boolean tornTail) {
        public Contents {
            results = List.copyOf(results);
        }
    }

    /**
     * The fields of a line, in file order: the one definition of the format, which writing binds and reading checks
     * field names against. Null stands for what is not known (a NaN loss or ensemble error, the parent of a random
     * sample); {@code partialImages} is left out of whole-set scores.
     */
    private record Line(long index, String phase, Architecture architecture, double score, List<Double> scores,
            Double scoreStd, Double loss, long params, long macs, double seconds, Double ensembleError, Long parent,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer partialImages) {
        static Line of(ScoredArchitecture r) {
            Score s = r.score();
            return new Line(r.index(), r.phase().jsonName(), r.architecture(), s.error(), s.draws(),
                    finiteOrNull(s.std()), finiteOrNull(s.loss()), r.params(), r.macs(), s.seconds(),
                    finiteOrNull(s.ensembleError()), r.parent(), s.partial() ? s.partialImages() : null);
        }

        private static Double finiteOrNull(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /** The JSON line (without the newline) of one result. */
    public static String toLine(ScoredArchitecture r) {
        try {
            return MAPPER.writeValueAsString(Line.of(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result " + r.index() + " as JSON", e);
        }
    }

    /**
     * Parses one line; the architecture must be valid in {@code config} (when null, as the report reads runs whose
     * space it may not know, only well-formed).
     *
     * @throws IllegalArgumentException naming the field that is missing, unknown or of the wrong type
     */
    public static ScoredArchitecture parseLine(String line, SearchSpaceConfig config) {
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a result line must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (expected fields: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        long index = integer(o, "index");
        Phase phase;
        JsonNode phaseNode = field(o, "phase");
        if (!phaseNode.isTextual()) {
            throw new IllegalArgumentException("field 'phase' must be a string, got " + phaseNode);
        }
        phase = Phase.fromJsonName(phaseNode.asText());
        JsonNode archNode = field(o, "architecture");
        if (!archNode.isObject()) {
            throw new IllegalArgumentException("field 'architecture' must be an object, got " + archNode);
        }
        Architecture architecture = config == null ? ArchitectureJson.readArchitecture(archNode.toString())
                : ArchitectureJson.readArchitecture(archNode.toString(), config);
        double score = number(o, "score", false);
        JsonNode drawsNode = field(o, "scores");
        if (!drawsNode.isArray() || drawsNode.isEmpty()) {
            throw new IllegalArgumentException("field 'scores' must be a non-empty array of numbers, got " + drawsNode);
        }
        List<Double> draws = new ArrayList<>();
        for (JsonNode d : drawsNode) {
            if (!d.isNumber()) {
                throw new IllegalArgumentException("field 'scores' must hold numbers only, got " + d);
            }
            draws.add(d.doubleValue());
        }
        double std = number(o, "scoreStd", false);
        double loss = number(o, "loss", true);
        long params = integer(o, "params");
        long macs = integer(o, "macs");
        double seconds = number(o, "seconds", false);
        double ensemble = number(o, "ensembleError", true);
        JsonNode parentNode = field(o, "parent");
        Long parent = parentNode.isNull() ? null : integer(o, "parent");
        int partialImages = o.has("partialImages") ? Math.toIntExact(integer(o, "partialImages")) : 0;
        return new ScoredArchitecture(index, phase, architecture, new Score(score, draws, std, loss, seconds, ensemble,
                partialImages), params, macs, parent);
    }

    /**
     * Reads a results file (an absent file holds no results). Only newline-terminated lines count: an
     * unterminated last line is what a kill during a write leaves, and is ignored (reported in
     * {@link Contents#tornTail()}). Any complete line that does not parse, or whose index is not its
     * position, is an error naming the file and line.
     */
    public static Contents read(Path file, SearchSpaceConfig config) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0, false);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<ScoredArchitecture> out = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (true) {
            int nl = indexOf(bytes, (byte) '\n', start);
            if (nl < 0) {
                break;
            }
            lineNumber++;
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            ScoredArchitecture r;
            try {
                if (line.isBlank()) {
                    throw new IllegalArgumentException("the line is empty");
                }
                r = parseLine(line, config);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
            }
            if (r.index() != out.size()) {
                throw new IOException(file + " line " + lineNumber + " holds result " + r.index() + ", expected "
                        + out.size() + " (the lines must hold results 0, 1, 2, ... in order)");
            }
            out.add(r);
            start = nl + 1;
        }
        return new Contents(out, start, start < bytes.length);
    }

    /** Appends one result as a line and forces it to disk before returning. */
    public static void append(Path file, ScoredArchitecture r) throws IOException {
        byte[] line = (toLine(r) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    /** Cuts the file to {@code length} bytes (drops a torn last line, so the next append starts a clean line). */
    public static void truncate(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        }
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return n;
    }

    private static long integer(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer, got " + n);
        }
        return n.longValue();
    }

    private static double number(JsonNode o, String name, boolean nullable) {
        JsonNode n = field(o, name);
        if (nullable && n.isNull()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number" + (nullable ? " or null" : "")
                    + ", got " + n);
        }
        return n.doubleValue();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
