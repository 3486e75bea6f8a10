package org.smash4j.space;

import java.util.List;

/**
 * One op of a block (spec 1.3, 2.2): read banks (concatenated in ascending order), a 1x1 conv, the
 * active convs of {@link #pattern}, and the banks the result is written to.
 *
 * @param reads  bank indices read, strictly ascending
 * @param writes bank indices written; entry j receives output chunk {@code j mod (width/bankSize)}.
 *               Already-written banks come first (ascending), then newly allocated banks (ascending);
 *               the order matters because it decides which chunk each bank receives
 * @param width  op width g in units of N: every conv of the op outputs {@code width*N} channels
 * @param pattern which convs are active
 * @param convs  one spec per active conv, in the order of {@link ConvPattern#activeIndices()}
 */
public record Op(List<Integer> reads, List<Integer> writes, int width, ConvPattern pattern, List<ConvSpec> convs) {
    public Op {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        convs = List.copyOf(convs);
    }

    /** The spec of conv {@code convIndex} (0..3), which must be active. */
    public ConvSpec conv(int convIndex) {
        int pos = pattern.activeIndices().indexOf(convIndex);
        if (pos < 0) {
            throw new IllegalArgumentException("conv W" + convIndex + " is not active in " + pattern);
        }
        return convs.get(pos);
    }
}
