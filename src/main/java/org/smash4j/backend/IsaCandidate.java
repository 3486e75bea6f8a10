package org.smash4j.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting of libtorch's kernel choice: the widest instruction set oneDNN may use ({@code DNNL_MAX_CPU_ISA})
 * and the one ATen's own vectorised kernels use ({@code ATEN_CPU_CAPABILITY}). Both are always given
 * explicitly, so a recorded setting means the same on every machine that can run it.
 *
 * @param name       a short name ("native", "avx2", "avx", "sse41")
 * @param onednnIsa  value of DNNL_MAX_CPU_ISA (ALL = no cap)
 * @param atenLevel  value of ATEN_CPU_CAPABILITY (avx512, avx2 or default)
 */
public record IsaCandidate(String name, String onednnIsa, String atenLevel) {
    public static final String ONEDNN_VAR = "DNNL_MAX_CPU_ISA";
    public static final String ATEN_VAR = "ATEN_CPU_CAPABILITY";

    /**
     * The candidates for {@code cpu}, widest first: no cap; AVX2 for both libraries (only where the CPU has
     * AVX-512, else it equals no cap); oneDNN capped at AVX (the former fixed setting); SSE4.1 as a last resort.
     */
    public static List<IsaCandidate> forCpu(CpuInfo cpu) {
        String atenBest = cpu.hasAvx512() ? "avx512" : cpu.hasAvx2() ? "avx2" : "default";
        String atenAvx2 = cpu.hasAvx2() ? "avx2" : "default";
        List<IsaCandidate> list = new ArrayList<>();
        list.add(new IsaCandidate("native", "ALL", atenBest));
        if (cpu.has("avx512f") && cpu.hasAvx2()) {
            list.add(new IsaCandidate("avx2", "AVX2", atenAvx2));
        }
        if (cpu.has("avx")) {
            list.add(new IsaCandidate("avx", "AVX", atenAvx2));
        }
        list.add(new IsaCandidate("sse41", "SSE41", "default"));
        return list;
    }

    /** The environment variables that select this candidate. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ONEDNN_VAR, onednnIsa);
        env.put(ATEN_VAR, atenLevel);
        return env;
    }

    /** E.g. "avx2 (DNNL_MAX_CPU_ISA=AVX2, ATEN_CPU_CAPABILITY=avx2)". */
    public String describe() {
        return name + " (" + ONEDNN_VAR + "=" + onednnIsa + ", " + ATEN_VAR + "=" + atenLevel + ")";
    }
}
