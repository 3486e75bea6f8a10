package org.smash4j.nn;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * Where a network's tensors live and in which precision. Comes from configuration so that no code assumes
 * the CPU; float64 exists for finite-difference gradient checks.
 */
public record Placement(Device device, DataType dataType) {
    /** The CPU in float32. */
    public static Placement cpu() {
        return new Placement(Device.cpu(), DataType.FLOAT32);
    }

    /**
     * Refuses a device name this machine cannot run on, before anything is written: "cpu", or "gpu"/"gpuN" when
     * libtorch sees that GPU (this build bundles the CPU-only libtorch, so it sees none).
     */
    public static void check(String device) {
        if (device == null || !device.matches("cpu|gpu\\d{0,3}")) {
            throw new IllegalArgumentException("unknown device '" + device + "': use cpu (or gpu0, gpu1, ... on a"
                    + " machine with a GPU that libtorch can use)");
        }
        if (device.startsWith("gpu")) {
            int id = device.length() == 3 ? 0 : Integer.parseInt(device.substring(3));
            int gpus = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount();
            if (id >= gpus) {
                throw new IllegalArgumentException("--device " + device + ": " + (gpus == 0
                        ? "no GPU is usable here (smash4j bundles the CPU-only libtorch)"
                        : "only " + gpus + " GPU(s) here, gpu0..gpu" + (gpus - 1)) + "; use --device cpu");
            }
        }
    }

    /** A placement on the named device ("cpu", "gpu0", ...) in float32. */
    public static Placement of(String device) {
        return new Placement(Device.fromName(device), DataType.FLOAT32);
    }
}
