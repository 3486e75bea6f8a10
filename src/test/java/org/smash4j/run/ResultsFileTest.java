package org.smash4j.run;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.EMPTY;
import static org.smash4j.search.SearchFixtures.QUICK;
import static org.smash4j.search.SearchFixtures.SMALL;
import static org.smash4j.search.SearchFixtures.SMALL_JSON;

/** The results.jsonl line format, field by field, and reading files that a kill or an editor left behind. */
class ResultsFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Draws 0.125 and 0.375: mean 0.25, sample std sqrt(2 * 0.125^2 / 1) = 0.125 * sqrt(2). */
    private static final ScoredArchitecture HILL = new ScoredArchitecture(3, Phase.HILL_CLIMB, SMALL,
            Score.ofDraws(List.of(0.125, 0.375), 0.75, 1.5).withEnsembleError(0.3), 1234, 56789, 1L);
    private static final ScoredArchitecture RANDOM = new ScoredArchitecture(0, Phase.RANDOM, EMPTY,
            Score.ofDraws(List.of(0.5), Double.NaN, 2), 6154, 2_885_600, null);

    @Test
    void aLineHoldsTheDocumentedFieldsInOrder() {
        String line = ResultsFile.toLine(HILL);
        assertEquals("{\"index\":3,\"phase\":\"hill-climb\",\"architecture\":" + SMALL_JSON + ",\"score\":0.25,"
                + "\"scores\":[0.125,0.375],\"scoreStd\":0.1767766952966369,\"loss\":0.75,\"params\":1234,"
                + "\"macs\":56789,\"seconds\":1.5,\"ensembleError\":0.3,\"parent\":1}", line);
        assertEquals(0.125 * Math.sqrt(2), 0.1767766952966369, 1e-17);
    }

    @Test
    void unknownValuesAreNull() throws IOException {
        JsonNode o = JSON.readTree(ResultsFile.toLine(RANDOM));
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of("index", "phase", "architecture", "score", "scores", "scoreStd", "loss", "params", "macs",
                "seconds", "ensembleError", "parent"), names);
        assertEquals("random", o.get("phase").asText());
        assertEquals(0.5, o.get("score").doubleValue());
        assertEquals(0.0, o.get("scoreStd").doubleValue());
        assertTrue(o.get("loss").isNull(), "a NaN loss is written as null");
        assertTrue(o.get("ensembleError").isNull(), "an unknown ensemble error is written as null");
        assertTrue(o.get("parent").isNull(), "a random sample has no parent");
        assertEquals(6154, o.get("params").longValue());
        assertEquals(3, o.get("architecture").get("blocks").size());
    }

    @Test
    void linesParseBackToEqualResults() {
        assertEquals(HILL, ResultsFile.parseLine(ResultsFile.toLine(HILL), QUICK));
        assertEquals(RANDOM, ResultsFile.parseLine(ResultsFile.toLine(RANDOM), QUICK));
        double awkward = 0.1 + 0.2; // 0.30000000000000004 must survive the text exactly
        ScoredArchitecture r = new ScoredArchitecture(0, Phase.RANDOM, EMPTY,
                Score.ofDraws(List.of(awkward, 1.0 / 3), 1e-300, 7.25), 1, 2, null);
        assertEquals(r, ResultsFile.parseLine(ResultsFile.toLine(r), QUICK));
    }

    @Test
    void aPartialScoreEndsItsLineWithTheImagesItCovers() {
        ScoredArchitecture partial = new ScoredArchitecture(0, Phase.RANDOM, EMPTY,
                Score.ofDraws(List.of(0.5), Double.NaN, 2).withPartialImages(125), 6154, 2_885_600, null);
        String line = ResultsFile.toLine(partial);
        assertTrue(line.endsWith(",\"ensembleError\":null,\"parent\":null,\"partialImages\":125}"), line);
        assertEquals(partial, ResultsFile.parseLine(line, QUICK));
        assertFalse(ResultsFile.toLine(RANDOM).contains("partialImages"), "a whole-set score has none");
    }

    @Test
    void badLinesAreNamedPrecisely() {
        String good = ResultsFile.toLine(HILL);
        assertEquals("field 'macs' is missing", parseError(good.replace("\"macs\":56789,", "")));
        assertEquals("unknown field 'colour' (expected fields: index, phase, architecture, score, scores, scoreStd,"
                + " loss, params, macs, seconds, ensembleError, parent, partialImages)", parseError(good.replace("{\"index\"",
                "{\"colour\":1,\"index\"")));
        assertEquals("unknown search phase 'markov'; known phases: random, perturb, hill-climb, evolution",
                parseError(good.replace("hill-climb", "markov")));
        assertEquals("field 'params' must be an integer, got 1.5", parseError(good.replace("1234", "1.5")));
        assertEquals("field 'score' must be a number, got null", parseError(good.replace("\"score\":0.25",
                "\"score\":null")));
        assertTrue(parseError(good.replace("\"reads\":[0,1]", "\"reads\":[0,2]")).contains("not yet written"),
                "an architecture that is invalid in the space is refused");
    }

    @Test
    void readingIgnoresATornLastLineOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.RESULTS);
        String complete = ResultsFile.toLine(RANDOM) + "\n" + ResultsFile.toLine(shifted(HILL, 1)) + "\n";
        Files.writeString(file, complete + "{\"index\":2,\"phase\":\"ran");
        ResultsFile.Contents c = ResultsFile.read(file, QUICK);
        assertEquals(2, c.results().size());
        assertEquals(RANDOM, c.results().get(0));
        assertTrue(c.tornTail());
        assertEquals(complete.getBytes(StandardCharsets.UTF_8).length, c.validBytes());

        // A complete last line without its newline is also treated as torn: only terminated lines count.
        Files.writeString(file, complete.substring(0, complete.length() - 1));
        ResultsFile.Contents noNewline = ResultsFile.read(file, QUICK);
        assertEquals(1, noNewline.results().size());
        assertTrue(noNewline.tornTail());

        Files.writeString(file, complete);
        assertFalse(ResultsFile.read(file, QUICK).tornTail());
        assertEquals(0, ResultsFile.read(dir.resolve("absent.jsonl"), QUICK).results().size());
    }

    @Test
    void aBrokenCompleteLineOrAGapInTheIndicesIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.RESULTS);
        Files.writeString(file, ResultsFile.toLine(RANDOM) + "\n{\"index\":1,\"pha\n" + ResultsFile.toLine(shifted(HILL, 2))
                + "\n");
        IOException e = assertThrows(IOException.class, () -> ResultsFile.read(file, QUICK));
        assertTrue(e.getMessage().startsWith(file + " line 2: not valid JSON"), e.getMessage());

        Files.writeString(file, ResultsFile.toLine(RANDOM) + "\n" + ResultsFile.toLine(HILL) + "\n");
        assertEquals(file + " line 2 holds result 3, expected 1 (the lines must hold results 0, 1, 2, ... in order)",
                assertThrows(IOException.class, () -> ResultsFile.read(file, QUICK)).getMessage());
    }

    @Test
    void appendAddsOneTerminatedLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.RESULTS);
        ResultsFile.append(file, RANDOM);
        ResultsFile.append(file, shifted(HILL, 1));
        assertEquals(ResultsFile.toLine(RANDOM) + "\n" + ResultsFile.toLine(shifted(HILL, 1)) + "\n",
                Files.readString(file));
    }

    private static ScoredArchitecture shifted(ScoredArchitecture r, long index) {
        return new ScoredArchitecture(index, r.phase(), r.architecture(), r.score(), r.params(), r.macs(),
                r.parent() == null ? null : Math.min(r.parent(), index - 1));
    }

    private static String parseError(String line) {
        return assertThrows(IllegalArgumentException.class, () -> ResultsFile.parseLine(line, QUICK)).getMessage();
    }
}
