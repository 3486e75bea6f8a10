package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a network's trainable tensors that one forward pass read, recorded as the network slices them: per
 * tensor, the whole of it or a list of slices (which may overlap). Weight-sharing training regularises only these
 * (Bender et al.: otherwise weights that the sampled architectures seldom use are shrunk more than the others).
 */
public final class UsedParts {
    private static final List<NDIndex> WHOLE = List.of();
    private final Map<String, List<NDIndex>> parts = new LinkedHashMap<>();

    /** Forgets everything (before the next forward pass). */
    public void clear() {
        parts.clear();
    }

    /** Records that the pass read {@code name} at {@code index} (null: all of it). */
    public void record(String name, NDIndex index) {
        List<NDIndex> list = parts.get(name);
        if (index == null) {
            parts.put(name, WHOLE);
            return;
        }
        if (list == WHOLE) {
            return;
        }
        if (list == null) {
            list = new ArrayList<>();
            parts.put(name, list);
        }
        list.add(index);
    }

    /** Whether the pass read any of {@code name}. */
    public boolean used(String name) {
        return parts.containsKey(name);
    }

    /** Whether the pass read all of {@code name}. */
    public boolean usedWhole(String name) {
        return parts.get(name) == WHOLE;
    }

    /** Names of the tensors the pass read, in the order first read. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(parts.keySet());
    }

    /**
     * A 0/1 tensor shaped like {@code w} with 1 on every element of {@code name} the pass read (the union of its
     * slices), in the caller's NDScope; null when it read all of it or none (ask {@link #used}).
     */
    public NDArray mask(String name, NDArray w) {
        List<NDIndex> list = parts.get(name);
        if (list == null || list == WHOLE) {
            return null;
        }
        NDArray mask = w.zerosLike();
        for (NDIndex index : list) {
            mask.set(index, 1);
        }
        return mask;
    }
}
