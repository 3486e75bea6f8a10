package org.smash4j.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The git commit of the source checkout a run was started from, recorded in run.json so a result can be traced
 * to its code. Asks {@code git rev-parse HEAD} (5 s at most) in the folder of the running classes or jar; nothing
 * when that is not inside a git checkout or git is missing.
 */
public final class GitCommit {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static volatile Optional<String> cached;

    private GitCommit() {
    }

    /** The commit hash of the checkout this code runs from, with "+changes" when tracked files were modified. */
    public static Optional<String> current() {
        Optional<String> c = cached;
        if (c == null) {
            c = of(codeLocation());
            cached = c;
        }
        return c;
    }

    /** The commit of the git checkout holding {@code dir}, if any. */
    static Optional<String> of(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<String> head = run(dir, "git", "rev-parse", "HEAD").filter(h -> HASH.matcher(h).matches());
        if (head.isEmpty()) {
            return head;
        }
        boolean changed = run(dir, "git", "status", "--porcelain", "--untracked-files=no")
                .map(s -> !s.isEmpty()).orElse(false);
        return Optional.of(head.get() + (changed ? "+changes" : ""));
    }

    private static Optional<String> run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            // The output is a hash or a short list of files; read it after the exit (a pipe holds 64 KiB).
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The folder of target/classes or of the jar this class was loaded from. */
    private static Path codeLocation() {
        try {
            var source = GitCommit.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (Exception e) {
            return null;
        }
    }
}
