package org.smash4j.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this process computes with, as recorded in every run.json and benchmark file: the CPU (model and
 * vector extensions), the kernel settings it was started with and the verdict that chose them.
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

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
