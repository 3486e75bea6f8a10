package org.smash4j.experiment;

import org.smash4j.experiment.stats.Summary;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Does the search find anything random sampling does not? The top m architectures by SMASH score against m random
 * architectures of similar size: for each top architecture the first fresh sample (stream "random-baseline") whose
 * parameter count is within {@link #TOLERANCE} of it, else the closest of {@link #DRAWS} samples. Both groups are
 * trained exactly like the candidates; their mean test errors are compared with standard errors.
 */
final class SearchVsRandom {
    static final double TOLERANCE = 0.10;
    static final int DRAWS = 5000;
    static final String STREAM = "random-baseline";

    /** One trained architecture of either group. */
    record Entry(String label, long params, double testError) {
    }

    /**
     * @param difference mean top error minus mean random error; negative means the search helped
     * @param differenceSe its standard error (independent groups)
     */
    record Result(List<Entry> top, List<Entry> random, double topMean, double topSe, double randomMean,
            double randomSe, double randomMedian, double difference, double differenceSe) {
        static Result of(List<Entry> top, List<Entry> random) {
            double[] t = top.stream().mapToDouble(Entry::testError).toArray();
            double[] r = random.stream().mapToDouble(Entry::testError).toArray();
            double tse = se(t);
            double rse = se(r);
            return new Result(top, random, Summary.mean(t), tse, Summary.mean(r), rse, Summary.median(r),
                    Summary.mean(t) - Summary.mean(r), Math.sqrt(tse * tse + rse * rse));
        }

        void addTo(ExperimentPage page, String scorer) {
            page.paragraph(String.format(java.util.Locale.ROOT, "Search against random: the top %d architectures by"
                    + " the '%s' score, and %d random architectures of similar parameter count (within %.0f%% where"
                    + " possible), trained identically. Mean test error %s (se %s) against %s (se %s), random median"
                    + " %s; difference %s (se %s). Negative means the search found better architectures; it counts"
                    + " when it exceeds about two standard errors.", top.size(), scorer, random.size(),
                    100 * TOLERANCE, ExperimentPage.pct(topMean), ExperimentPage.pct(topSe),
                    ExperimentPage.pct(randomMean), ExperimentPage.pct(randomSe), ExperimentPage.pct(randomMedian),
                    ExperimentPage.pct(difference), ExperimentPage.pct(differenceSe)));
            List<List<String>> t = new ArrayList<>();
            t.add(List.of("architecture", "params", "test error"));
            for (Entry e : top) {
                t.add(List.of("top " + e.label(), Long.toString(e.params()), ExperimentPage.pct(e.testError())));
            }
            for (Entry e : random) {
                t.add(List.of(e.label(), Long.toString(e.params()), ExperimentPage.pct(e.testError())));
            }
            page.table(t);
        }

        private static double se(double[] v) {
            return v.length < 2 ? Double.NaN : Summary.sampleStd(v) / Math.sqrt(v.length);
        }
    }

    private SearchVsRandom() {
    }

    /** Random architectures matched in parameter count to {@code targets}, each used once. */
    static List<Architecture> matched(SearchSpaceConfig space, long seed, List<Architecture> targets) {
        Sampler sampler = new Sampler(space);
        AnnealingState end = AnnealingState.finalState(space);
        List<Architecture> pool = new ArrayList<>();
        List<Long> poolParams = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        List<Architecture> out = new ArrayList<>();
        for (Architecture target : targets) {
            long p = CostModel.params(target, space, NormStyle.SANDWICH);
            int best = -1;
            for (int j = 0; j < DRAWS; j++) {
                if (j == pool.size()) {
                    Architecture a = sampler.sample(end, RandomStreams.of(seed, STREAM, j));
                    pool.add(a);
                    poolParams.add(CostModel.params(a, space, NormStyle.SANDWICH));
                }
                if (used.contains(j)) {
                    continue;
                }
                if (best < 0 || Math.abs(poolParams.get(j) - p) < Math.abs(poolParams.get(best) - p)) {
                    best = j;
                }
                if (Math.abs(poolParams.get(j) - p) <= TOLERANCE * p) {
                    best = j;
                    break;
                }
            }
            used.add(best);
            out.add(pool.get(best));
        }
        return out;
    }

    /** Trains (or reads back) both groups; the top ones are candidates of the correlation experiment. */
    static Result run(Path dir, Ledger ledger, GroundTruth truth, CandidateTraining training, SearchSpaceConfig space,
            List<Architecture> archs, List<Integer> topIndices, long seed, PrintStream progress) {
        List<Entry> top = new ArrayList<>();
        List<Architecture> targets = new ArrayList<>();
        for (int i : topIndices) {
            targets.add(archs.get(i));
            top.add(new Entry("#" + i, CostModel.params(archs.get(i), space, NormStyle.SANDWICH),
                    truth.of(i, archs.get(i)).testError()));
        }
        List<Architecture> random = matched(space, seed, targets);
        List<Entry> rand = new ArrayList<>();
        for (int j = 0; j < random.size(); j++) {
            Architecture a = random.get(j);
            final int n = j;
            progress.printf("== random baseline %d/%d%n", j + 1, random.size());
            TrueError t = ledger.computeIfAbsent("random/" + j, TrueError.class, () -> training.train(
                    dir.resolve("candidates/random-" + n), new ArchitectureDocument(space, a), progress));
            rand.add(new Entry("random " + (j + 1), CostModel.params(a, space, NormStyle.SANDWICH), t.testError()));
        }
        return Result.of(top, rand);
    }
}
