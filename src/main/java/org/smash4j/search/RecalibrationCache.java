package org.smash4j.search;

import ai.djl.ndarray.NDArray;
import org.smash4j.space.Architecture;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BN statistics recalibrated for an architecture, kept so that successive halving, which scores one architecture
 * slice by slice, recalibrates it once: the same architecture, encoding, index and noise draw give the same weights
 * and the same recalibration images, so the statistics are the same. The least recently used entries go first; the
 * cache owns the tensors it holds and closes them when they go.
 */
final class RecalibrationCache {
    private record Key(Architecture arch, int encodingHash, long index, int draw) {
    }

    private record Entry(float[] encoding, Map<String, NDArray> statistics) {
        void close() {
            statistics.values().forEach(NDArray::close);
        }
    }

    private final Map<Key, Entry> entries;

    RecalibrationCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                if (size() > capacity) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    /** The statistics kept for this architecture, encoding values, index and draw, or null. */
    Map<String, NDArray> find(Architecture arch, float[] encoding, long index, int draw) {
        Entry e = entries.get(new Key(arch, Arrays.hashCode(encoding), index, draw));
        return e != null && Arrays.equals(e.encoding(), encoding) ? e.statistics() : null;
    }

    /** Keeps {@code statistics} (tensors outside every scope, now owned by the cache). */
    void keep(Architecture arch, float[] encoding, long index, int draw, Map<String, NDArray> statistics) {
        Entry old = entries.put(new Key(arch, Arrays.hashCode(encoding), index, draw), new Entry(encoding, statistics));
        if (old != null) {
            old.close();
        }
    }
}
