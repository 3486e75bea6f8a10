package org.smash4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code smash} commands in child JVMs of this one (same Java, class path and ai.djl.* settings; the environment,
 * kernel settings included, is inherited), so that one can be killed without harming the benchmark.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss4m");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("ai.djl.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.smash4j.cli.Main");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** Runs to the end; the exit code. */
    static int run(List<String> args, Path output) throws IOException, InterruptedException {
        return start(args, output).waitFor();
    }
}
