package org.smash4j.util;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GitCommitTest {
    private static int git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Test
    void aFolderOutsideAnyCheckoutHasNoCommit(@TempDir Path tmp) {
        // A temp folder is not inside a git checkout (unless the system's temp folder is, which it is not here).
        Assumptions.assumeTrue(!Files.exists(tmp.getParent().resolve(".git")));
        assertEquals(Optional.empty(), GitCommit.of(tmp));
    }

    @Test
    void theCommitIsTheBranchHeadAsGitStoresItAndMarksChanges(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(git(tmp, "init", "-q", "-b", "main") == 0, "git is not installed");
        Files.writeString(tmp.resolve("a.txt"), "one\n");
        assertEquals(0, git(tmp, "add", "a.txt"));
        assertEquals(0, git(tmp, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first"));
        // Independent of git rev-parse: the ref file git writes for the branch.
        String head = Files.readString(tmp.resolve(".git/refs/heads/main")).strip();
        Files.createDirectories(tmp.resolve("sub"));
        assertEquals(Optional.of(head), GitCommit.of(tmp.resolve("sub")));
        Files.writeString(tmp.resolve("a.txt"), "two\n");
        assertEquals(Optional.of(head + "+changes"), GitCommit.of(tmp));
    }
}
