package org.smash4j.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ranking the report shows, with and without ranking.json. */
class LeaderboardTest {
    private static ScoredArchitecture result(int index, String phase, double score, double std) {
        return new ScoredArchitecture(index, phase, null, score, List.of(), std, 1.0, 100 + index, 1000 + index,
                1.0, Double.NaN, null);
    }

    private static RunContents contents(List<ScoredArchitecture> results, List<RankedArchitecture> ranking) {
        return new RunContents(Path.of("run"), null, null, MetricsLog.empty(), null, results, null, ranking,
                List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void withoutRankingResultsAreSortedByScoreThenIndex() {
        List<RankedRow> rows = Leaderboard.rows(contents(List.of(result(0, "random", 0.5, 0.1),
                result(1, "random", 0.3, 0.1), result(2, "perturb", 0.3, 0.2), result(3, "random", 0.1, 0.0)),
                List.of()));
        assertEquals(List.of(3, 1, 2, 0), rows.stream().map(RankedRow::index).toList());
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(RankedRow::rank).toList());
        assertEquals("perturb", rows.get(2).phase());
    }

    @Test
    void rankingWinsAndBorrowsPhaseAndSpreadFromResults() {
        // ranking.json's order is kept even where it disagrees with the scores; missing costs come from results.
        List<RankedRow> rows = Leaderboard.rows(contents(List.of(result(0, "random", 0.5, 0.1),
                result(1, "evolution", 0.4, 0.05)),
                List.of(new RankedArchitecture(1, 1, 0.4, -1, 77, null),
                        new RankedArchitecture(2, 0, 0.5, 55, -1, null))));
        assertEquals(List.of(1, 0), rows.stream().map(RankedRow::index).toList());
        assertEquals("evolution", rows.get(0).phase());
        assertEquals(0.05, rows.get(0).scoreStd(), 1e-12);
        assertEquals(101, rows.get(0).params(), "from results.jsonl");
        assertEquals(77, rows.get(0).macs(), "from ranking.json");
        assertEquals(55, rows.get(1).params());
        assertEquals(1000, rows.get(1).macs());
        assertEquals(1, Leaderboard.top(contents(List.of(result(0, "random", 0.5, 0.1)), List.of()), 10).size());
    }
}
