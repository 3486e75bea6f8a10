package org.smash4j.bench;

import org.smash4j.data.ImageDataset;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.search.RandomSampling;
import org.smash4j.run.Score;
import org.smash4j.search.SliceScorer;
import org.smash4j.search.SmashScorer;
import org.smash4j.search.SuccessiveHalving;
import org.smash4j.space.Architecture;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;
import org.smash4j.util.Progress;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * How well successive halving agrees with full scoring, and what it saves, on a trained one-shot network: the
 * search's own first R random samples are scored on the whole validation set, slice by slice at every round
 * boundary of the settings compared (each slice's time measured), and {@link SuccessiveHalving} is then run on
 * those recorded slices, so it makes exactly the decisions a search would make, at the measured cost of the
 * slices it asks for.
 */
public final class HalvingBenchmark {
    /** One setting's outcome. */
    public record Outcome(int eta, int minImages, int[] rounds, int survivors, double spearman, double topOverlap,
            boolean bestSurvives, double fullSeconds, double halvingSeconds, double speedup) {
    }

    /** All settings' outcomes over the same architectures. */
    public record Result(String smashRun, int architectures, int validationImages, long seed,
            List<Outcome> outcomes) {
    }

    private HalvingBenchmark() {
    }

    public static Result run(Path smashRun, int count, List<SuccessiveHalving.Settings> settings, long seed,
            PrintStream log) throws IOException {
        RunFolder smash = RunFolder.open(smashRun);
        OneShotRunConfig sc = OneShotTraining.config(smash);
        DataSpec.Prepared data = sc.data().prepare();
        ImageDataset validation = data.validation();
        SearchSpaceConfig space = sc.space();
        int v = validation.size();
        TreeSet<Integer> cuts = new TreeSet<>();
        for (SuccessiveHalving.Settings s : settings) {
            for (int n : SuccessiveHalving.rounds(v, s)) {
                cuts.add(n);
            }
        }
        int[] bounds = cuts.stream().mapToInt(Integer::intValue).toArray();
        RandomSampling random = new RandomSampling(space);
        List<SuccessiveHalving.Candidate> candidates = new ArrayList<>();
        List<SliceScorer.Slice[]> recorded = new ArrayList<>();
        try (OneShotNetwork net = OneShotTraining.load(smash)) {
            SmashScorer scorer = new SmashScorer(net, validation, data.train(), data.normalization(),
                    Placement.of("cpu"), seed, SmashScorer.Settings.original(), null);
            Progress progress = new Progress(log, "scoring slices", count);
            for (int i = 0; i < count; i++) {
                Architecture a = random.propose(i, List.of(), RandomStreams.of(seed, RandomSampling.NAME, i))
                        .architecture();
                candidates.add(new SuccessiveHalving.Candidate(i, a));
                SliceScorer.Slice[] slices = new SliceScorer.Slice[bounds.length];
                int from = 0;
                for (int b = 0; b < bounds.length; b++) {
                    slices[b] = scorer.scoreSlice(a, i, from, bounds[b]);
                    from = bounds[b];
                }
                recorded.add(slices);
                progress.update(i + 1);
            }
            progress.done();
        }
        double[] full = new double[count];
        double fullSeconds = 0;
        for (int i = 0; i < count; i++) {
            long wrong = 0;
            for (SliceScorer.Slice s : recorded.get(i)) {
                wrong += s.wrongPerDraw()[0];
                fullSeconds += s.seconds();
            }
            full[i] = (double) wrong / v;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (SuccessiveHalving.Settings s : settings) {
            Replay replay = new Replay(recorded, bounds, v);
            List<Score> scores = SuccessiveHalving.run(candidates, replay, s, null);
            outcomes.add(outcome(s, SuccessiveHalving.rounds(v, s), scores, full, fullSeconds, replay.seconds));
        }
        return new Result(smashRun.toString(), count, v, seed, outcomes);
    }

    private static Outcome outcome(SuccessiveHalving.Settings s, int[] rounds, List<Score> scores, double[] full,
            double fullSeconds, double halvingSeconds) {
        int n = full.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        // The order a search ranks them in: whole-set scores first, then by the round reached, then by score.
        Arrays.sort(order, Comparator.<Integer, Boolean>comparing(i -> scores.get(i).partial())
                .thenComparing(i -> -scores.get(i).partialImages()).thenComparingDouble(i -> scores.get(i).error())
                .thenComparingInt(i -> i));
        double[] position = new double[n];
        for (int r = 0; r < n; r++) {
            position[order[r]] = r;
        }
        int survivors = (int) scores.stream().filter(x -> !x.partial()).count();
        Integer[] byFull = new Integer[n];
        Arrays.setAll(byFull, i -> i);
        Arrays.sort(byFull, Comparator.<Integer>comparingDouble(i -> full[i]).thenComparingInt(i -> i));
        int overlap = 0;
        for (int r = 0; r < survivors; r++) {
            overlap += scores.get(byFull[r]).partial() ? 0 : 1;
        }
        return new Outcome(s.eta(), s.minImages(), rounds, survivors, Correlation.spearman(position, full),
                (double) overlap / survivors, !scores.get(byFull[0]).partial(), fullSeconds, halvingSeconds,
                fullSeconds / halvingSeconds);
    }

    /** Answers slice requests from the recorded slices (merging those between round boundaries), timing them. */
    private static final class Replay implements SliceScorer {
        private final List<Slice[]> recorded;
        private final int[] bounds;
        private final int images;
        double seconds;

        Replay(List<Slice[]> recorded, int[] bounds, int images) {
            this.recorded = recorded;
            this.bounds = bounds;
            this.images = images;
        }

        @Override
        public int validationSize() {
            return images;
        }

        @Override
        public Score score(Architecture architecture, long index) {
            return combine(architecture, index, List.of(scoreSlice(architecture, index, 0, images)));
        }

        @Override
        public Slice scoreSlice(Architecture architecture, long index, int from, int to) {
            long wrong = 0;
            double loss = 0;
            double secs = 0;
            int start = 0;
            for (int b = 0; b < bounds.length; b++) {
                if (start >= from && bounds[b] <= to) {
                    Slice s = recorded.get((int) index)[b];
                    wrong += s.wrongPerDraw()[0];
                    loss += s.lossSum();
                    secs += s.seconds();
                }
                start = bounds[b];
            }
            seconds += secs;
            return new Slice(from, to, new long[] {wrong}, loss, secs, new float[0]);
        }

        @Override
        public Score combine(Architecture architecture, long index, List<Slice> slices) {
            long wrong = 0;
            double loss = 0;
            int n = 0;
            for (Slice s : slices) {
                wrong += s.wrongPerDraw()[0];
                loss += s.lossSum();
                n = s.to();
            }
            Score score = Score.ofDraws(List.of((double) wrong / n), loss / n, 0);
            return n < images ? score.withPartialImages(n) : score;
        }
    }
}
