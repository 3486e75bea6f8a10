package org.smash4j.train;

import org.junit.jupiter.api.Assumptions;
import org.smash4j.data.DataSets;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small runs on real Fashion-MNIST (Debian's dataset-fashion-mnist, installed by .ci/run). */
final class TrainingFixtures {
    private TrainingFixtures() {
    }

    static void assumeFashionMnist() {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(DataSets.FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    }

    static DataSpec fashion(int train, int test) {
        return new DataSpec("fashion-mnist", null, train, test, 0.1, 0);
    }

    /** The tiny space fitted to 28x28x1, 10 classes. */
    static SearchSpaceConfig tinySpace(DataSpec data) throws IOException {
        return data.prepare().fit(Presets.tiny());
    }

    static OneShotRunConfig oneShot(DataSpec data, int epochs, int checkpointEvery, double lr) throws IOException {
        return OneShotRunConfig.withSpecOptimizer("tiny", tinySpace(data), HyperNetShape.standard(), data, epochs,
                SpecDefaults.BATCH, lr, 0, "cpu", checkpointEvery, 1);
    }
}
