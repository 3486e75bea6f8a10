package org.smash4j.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One numpy array held in memory as its raw little-endian C-order bytes, as {@link NpyFormat} read it.
 * Large image and voxel arrays are streamed instead (see {@link NpyFormat#readHeader}); this is for labels and
 * small arrays.
 *
 * @param data {@code count() * dtype.size()} bytes, element i at byte i * dtype.size()
 */
public record NpyArray(NpyFormat.DType dtype, long[] shape, byte[] data) {
    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        if (count * dtype.size() != data.length) {
            throw new IllegalArgumentException("shape " + NpyFormat.shapeText(shape) + " of " + dtype.descr()
                    + " needs " + count * dtype.size() + " bytes, got " + data.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int count() {
        return data.length / dtype.size();
    }

    /** Like numpy prints it: (2, 3). */
    public String shapeText() {
        return NpyFormat.shapeText(shape);
    }

    /** Element {@code i} (flat C-order index) as a long; only for integer dtypes. */
    public long longAt(int i) {
        ByteBuffer b = buffer();
        switch (dtype) {
            case UINT8:
                return data[i] & 0xFF;
            case INT32:
                return b.getInt(i * 4);
            case INT64:
                return b.getLong(i * 8);
            default:
                throw new IllegalStateException("dtype " + dtype.descr() + " is not an integer type");
        }
    }

    /** Element {@code i} (flat C-order index) as a double, whatever the dtype. */
    public double doubleAt(int i) {
        switch (dtype) {
            case FLOAT32:
                return buffer().getFloat(i * 4);
            case FLOAT64:
                return buffer().getDouble(i * 8);
            default:
                return longAt(i);
        }
    }

    /** All elements as longs; only for integer dtypes. */
    public long[] toLongs() {
        long[] out = new long[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = longAt(i);
        }
        return out;
    }

    /** All elements as doubles. */
    public double[] toDoubles() {
        double[] out = new double[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubleAt(i);
        }
        return out;
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }
}
