package org.smash4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process (Linux), which counts libtorch's native memory as well as the heap. */
public final class Memory {
    private Memory() {
    }

    /** RSS in MiB, or -1 where /proc is not available. */
    public static double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.replaceAll("[^0-9]", "");
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
