package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named tensors of one network: trainable parameters (in a weight-decay group) and buffers (BN running
 * statistics). Networks here are functions of these tensors rather than DJL Blocks, because the one-shot
 * network's graph changes at every step and slices shared weights per op.
 */
public final class Parameters implements AutoCloseable {
    /** Optimiser groups: the HyperNet gets no weight decay, everything else does (spec 5). */
    public enum Group { HYPERNET, MAIN }

    private final NDManager manager;
    private final Placement placement;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    public Parameters(Placement placement) {
        this.placement = placement;
        this.manager = NDManager.newBaseManager(placement.device());
    }

    public Placement placement() {
        return placement;
    }

    /** The manager owning every tensor here; closed with this object. */
    public NDManager manager() {
        return manager;
    }

    /** Adds a trainable tensor with the given initial values (row-major). */
    public NDArray add(String name, Group group, Shape shape, double[] values) {
        if (trainable.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalStateException("duplicate parameter " + name);
        }
        NDArray a = create(shape, values);
        a.setRequiresGradient(true);
        trainable.put(name, a);
        groups.put(name, group);
        return a;
    }

    /** Adds a non-trainable tensor (e.g. BN running statistics). */
    public NDArray addBuffer(String name, Shape shape, double[] values) {
        if (trainable.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalStateException("duplicate buffer " + name);
        }
        NDArray a = create(shape, values);
        buffers.put(name, a);
        return a;
    }

    private NDArray create(Shape shape, double[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got "
                    + values.length);
        }
        NDArray d = manager.create(values, shape);
        NDArray a = d.toType(placement.dataType(), false);
        if (a != d) {
            d.close();
        }
        a.setName(null);
        return a;
    }

    public NDArray get(String name) {
        NDArray a = trainable.get(name);
        if (a == null) {
            a = buffers.get(name);
        }
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    /** Trainable tensors in creation order. */
    public Map<String, NDArray> trainable() {
        return Collections.unmodifiableMap(trainable);
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** Buffers in creation order. */
    public Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Number of trainable scalars, optionally in one group only (null = all). */
    public long count(Group group) {
        long n = 0;
        for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
            if (group == null || groups.get(e.getKey()) == group) {
                n += e.getValue().getShape().size();
            }
        }
        return n;
    }

    /**
     * Sets every gradient to zero; the PyTorch engine accumulates gradients across collectors. The buffers are
     * filled with 0 (libtorch's {@code zero_}), never computed as {@code g - g}, which leaves NaN wherever a
     * gradient held NaN or an infinity.
     */
    public void zeroGradients() {
        for (NDArray a : trainable.values()) {
            zeroGradient(a);
        }
    }

    /** Fills the gradient buffer of one trainable tensor with 0. */
    public static void zeroGradient(NDArray a) {
        if (a instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            try (NDArray g = a.getGradient()) {
                g.set(new NDIndex("..."), 0);
            }
        }
    }

    /** Copies values (not gradients) of the named tensor from {@code src}, which must have the same shape. */
    public void assign(String name, NDArray src) {
        NDArray dst = get(name);
        if (!dst.getShape().equals(src.getShape())) {
            throw new IllegalArgumentException(name + ": shape " + dst.getShape() + " != " + src.getShape());
        }
        NDArray converted = src.toType(dst.getDataType(), false);
        dst.set(new NDIndex("..."), converted);
        if (converted != src) {
            converted.close();
        }
    }

    /** Writes every tensor (trainable and buffers) with its name; {@link #read} restores them exactly. */
    public void write(OutputStream out) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
            list.add(named(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, NDArray> e : buffers.entrySet()) {
            list.add(named(e.getKey(), e.getValue()));
        }
        DataOutputStream dos = new DataOutputStream(out);
        dos.write(list.encode());
        dos.flush();
    }

    private static NDArray named(String name, NDArray a) {
        a.setName(name);
        return a;
    }

    /**
     * Restores tensors written by {@link #write}. Every stored name must exist here with the same shape and
     * every tensor here must be stored, so a file from another architecture fails loudly.
     */
    public void read(InputStream in) throws IOException {
        byte[] bytes = new DataInputStream(in).readAllBytes();
        try (NDManager tmp = NDManager.newBaseManager(placement.device())) {
            NDList list = NDList.decode(tmp, bytes);
            Set<String> missing = new TreeSet<>(trainable.keySet());
            missing.addAll(buffers.keySet());
            for (NDArray a : list) {
                String name = a.getName();
                if (!missing.remove(name)) {
                    throw new IOException("stored tensor '" + name + "' does not belong to this network");
                }
                assign(name, a);
            }
            if (!missing.isEmpty()) {
                throw new IOException("stored parameters lack " + missing);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
