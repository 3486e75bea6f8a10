package org.smash4j.report;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.RankedArchitecture;

import org.smash4j.space.SearchSpaceConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the report found in a run folder, read leniently: a missing part is null or empty and is named in
 * {@link #missing}; a damaged file is skipped where it is damaged and named in {@link #problems}. Nothing here
 * throws for an incomplete run, because the report of a half-finished run is as useful as that of a finished one.
 *
 * @param runDir        the run folder
 * @param run           RUN/run.json, or null
 * @param smash         RUN/smash/run.json, or null
 * @param smashMetrics  RUN/smash/metrics.jsonl (empty when absent)
 * @param search        RUN/search/run.json, or null
 * @param results       RUN/search/results.jsonl in file order (empty when absent)
 * @param rankingSpace  the space of RUN/search/ranking.json, or null
 * @param ranking       the ranked list of ranking.json, best first (empty when absent)
 * @param finals        RUN/final/rank-k, by k
 * @param baselines     RUN/baselines/random-k, by k
 * @param space         the search space, from the first of ranking.json, final/rank-1, smash/run.json that has it;
 *                      or null
 * @param missing       what is not there yet, one sentence each
 * @param problems      files or lines that could not be read, one sentence each
 */
public record RunContents(Path runDir, RunInfo run, RunInfo smash, MetricsLog smashMetrics, RunInfo search,
        List<ScoredArchitecture> results, SearchSpaceConfig rankingSpace, List<RankedArchitecture> ranking,
        List<TrainedModel> finals, List<TrainedModel> baselines, SearchSpaceConfig space, List<String> missing,
        List<String> problems) {
    public RunContents {
        results = List.copyOf(results);
        ranking = List.copyOf(ranking);
        finals = List.copyOf(finals);
        baselines = List.copyOf(baselines);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /** Reads a run folder; see {@link RunReader}. */
    public static RunContents read(Path runDir) {
        return new RunReader(runDir).read();
    }

    /** The stand-alone training of the search winner (final/rank-1), or null. */
    public TrainedModel winnerTraining() {
        return finals.stream().filter(m -> m.name().equals("rank-1")).findFirst().orElse(null);
    }
}
