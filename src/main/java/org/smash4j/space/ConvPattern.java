package org.smash4j.space;

import java.util.List;

/**
 * Which of the four convs of an op are active and how they combine (spec 1.3). With h the op's
 * 1x1-conv output: path A is W0 then W1, path B is W2 then W3, and the op output is the sum of the
 * active paths. "Only W2" is excluded on purpose: it would be a second way to write a single conv.
 */
public enum ConvPattern {
    /** W0(h). */
    SINGLE(true, false, false, false),
    /** W0(h) + W2(h). */
    PARALLEL(true, false, true, false),
    /** W1(W0(h)). */
    SERIAL(true, true, false, false),
    /** W1(W0(h)) + W2(h). */
    SERIAL_PARALLEL(true, true, true, false),
    /** W1(W0(h)) + W3(W2(h)). */
    DOUBLE_SERIAL(true, true, true, true);

    private final boolean[] active;

    ConvPattern(boolean... active) {
        this.active = active;
    }

    /** Whether conv {@code i} (0..3) is used. */
    public boolean isActive(int i) {
        return active[i];
    }

    /** Number of active convs. */
    public int activeCount() {
        int n = 0;
        for (boolean a : active) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** The pattern's name in descriptions and diagrams: single, parallel, serial, ser+par, double. */
    public String shortName() {
        return switch (this) {
            case SINGLE -> "single";
            case PARALLEL -> "parallel";
            case SERIAL -> "serial";
            case SERIAL_PARALLEL -> "ser+par";
            case DOUBLE_SERIAL -> "double";
        };
    }

    /** Indices (0..3) of the active convs, ascending; an op stores one ConvSpec per entry, in this order. */
    public List<Integer> activeIndices() {
        List<Integer> out = new java.util.ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            if (active[i]) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    /** The pattern with this activity vector, e.g. [1,0,1,0] -> PARALLEL. */
    public static ConvPattern of(boolean a0, boolean a1, boolean a2, boolean a3) {
        for (ConvPattern p : values()) {
            if (p.active[0] == a0 && p.active[1] == a1 && p.active[2] == a2 && p.active[3] == a3) {
                return p;
            }
        }
        throw new IllegalArgumentException("no conv pattern [" + a0 + "," + a1 + "," + a2 + "," + a3 + "]");
    }
}
