package org.smash4j.experiment;

import org.junit.jupiter.api.Assumptions;
import org.smash4j.data.DataSets;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.space.Presets;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the experiment tests start from: a tiny one-shot configuration on real Fashion-MNIST, folder copies. */
final class ExperimentFixtures {
    private ExperimentFixtures() {
    }

    /**
     * The tiny preset's one-shot training on 600 Fashion-MNIST images (200 test), 1 epoch, seed 0; skips the calling
     * test when Fashion-MNIST is not installed.
     */
    static OneShotRunConfig tinyOneShot() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(DataSets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        DataSpec data = new DataSpec("fashion-mnist", null, 600, 200, 0.1, 0);
        return OneShotRunConfig.standard("tiny", data.prepare().fit(Presets.tiny()), HyperNetShape.standard(), data,
                1, 0, "cpu", 0, 5);
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
