package org.smash4j.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.EMPTY;
import static org.smash4j.search.SearchFixtures.QUICK;
import static org.smash4j.search.SearchFixtures.SMALL;

/**
 * ranking.json against a file written by an earlier version (src/test/resources/org/smash4j/run/ranking.json,
 * from three results: a random sample, a hill-climbing step and a perturbation that proposed SMALL again).
 */
class RankingTest {
    private static final ScoredArchitecture RANDOM = new ScoredArchitecture(0, Phase.RANDOM, EMPTY,
            Score.ofDraws(List.of(0.5), Double.NaN, 2), 6154, 2_885_600, null);
    private static final ScoredArchitecture HILL = new ScoredArchitecture(1, Phase.HILL_CLIMB, SMALL,
            Score.ofDraws(List.of(0.125, 0.375), 0.75, 1.5).withEnsembleError(0.3), 1234, 56789, 0L);
    private static final ScoredArchitecture AGAIN = new ScoredArchitecture(2, Phase.PERTURB, SMALL,
            Score.ofDraws(List.of(0.1), Double.NaN, 2), 1234, 56789, 1L);

    private static String golden() throws IOException {
        try (InputStream in = RankingTest.class.getResourceAsStream("ranking.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTextIsTheEarlierVersionsByteForByte() throws IOException {
        assertEquals(golden(), Ranking.toJson(QUICK, List.of(RANDOM, HILL, AGAIN)));
    }

    @Test
    void aRankingOfTheEarlierVersionReadsBack(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve(RunFiles.RANKING);
        Files.writeString(file, golden());
        Ranking.Document doc = Ranking.read(file);
        assertEquals(QUICK, doc.space());
        assertEquals(List.of(new RankedArchitecture(1, 1, 0.25, 1234, 56789, SMALL),
                new RankedArchitecture(2, 0, 0.5, 6154, 2_885_600, EMPTY)), doc.ranked());
    }

    @Test
    void aBrokenRankingNamesTheFileAndTheField(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve(RunFiles.RANKING);
        Files.writeString(file, golden().replace("\"macs\" : 56789,", ""));
        IOException missing = assertThrows(IOException.class, () -> Ranking.read(file));
        assertTrue(missing.getMessage().startsWith(file.toString()), missing.getMessage());
        assertTrue(missing.getMessage().contains("macs"), missing.getMessage());

        Files.writeString(file, golden().replace("\"rank\" : 1,", "\"rank\" : 1.5,"));
        IOException fraction = assertThrows(IOException.class, () -> Ranking.read(file));
        assertTrue(fraction.getMessage().contains("rank"), fraction.getMessage());

        Files.writeString(file, golden().replace("\"reads\" : [ 0, 1 ]", "\"reads\" : [ 0, 2 ]"));
        IOException invalid = assertThrows(IOException.class, () -> Ranking.read(file));
        assertTrue(invalid.getMessage().contains("not yet written"), invalid.getMessage());

        Files.writeString(file, "[]");
        assertTrue(assertThrows(IOException.class, () -> Ranking.read(file)).getMessage().contains("is not a ranking"));
    }
}
