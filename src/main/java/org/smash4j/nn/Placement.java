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

    /** A placement on the named device ("cpu", "gpu0", ...) in float32. */
    public static Placement of(String device) {
        return new Placement(Device.fromName(device), DataType.FLOAT32);
    }
}
