package org.smash4j.experiment.stats;

/**
 * A stable merge sort of index permutations by primitive double keys. It exists because ranks and Kendall's tau
 * need the sorting permutation (not the sorted values) without boxing, and Kendall's tau needs the number of
 * strict inversions a stable sort removes, which falls out of the merge step for free.
 */
final class IndexSort {
    private IndexSort() {
    }

    /** Indices 0..n-1 sorted stably by ascending {@code key[i]}. */
    static int[] byKey(double[] key) {
        int[] order = identity(key.length);
        sortCountingInversions(order, key);
        return order;
    }

    /** Indices 0..n-1 sorted stably by ascending {@code primary[i]}, ties broken by ascending {@code secondary[i]}. */
    static int[] byKeys(double[] primary, double[] secondary) {
        int[] order = identity(primary.length);
        // Two stable passes (secondary first) give the lexicographic order.
        sortCountingInversions(order, secondary);
        sortCountingInversions(order, primary);
        return order;
    }

    /**
     * Sorts {@code order} stably by {@code key[order[i]]} and returns the number of pairs (i < j) of the input order
     * with key[order[i]] > key[order[j]] strictly; equal keys never count, which is what Kendall's tau needs.
     */
    static long sortCountingInversions(int[] order, double[] key) {
        int[] buffer = new int[order.length];
        long inversions = 0;
        // Bottom-up merge passes: no recursion depth to worry about for large n.
        for (int width = 1; width < order.length; width *= 2) {
            for (int lo = 0; lo < order.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, order.length);
                inversions += merge(order, buffer, key, lo, mid, hi);
            }
        }
        return inversions;
    }

    private static long merge(int[] order, int[] buffer, double[] key, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        long inversions = 0;
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++) {
            if (left < mid && (right >= hi || key[buffer[left]] <= key[buffer[right]])) {
                order[out] = buffer[left++];
            } else {
                // The right element jumps over every left element still waiting, all strictly larger.
                inversions += mid - left;
                order[out] = buffer[right++];
            }
        }
        return inversions;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
