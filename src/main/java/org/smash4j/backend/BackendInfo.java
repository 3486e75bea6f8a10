package org.smash4j.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this process computes with, as recorded in every run.json and benchmark file: the CPU (model and
 * vector extensions), the kernel settings (oneDNN ISA) it was started with and the verdict that chose them, and
 * the thread counts.
 */
public final class BackendInfo {
    private BackendInfo() {
    }

    /** The CPU and kernel settings of this process. */
    public static Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        CpuInfo cpu = CpuInfo.current();
        m.put("cpu", cpu.model());
        m.put("vectorExtensions", cpu.vectorSummary());
        m.put(IsaCandidate.ONEDNN_VAR, env(IsaCandidate.ONEDNN_VAR, "unset (oneDNN picks its widest)"));
        m.put(IsaCandidate.ATEN_VAR, env(IsaCandidate.ATEN_VAR, "unset (ATen picks its widest)"));
        m.put("kernelCheck", env(IsaSelection.VERDICT_VAR, "none (started without ./smash or the Maven build, "
                + "which run the kernel check)"));
        return m;
    }

    /**
     * Thread counts of this process: libtorch's intra-op and inter-op pools as it reports them (loads the engine),
     * what was asked for (the ai.djl.pytorch.* properties ./smash sets, OMP_NUM_THREADS) and the CPUs available.
     */
    public static Map<String, Object> threads() {
        Map<String, Object> m = new LinkedHashMap<>();
        ai.djl.engine.Engine.getInstance();
        m.put("torchIntraOp", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        m.put("torchInterOp", ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
        m.put("requestedIntraOp", System.getProperty("ai.djl.pytorch.num_threads", "unset"));
        m.put("requestedInterOp", System.getProperty("ai.djl.pytorch.num_interop_threads", "unset"));
        m.put("OMP_NUM_THREADS", env("OMP_NUM_THREADS", "unset"));
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return m;
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
