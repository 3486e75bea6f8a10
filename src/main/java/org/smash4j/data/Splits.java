package org.smash4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.smash4j.util.RandomStreams;

/**
 * Holds out a validation set from the training set; SMASH scores and every other selection use it, never the
 * test set. Fixes spec bug 25: the paper holds out "5,000 random examples" while the original code takes the
 * last 10% (a fixed split); the default here is a seeded random 10% drawn from
 * {@code RandomStreams.of(seed, "split")}. {@link #holdOutLast} reproduces the original code for comparison.
 */
public final class Splits {
    /** The default validation fraction (5,000 of CIFAR's 50,000; 6,000 of Fashion-MNIST's 60,000). */
    public static final double DEFAULT_FRACTION = 0.1;

    private Splits() {
    }

    /** The two disjoint parts of a training set, each in the original order. */
    public record TrainValidation(ImageDataset train, ImageDataset validation) {
    }

    /** A seeded random 10% validation set, not stratified. */
    public static TrainValidation holdOut(ImageDataset data, long seed) {
        return holdOut(data, DEFAULT_FRACTION, seed, false);
    }

    /**
     * A seeded random validation set of round(fraction * size) images.
     *
     * @param stratified whether each class gets its proportional share (largest-remainder rounding), so rare
     *     classes are represented in small validation sets
     */
    public static TrainValidation holdOut(ImageDataset data, double fraction, long seed, boolean stratified) {
        if (data.objects() != null) {
            return holdOutObjects(data, fraction, seed, stratified);
        }
        int count = validationCount(data, fraction);
        SplittableRandom random = RandomStreams.of(seed, "split");
        int[] validation = stratified ? stratifiedPick(data, count, random)
                : Arrays.copyOf(Permutations.shuffled(data.size(), random), count);
        Arrays.sort(validation);
        return assemble(data, validation, "seed " + seed);
    }

    /**
     * For grids that show objects from several rotations: a seeded random round(fraction * objects) objects, every
     * grid of each, so no rotation of a validation object is trained on.
     */
    private static TrainValidation holdOutObjects(ImageDataset data, double fraction, long seed, boolean stratified) {
        if (stratified) {
            throw new IllegalArgumentException(data.name() + ": a stratified split of objects seen from several "
                    + "rotations is not implemented");
        }
        int[] objects = data.objects();
        int[] distinct = Arrays.stream(objects).distinct().toArray();
        int count = (int) Math.round(distinct.length * fraction);
        if (!(fraction > 0 && fraction < 1) || count < 1 || count >= distinct.length) {
            throw new IllegalArgumentException(data.name() + ": a validation fraction of " + fraction + " of "
                    + distinct.length + " objects leaves " + count + " for validation and " + (distinct.length - count)
                    + " for training; both need at least one");
        }
        int[] order = Permutations.shuffled(distinct.length, RandomStreams.of(seed, "split"));
        java.util.Set<Integer> held = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            held.add(distinct[order[i]]);
        }
        int[] validation = java.util.stream.IntStream.range(0, data.size()).filter(i -> held.contains(objects[i]))
                .toArray();
        return assemble(data, validation, "seed " + seed + ", by object");
    }

    /** The last round(fraction * size) images as validation: the original code's fixed split. */
    public static TrainValidation holdOutLast(ImageDataset data, double fraction) {
        int count = validationCount(data, fraction);
        int[] validation = new int[count];
        Arrays.setAll(validation, i -> data.size() - count + i);
        return assemble(data, validation, "last");
    }

    private static int validationCount(ImageDataset data, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0,1), got " + fraction);
        }
        int count = (int) Math.round(data.size() * fraction);
        if (count < 1 || count >= data.size()) {
            throw new IllegalArgumentException(data.name() + ": a validation fraction of " + fraction + " of "
                    + data.size() + " images leaves " + count + " for validation and " + (data.size() - count)
                    + " for training; both need at least one");
        }
        return count;
    }

    private static int[] stratifiedPick(ImageDataset data, int count, SplittableRandom random) {
        int classes = data.classCount();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        // Largest-remainder apportionment of `count` over the classes, ties to the lower class index.
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) count * byClass.get(c).size() / data.size();
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        Integer[] byRemainder = new Integer[classes];
        Arrays.setAll(byRemainder, c -> c);
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; assigned < count; k++) {
            quota[byRemainder[k]]++;
            assigned++;
        }
        int[] picked = new int[count];
        int n = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            Permutations.shuffle(members, random);
            System.arraycopy(members, 0, picked, n, quota[c]);
            n += quota[c];
        }
        return picked;
    }

    private static TrainValidation assemble(ImageDataset data, int[] sortedValidation, String how) {
        int[] train = new int[data.size() - sortedValidation.length];
        int t = 0;
        int v = 0;
        for (int i = 0; i < data.size(); i++) {
            if (v < sortedValidation.length && sortedValidation[v] == i) {
                v++;
            } else {
                train[t++] = i;
            }
        }
        return new TrainValidation(
                data.select(train, data.name() + "[train part, " + how + "]"),
                data.select(sortedValidation, data.name() + "[validation part, " + how + "]"));
    }
}
