package org.smash4j.report;

import org.smash4j.run.RankedArchitecture;
import org.smash4j.run.Ranking;
import org.smash4j.run.ScoredArchitecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking the report shows: ranking.json when the search has written it, else the ranking the search
 * would write from results.jsonl ({@link Ranking#rank}), so a search that is still running already has a leaderboard. Details ranking.json lacks (phase, spread) come
 * from the result line with the same index.
 */
public final class Leaderboard {
    private Leaderboard() {
    }

    /** All ranked rows, best first. */
    public static List<RankedRow> rows(RunContents contents) {
        Map<Long, ScoredArchitecture> byIndex = new HashMap<>();
        for (ScoredArchitecture r : contents.results()) {
            byIndex.putIfAbsent(r.index(), r);
        }
        List<RankedRow> out = new ArrayList<>();
        if (!contents.ranking().isEmpty()) {
            for (RankedArchitecture e : contents.ranking()) {
                ScoredArchitecture r = byIndex.get(e.index());
                out.add(new RankedRow(e.rank(), Math.toIntExact(e.index()), r == null ? "" : r.phase().jsonName(),
                        e.score(), r == null ? Double.NaN : r.score().std(),
                        e.params() >= 0 || r == null ? e.params() : r.params(),
                        e.macs() >= 0 || r == null ? e.macs() : r.macs(),
                        e.architecture() != null || r == null ? e.architecture() : r.architecture()));
            }
            return out;
        }
        for (RankedArchitecture e : Ranking.rank(contents.results())) {
            ScoredArchitecture r = byIndex.get(e.index());
            out.add(new RankedRow(e.rank(), Math.toIntExact(e.index()), r.phase().jsonName(), e.score(),
                    r.score().std(), e.params(), e.macs(), e.architecture()));
        }
        return out;
    }

    /** The first {@code n} rows (fewer when fewer are ranked). */
    public static List<RankedRow> top(RunContents contents, int n) {
        List<RankedRow> all = rows(contents);
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }
}
