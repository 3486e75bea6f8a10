package org.smash4j.encoding;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One architecture's encoding c (spec 3.1) as plain floats, ready to become a [1, channels, height, width]
 * tensor: values are laid out [channel][row][column], index {@code (ch*height + row)*width + col}, each -1
 * (off) or +1 (on). The width is S + 1 for S used slices: the last column is a spare that is never marked.
 * Also records where each op's slices start, which is where its rows of generated weight start.
 *
 * <p>Immutable: the arrays are copied in and out; {@link #asReadOnlyBuffer()} gives a copy-free view.
 *
 * @param channels      C_c, the layout's channel count
 * @param height        k = N_max / N
 * @param width         S + 1 columns
 * @param values        channels*height*width floats
 * @param opFirstSlices first slice S0 of every op, over all ops of all blocks in execution order
 */
public record Encoding(int channels, int height, int width, float[] values, int[] opFirstSlices) {
    public Encoding {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "encoding shape must be positive, got %d channels x %d rows x %d columns",
                    channels, height, width));
        }
        if (values == null || (long) channels * height * width != values.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "encoding of %d x %d x %d needs %d values, got %s", channels, height, width,
                    (long) channels * height * width, values == null ? "none" : values.length));
        }
        if (opFirstSlices == null) {
            throw new IllegalArgumentException("opFirstSlices is missing");
        }
        for (int s : opFirstSlices) {
            if (s < 0 || s >= width) {
                throw new IllegalArgumentException(
                        "an op's first slice " + s + " is outside the " + width + " columns");
            }
        }
        values = values.clone();
        opFirstSlices = opFirstSlices.clone();
    }

    /** A copy of the values, [channel][row][column]. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** A copy of the first slice of every op. */
    @Override
    public int[] opFirstSlices() {
        return opFirstSlices.clone();
    }

    /** A read-only view of the values without copying, e.g. to build a tensor. */
    public FloatBuffer asReadOnlyBuffer() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** S: the number of columns used by ops (the width less the spare column). */
    public int usedSlices() {
        return width - 1;
    }

    /** The value at channel {@code ch}, row {@code row}, column {@code col}. */
    public float get(int ch, int row, int col) {
        return values[index(ch, row, col)];
    }

    /** Position of (ch, row, col) in {@link #values()}. */
    public int index(int ch, int row, int col) {
        if (ch < 0 || ch >= channels || row < 0 || row >= height || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "cell (channel %d, row %d, column %d) is outside the encoding's %d x %d x %d",
                    ch, row, col, channels, height, width));
        }
        return (ch * height + row) * width + col;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && channels == e.channels && height == e.height && width == e.width
                && Arrays.equals(values, e.values) && Arrays.equals(opFirstSlices, e.opFirstSlices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, height, width, Arrays.hashCode(values), Arrays.hashCode(opFirstSlices));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Encoding[%d channels x %d rows x %d columns, %d ops]",
                channels, height, width, opFirstSlices.length);
    }
}
