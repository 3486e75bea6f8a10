package org.smash4j.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Picks, for the corruption experiment, which op donates its value to which: a random permutation that gives
 * as many ops as possible a value different from their own. A plain random permutation would often hand an op
 * its own value (or an equal one) back, leaving c unchanged there and weakening the test.
 */
final class ValueShuffle {
    private ValueShuffle() {
    }

    /**
     * {@code donor[i]} = the index whose value op i receives; a permutation of 0..n-1. With f the size of the
     * largest group of equal values, exactly {@code n - max(0, 2f - n)} ops receive a different value, which is
     * the most any permutation can achieve (every op of a majority value beyond n - f must receive that value).
     */
    static int[] donors(List<?> values, RandomGenerator rng) {
        int n = values.size();
        if (n == 0) {
            return new int[0];
        }
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(values.get(i), v -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> order = new ArrayList<>(groups.values());
        for (List<Integer> g : order) {
            shuffle(g, rng);
        }
        shuffle(order, rng);
        int largest = 0;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i).size() > order.get(largest).size()) {
                largest = i;
            }
        }
        // Lay the groups out contiguously, the largest (size f) first, and give position i the value at i + f
        // (mod n). If f <= n/2, i and i + f never fall in one group, as no group is longer than f. If f > n/2,
        // every other op receives a value of the largest group, n - f of its ops receive the others' values, and
        // only its surplus 2f - n keeps that same value.
        order.add(0, order.remove(largest));
        int f = order.get(0).size();
        List<Integer> flat = new ArrayList<>(n);
        order.forEach(flat::addAll);
        int[] donor = new int[n];
        for (int i = 0; i < n; i++) {
            donor[flat.get(i)] = flat.get((i + f) % n);
        }
        return donor;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
