package org.smash4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.smash4j.data.ImageFiles;
import org.smash4j.nn.Placement;
import org.smash4j.train.StandaloneTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash predict}: classify image files with a trained model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files (PNG, JPEG, ...) with a trained model: each image is converted to the "
                + "model's channels, resized to its resolution and normalised as in training.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "RUN", required = true,
            description = "A finished `smash train` run, a pipeline's final/rank-1, or a pipeline run folder.")
    Path model;

    @Option(names = "--top", defaultValue = "3", description = "Classes shown per image. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
    List<Path> images;

    @Override
    public Integer call() throws Exception {
        Path dir = java.nio.file.Files.isDirectory(model.resolve("final/rank-1")) ? model.resolve("final/rank-1")
                : model;
        try (StandaloneTraining.Model m = StandaloneTraining.load(dir, device);
                NDManager manager = NDManager.newBaseManager(Placement.of(device).device())) {
            if (m.network().config().spatialDims() != 2) {
                throw new IllegalArgumentException(dir + " holds a model of voxel grids; predict classifies image"
                        + " files only (evaluate gives its test error)");
            }
            int c = m.info().channels();
            int r = m.info().resolution();
            List<String> names = m.info().classNames();
            for (Path image : images) {
                byte[] pixels = ImageFiles.load(image, c, r, r);
                float[] x = m.info().normalization().apply(pixels, r, r);
                NDArray logits = m.network().forward(manager.create(x, new Shape(1, c, r, r)), false);
                float[] p = logits.softmax(1).toFloatArray();
                Integer[] order = new Integer[p.length];
                for (int i = 0; i < p.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
                StringBuilder sb = new StringBuilder(image.toString()).append(':');
                for (int i = 0; i < Math.min(top, p.length); i++) {
                    sb.append(String.format(Locale.ROOT, "  %s %.3f", names.get(order[i]), p[order[i]]));
                }
                System.out.println(sb);
            }
        }
        return 0;
    }
}
