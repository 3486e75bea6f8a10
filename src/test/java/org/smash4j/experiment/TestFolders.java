package org.smash4j.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folder helpers of the experiment tests. */
final class TestFolders {
    private TestFolders() {
    }

    /** Copies the folder {@code from} with everything in it to {@code to}, and returns {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
