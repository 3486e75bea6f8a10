package org.smash4j.search;

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
            if (r == rounds.length - 1) {
                for (int i : alive) {
                    Candidate c = candidates.get(i);
                    scores[i] = scorer.combine(c.architecture(), c.index(), slices.get(i));
                }
                break;
            }
            List<Score> partial = new ArrayList<>();
            for (int i : alive) {
                Candidate c = candidates.get(i);
                partial.add(scorer.combine(c.architecture(), c.index(), slices.get(i)));
            }
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < alive.size(); k++) {
                order.add(k);
            }
            final List<Integer> current = alive;
            order.sort(Comparator.<Integer>comparingDouble(k -> partial.get(k).error())
                    .thenComparingLong(k -> candidates.get(current.get(k)).index()));
            int keep = (alive.size() + s.eta() - 1) / s.eta();
            List<Integer> next = new ArrayList<>();
            for (int k = 0; k < order.size(); k++) {
                int i = alive.get(order.get(k));
                if (k < keep) {
                    next.add(i);
                } else {
                    scores[i] = partial.get(order.get(k));
                    slices.set(i, List.of()); // its log-probabilities are no longer needed
                }
            }
            next.sort(Comparator.naturalOrder());
            alive = next;
            done = to;
        }
        return List.of(scores);
    }
}
