package org.smash4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.JsonErrors;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ranking.json}: the distinct architectures of a search sorted by score, which the final training
 * picks its top k from:
 * <pre>
 * {"space": {SearchSpaceConfig}, "ranked": [{"rank":1,"index":i,"score":f,"params":n,"macs":n,"architecture":{...}}, ...]}
 * </pre>
 * Ties in score go to the earlier result; an architecture proposed again is listed once, under its first
 * index (its score was reused, see {@link org.smash4j.search.SearchLoop}). The text depends only on the results, so a resumed
 * search writes the same bytes as an uninterrupted one.
 */
public final class Ranking {
    private static final ObjectReader READER = Json.complete(Document.class);

    private Ranking() {
    }

    /** A ranking document as read back: the search space and the entries in rank order. */
    public record Document(SearchSpaceConfig space, List<RankedArchitecture> ranked) {
        public Document {
            ranked = List.copyOf(ranked);
        }
    }

    /** The distinct architectures of {@code results}, by score ascending (earlier index first on a tie). */
    public static List<RankedArchitecture> rank(List<ScoredArchitecture> results) {
        Set<Architecture> seen = new HashSet<>();
        List<ScoredArchitecture> distinct = new ArrayList<>();
        for (ScoredArchitecture r : results) {
            if (seen.add(r.architecture())) {
                distinct.add(r);
            }
        }
        distinct.sort(ScoredArchitecture.BEST_FIRST);
        List<RankedArchitecture> out = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            ScoredArchitecture r = distinct.get(i);
            out.add(new RankedArchitecture(i + 1, r.index(), r.error(), r.params(), r.macs(), r.architecture()));
        }
        return out;
    }

    /** The text of ranking.json for these results (indented, ending in a newline). */
    public static String toJson(SearchSpaceConfig space, List<ScoredArchitecture> results) {
        try {
            return Json.MAPPER.writeValueAsString(new Document(space, rank(results))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ranking as JSON", e);
        }
    }

    /**
     * Writes ranking.json atomically (temporary file, fsync, rename), so a reader or a kill never sees half
     * a ranking.
     */
    public static void write(Path file, SearchSpaceConfig space, List<ScoredArchitecture> results) throws IOException {
        byte[] bytes = toJson(space, results).getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write(bytes);
            out.flush();
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a ranking.json; every field of {@link Document} and {@link RankedArchitecture} must be there (fields of
     * other versions are ignored), and every architecture is validated against the space it names.
     */
    public static Document read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = Json.LINE.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("space").isObject() || !tree.path("ranked").isArray()) {
            throw new IOException(file + " is not a ranking: it needs fields 'space' (an object) and 'ranked' (an array)");
        }
        try {
            Json.fillDeclaredDefaults(tree, Document.class);
            Document doc = READER.readValue(tree);
            for (RankedArchitecture r : doc.ranked()) {
                List<String> problems = ArchitectureValidator.problems(r.architecture(), doc.space());
                if (!problems.isEmpty()) {
                    throw new IOException(file + ": the architecture of rank " + r.rank() + " is not valid in its"
                            + " space: " + String.join("; ", problems));
                }
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new IOException(JsonErrors.explain(e, file).getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
