package org.smash4j.search;

import org.smash4j.run.RunFiles;
import org.smash4j.run.ResultsFile;
import org.smash4j.run.Ranking;
import org.smash4j.run.ScoredArchitecture;

import org.smash4j.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a {@link SearchPlan} into a folder: every scored architecture is appended to
 * {@code results.jsonl} (fsynced), {@code ranking.json} is written at the end (and every
 * {@link #rankingEvery} results if asked), and a progress bar shows the best score so far and the ETA.
 *
 * <p>Resume: a folder that already holds results is continued. The complete lines of results.jsonl are
 * replayed (a torn last line from a kill is cut off): the plan proposes each recorded index again and
 * must give the recorded architecture, phase and parent, else a {@link ResumeMismatchException} says the
 * settings changed; nothing recorded is scored again. Since strategies are pure functions of (seed, index,
 * history) and the scorer is deterministic in (architecture, index), the resumed search then continues
 * exactly as the uninterrupted one would have.
 */
public final class SearchRunner {
    /** How a call of {@link #run} ended. */
    public record Summary(List<ScoredArchitecture> results, int replayed, boolean complete, ScoredArchitecture best,
                          double seconds) {
        public Summary {
            results = List.copyOf(results);
        }
    }

    private final SearchPlan plan;
    private final Scorer scorer;
    private final long seed;
    private PrintStream progressOut;
    private int rankingEvery;
    private long stopAfter = -1;

    public SearchRunner(SearchPlan plan, Scorer scorer, long seed) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.seed = seed;
    }

    /** Draws a progress bar on {@code out} (null: none, the default). */
    public SearchRunner progressTo(PrintStream out) {
        this.progressOut = out;
        return this;
    }

    /** Also writes ranking.json after every {@code n} results (0: only at the end, the default). */
    public SearchRunner rankingEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("ranking interval must be >= 0, got " + n);
        }
        this.rankingEvery = n;
        return this;
    }

    /**
     * For tests: stop as if killed once results.jsonl holds {@code count} results, without writing the
     * ranking or anything else.
     */
    public SearchRunner stopAfter(long count) {
        this.stopAfter = count;
        return this;
    }

    /** Runs (or continues) the search in {@code dir}. */
    public Summary run(Path dir) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Path resultsFile = dir.resolve(RunFiles.RESULTS);
        ResultsFile.Contents recorded = ResultsFile.read(resultsFile, plan.config());
        if (recorded.results().size() > plan.size()) {
            throw new ResumeMismatchException("cannot resume " + resultsFile + ": it holds "
                    + recorded.results().size() + " results, but the plan (" + plan + ") has only " + plan.size()
                    + "; the search's settings changed since it was started");
        }
        SearchLoop loop = new SearchLoop(plan, scorer, seed).logTo(line -> {
            if (progressOut != null) {
                progressOut.println();
                progressOut.println("search: " + line);
            }
        });
        for (ScoredArchitecture r : recorded.results()) {
            loop.replay(r);
        }
        if (recorded.tornTail()) {
            // Only once the record is known to belong to this search; the next append starts a clean line.
            ResultsFile.truncate(resultsFile, recorded.validBytes());
        }
        int replayed = recorded.results().size();
        Progress progress = progressOut == null || loop.done() ? null
                : new Progress(progressOut, "search", plan.size() - replayed);
        while (!loop.done()) {
            if (loop.history().size() == stopAfter) {
                return summary(loop, replayed, t0);
            }
            ScoredArchitecture r = loop.next();
            ResultsFile.append(resultsFile, r);
            long count = loop.history().size();
            if (rankingEvery > 0 && count % rankingEvery == 0) {
                Ranking.write(dir.resolve(RunFiles.RANKING), plan.config(), loop.history());
            }
            if (progress != null) {
                ScoredArchitecture best = loop.best();
                progress.update(count - replayed, String.format(Locale.ROOT, "%s  best %.4f (#%d)",
                        r.phase().jsonName(), best.error(), best.index()));
            }
        }
        if (progress != null) {
            progress.done();
        }
        Ranking.write(dir.resolve(RunFiles.RANKING), plan.config(), loop.history());
        return summary(loop, replayed, t0);
    }

    private static Summary summary(SearchLoop loop, int replayed, long t0) {
        return new Summary(loop.history(), replayed, loop.done(), loop.best(), (System.nanoTime() - t0) / 1e9);
    }
}
