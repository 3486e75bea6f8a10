package org.smash4j.backend;

import org.smash4j.run.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link IsaProbe} for one candidate in a child JVM with this JVM's classpath and the candidate's settings. */
final class ChildProbe {
    /** A probe takes seconds; one that hangs this long is refused. */
    static final long TIMEOUT_SECONDS = 600;

    private ChildProbe() {
    }

    static IsaSelection.Probe run(IsaCandidate candidate) {
        try {
            Path out = Files.createTempFile("smash-isa-probe", ".out");
            Path err = Files.createTempFile("smash-isa-probe", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command(IsaProbe.class.getName()));
                pb.environment().putAll(candidate.environment());
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return IsaSelection.Probe.crashed(candidate, "the check did not finish in " + TIMEOUT_SECONDS
                            + " s");
                }
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0 || lines.isEmpty()) {
                    return IsaSelection.Probe.crashed(candidate, "the check process exited with " + p.exitValue()
                            + ": " + tail(Files.readString(err, StandardCharsets.UTF_8)));
                }
                ConvCheck.Result r = Json.LINE.readValue(lines.get(lines.size() - 1), ConvCheck.Result.class);
                return IsaSelection.Probe.of(candidate, r);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return IsaSelection.Probe.crashed(candidate, "could not run the check: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IsaSelection.Probe.crashed(candidate, "interrupted");
        }
    }

    /** This JVM's java binary and classpath with the DJL settings a run uses, running {@code mainClass}. */
    static List<String> command(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path")));
        for (String key : new String[] {"ai.djl.offline", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads"}) {
            String v = System.getProperty(key);
            if (v != null) {
                cmd.add("-D" + key + "=" + v);
            }
        }
        cmd.add(mainClass);
        return cmd;
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 300 ? t : "..." + t.substring(t.length() - 300);
    }
}
