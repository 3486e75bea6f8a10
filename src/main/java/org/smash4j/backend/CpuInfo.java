package org.smash4j.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor as /proc/cpuinfo names it: model name and the vector-extension flags that decide which kernels
 * libtorch may run. Figures are only comparable between machines together with this line.
 *
 * @param model       the model name ("unknown" where /proc/cpuinfo is unreadable)
 * @param vectorFlags the SIMD flags of interest present on this CPU, sorted
 */
public record CpuInfo(String model, Set<String> vectorFlags) {
    /** Flags that decide kernel choice (x86); others are ignored. */
    static final List<String> OF_INTEREST = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "avx512f",
            "avx512bw", "avx512vl", "avx512dq", "avx512cd", "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx_vnni",
            "amx_tile", "amx_bf16", "amx_int8");

    public CpuInfo {
        // Sorted, so the text (and the cache key made of it) is the same in every JVM.
        vectorFlags = Collections.unmodifiableSortedSet(new TreeSet<>(vectorFlags));
    }

    /** This machine's processor. */
    public static CpuInfo current() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return new CpuInfo("unknown (" + System.getProperty("os.arch") + ")", Set.of());
        }
    }

    /** Reads the first processor's model name and flags from the text of /proc/cpuinfo. */
    static CpuInfo parse(String cpuinfo) {
        String model = "unknown";
        Set<String> flags = new TreeSet<>();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown")) {
                model = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                for (String f : value.split("\\s+")) {
                    if (OF_INTEREST.contains(f)) {
                        flags.add(f);
                    }
                }
            }
        }
        return new CpuInfo(model, flags);
    }

    public boolean has(String flag) {
        return vectorFlags.contains(flag);
    }

    /** AVX-512 as ATen's AVX512 kernels need it (F, BW, VL, DQ and FMA). */
    public boolean hasAvx512() {
        return has("avx512f") && has("avx512bw") && has("avx512vl") && has("avx512dq") && has("fma");
    }

    public boolean hasAvx2() {
        return has("avx2") && has("fma");
    }

    /** The widest vector extensions in a few words, e.g. "AVX2, AVX-512, AMX". */
    public String vectorSummary() {
        List<String> parts = new ArrayList<>();
        if (has("avx")) {
            parts.add("AVX");
        }
        if (hasAvx2()) {
            parts.add("AVX2");
        }
        if (has("avx512f")) {
            parts.add("AVX-512");
        }
        if (has("amx_tile")) {
            parts.add("AMX");
        }
        return parts.isEmpty() ? "no AVX" : String.join(", ", parts);
    }

    /** Model and vector summary in one line, for every reported figure. */
    @Override
    public String toString() {
        return model + " (" + vectorSummary() + ")";
    }
}
