package org.smash4j.report;

import org.junit.jupiter.api.Test;
import org.smash4j.run.Phase;
import org.smash4j.run.RankedArchitecture;
import org.smash4j.run.Score;
import org.smash4j.run.ScoredArchitecture;
import org.smash4j.space.ArchitectureJson;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ranking the report shows, with and without ranking.json. */
class LeaderboardTest {
    /** Five distinct valid architectures, so that no result is a repeat of another. */
    private static final List<String> ARCHITECTURES = List.of(SyntheticRun.EMPTY_JSON, SyntheticRun.SMALL_JSON,
            SyntheticRun.WINNER_JSON, SyntheticRun.SMALL_5X5_JSON, SyntheticRun.EMPTY_BS1_JSON);

    private static org.smash4j.space.Architecture architecture(int i) {
        return ArchitectureJson.readArchitecture(ARCHITECTURES.get(i));
    }

    private static ScoredArchitecture result(int index, Phase phase, double score, double std) {
        return new ScoredArchitecture(index, phase, architecture(index),
                new Score(score, List.of(score - std, score + std), std, 1.0, 1.0), 100 + index, 1000 + index,
                null);
    }

    private static RunContents contents(List<ScoredArchitecture> results, List<RankedArchitecture> ranking) {
        return new RunContents(Path.of("run"), null, null, MetricsLog.empty(), null, results, null, ranking,
                List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void withoutRankingResultsAreRankedAsTheSearchWould() {
        List<RankedRow> rows = Leaderboard.rows(contents(List.of(result(0, Phase.RANDOM, 0.5, 0.1),
                result(1, Phase.RANDOM, 0.3, 0.1), result(2, Phase.PERTURB, 0.3, 0.2),
                result(3, Phase.RANDOM, 0.1, 0.0)),
                List.of()));
        assertEquals(List.of(3, 1, 2, 0), rows.stream().map(RankedRow::index).toList());
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(RankedRow::rank).toList());
        assertEquals("perturb", rows.get(2).phase());
    }

    @Test
    void withoutRankingAPartialScoreRanksAfterEveryWholeSetScore() {
        ScoredArchitecture dropped = result(0, Phase.RANDOM, 0.1, 0.0);
        dropped = new ScoredArchitecture(0, Phase.RANDOM, dropped.architecture(),
                dropped.score().withPartialImages(100), dropped.params(), dropped.macs(), null);
        List<RankedRow> rows = Leaderboard.rows(contents(List.of(dropped, result(1, Phase.RANDOM, 0.5, 0.1)),
                List.of()));
        assertEquals(List.of(1, 0), rows.stream().map(RankedRow::index).toList());
    }

    @Test
    void rankingWinsAndBorrowsPhaseAndSpreadFromResults() {
        // ranking.json's order is kept even where it disagrees with the scores; missing costs come from results.
        List<RankedRow> rows = Leaderboard.rows(contents(List.of(result(0, Phase.RANDOM, 0.5, 0.1),
                result(1, Phase.EVOLUTION, 0.4, 0.05)),
                List.of(new RankedArchitecture(1, 1, 0.4, -1, 77, architecture(1)),
                        new RankedArchitecture(2, 0, 0.5, 55, -1, architecture(0)))));
        assertEquals(List.of(1, 0), rows.stream().map(RankedRow::index).toList());
        assertEquals("evolution", rows.get(0).phase());
        assertEquals(0.05, rows.get(0).scoreStd(), 1e-12);
        assertEquals(101, rows.get(0).params(), "from results.jsonl");
        assertEquals(77, rows.get(0).macs(), "from ranking.json");
        assertEquals(55, rows.get(1).params());
        assertEquals(1000, rows.get(1).macs());
        assertEquals(1, Leaderboard.top(contents(List.of(result(0, Phase.RANDOM, 0.5, 0.1)), List.of()), 10).size());
    }
}
