package org.smash4j.search;

import org.smash4j.run.Score;

import org.smash4j.space.Architecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Successive halving (Jamieson and Talwalkar 2016; Li et al.'s Hyperband rung): every candidate is scored on the
 * first n_0 validation images, the best 1/eta of them go on to the first n_1 = eta*n_0 images (scoring only the
 * new ones), and so on until the survivors have been scored on the whole set. The survivors get the score full
 * scoring gives them; the others keep the partial score of the round that dropped them, marked as partial.
 */
public final class SuccessiveHalving {
    /**
     * @param eta       the factor between rounds: 1/eta of the candidates survive each round, on eta times the images
     * @param minImages the first round's images are at least this many (and rounds are added while they stay so)
     */
    public record Settings(int eta, int minImages) {
        public Settings {
            if (eta < 2) {
                throw new IllegalArgumentException("successive halving needs eta >= 2, got " + eta);
            }
            if (minImages < 1) {
                throw new IllegalArgumentException("successive halving needs min images >= 1, got " + minImages);
            }
        }
    }

    /** One architecture to score, with its result index (which fixes its noise draws). */
    public record Candidate(long index, Architecture architecture) {
    }

    private SuccessiveHalving() {
    }

    /**
     * The images scored by the end of each round: the last is the whole set, each earlier one 1/eta of the next
     * (rounded up), as many rounds as keep the first at least {@code minImages}; a single round when the set is
     * smaller than eta * minImages.
     */
    public static int[] rounds(int validationSize, Settings s) {
        List<Integer> sizes = new ArrayList<>();
        long n = validationSize;
        sizes.add(validationSize);
        while (true) {
            long smaller = (n + s.eta() - 1) / s.eta();
            if (smaller < s.minImages() || smaller >= n) {
                break;
            }
            sizes.add(0, (int) smaller);
            n = smaller;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Scores {@code candidates} (distinct architectures) in rounds and returns one score per candidate, in the same
     * order. Ties at a cut are broken by the lower index, so the result is deterministic.
     */
    public static List<Score> run(List<Candidate> candidates, SliceScorer scorer, Settings s, Consumer<String> log) {
        int[] rounds = rounds(scorer.validationSize(), s);
        List<List<SliceScorer.Slice>> slices = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            slices.add(new ArrayList<>());
        }
        Score[] scores = new Score[candidates.size()];
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            alive.add(i);
        }
        int done = 0;
        for (int r = 0; r < rounds.length; r++) {
            int to = rounds[r];
            for (int i : alive) {
                Candidate c = candidates.get(i);
                slices.get(i).add(scorer.scoreSlice(c.architecture(), c.index(), done, to));
            }
            if (log != null) {
                log.accept(String.format(Locale.ROOT, "successive halving round %d/%d: %d architectures scored on "
                        + "%d of %d images", r + 1, rounds.length, alive.size(), to, rounds[rounds.length - 1]));
            }
            // On the whole set (last round) this is the survivors' final score, joining the scorer's ensemble.
            Score[] partial = new Score[candidates.size()];
            for (int i : alive) {
                Candidate c = candidates.get(i);
                partial[i] = scorer.combine(c.architecture(), c.index(), slices.get(i));
            }
            if (r == rounds.length - 1) {
                for (int i : alive) {
                    scores[i] = partial[i];
                }
                break;
            }
            List<Integer> ranked = new ArrayList<>(alive);
            ranked.sort(Comparator.<Integer>comparingDouble(i -> partial[i].error())
                    .thenComparingLong(i -> candidates.get(i).index()));
            int keep = (alive.size() + s.eta() - 1) / s.eta();
            for (int i : ranked.subList(keep, ranked.size())) {
                scores[i] = partial[i];
                slices.set(i, List.of()); // its log-probabilities are no longer needed
            }
            List<Integer> next = new ArrayList<>(ranked.subList(0, keep));
            next.sort(Comparator.naturalOrder());
            alive = next;
            done = to;
        }
        return List.of(scores);
    }
}
