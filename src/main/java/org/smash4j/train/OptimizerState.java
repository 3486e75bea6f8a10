package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.smash4j.nn.Parameters;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-parameter state tensors of an optimiser (zero-initialised, named "slot/param") and a step count. */
final class OptimizerState implements AutoCloseable {
    final NDManager manager;
    final Map<String, NDArray> slots = new LinkedHashMap<>();
    long steps;

    OptimizerState(Parameters params, String... slotNames) {
        this.manager = NDManager.newBaseManager(params.placement().device());
        for (Map.Entry<String, NDArray> e : params.trainable().entrySet()) {
            for (String s : slotNames) {
                slots.put(s + "/" + e.getKey(), manager.zeros(e.getValue().getShape(), e.getValue().getDataType()));
            }
        }
    }

    NDArray slot(String slot, String param) {
        return slots.get(slot + "/" + param);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream dos = new DataOutputStream(out);
        dos.writeLong(steps);
        NDList list = new NDList();
        for (Map.Entry<String, NDArray> e : slots.entrySet()) {
            e.getValue().setName(e.getKey());
            list.add(e.getValue());
        }
        byte[] bytes = list.encode();
        dos.writeInt(bytes.length);
        dos.write(bytes);
        dos.flush();
    }

    void read(InputStream in) throws IOException {
        DataInputStream dis = new DataInputStream(in);
        long s = dis.readLong();
        byte[] bytes = new byte[dis.readInt()];
        dis.readFully(bytes);
        try (NDManager tmp = NDManager.newBaseManager(manager.getDevice())) {
            NDList list = NDList.decode(tmp, bytes);
            if (list.size() != slots.size()) {
                throw new IOException("optimizer state has " + list.size() + " tensors, expected " + slots.size());
            }
            for (NDArray a : list) {
                NDArray dst = slots.get(a.getName());
                if (dst == null || !dst.getShape().equals(a.getShape())) {
                    throw new IOException("optimizer state tensor " + a.getName() + " does not match this network");
                }
                dst.set(new NDIndex("..."), a);
            }
        }
        steps = s;
    }

    @Override
    public void close() {
        manager.close();
    }
}
