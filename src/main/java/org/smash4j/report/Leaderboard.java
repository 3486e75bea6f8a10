package org.smash4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking the report shows: ranking.json when the search has written it, else results.jsonl sorted by score,
 * so a search that is still running already has a leaderboard. Details ranking.json lacks (phase, spread) come
 * from the result line with the same index.
 */
public final class Leaderboard {
    private Leaderboard() {
    }

    /** All ranked rows, best first. */
    public static List<RankedRow> rows(RunContents contents) {
        Map<Integer, ScoredArchitecture> byIndex = new HashMap<>();
        for (ScoredArchitecture r : contents.results()) {
            byIndex.putIfAbsent(r.index(), r);
        }
        List<RankedRow> out = new ArrayList<>();
        if (!contents.ranking().isEmpty()) {
            for (RankedArchitecture e : contents.ranking()) {
                ScoredArchitecture r = byIndex.get(e.index());
                out.add(new RankedRow(e.rank(), e.index(), r == null ? "" : r.phase(), e.score(),
                        r == null ? Double.NaN : r.scoreStd(),
                        e.params() >= 0 || r == null ? e.params() : r.params(),
                        e.macs() >= 0 || r == null ? e.macs() : r.macs(),
                        e.architecture() != null || r == null ? e.architecture() : r.architecture()));
            }
            return out;
        }
        List<ScoredArchitecture> sorted = new ArrayList<>(contents.results());
        // Ties keep the earlier result first, as a stable ranking by (score, index).
        sorted.sort(Comparator.comparingDouble(ScoredArchitecture::score)
                .thenComparingInt(ScoredArchitecture::index));
        int rank = 1;
        for (ScoredArchitecture r : sorted) {
            out.add(new RankedRow(rank++, r.index(), r.phase(), r.score(), r.scoreStd(), r.params(), r.macs(),
                    r.architecture()));
        }
        return out;
    }

    /** The first {@code n} rows (fewer when fewer are ranked). */
    public static List<RankedRow> top(RunContents contents, int n) {
        List<RankedRow> all = rows(contents);
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }
}
