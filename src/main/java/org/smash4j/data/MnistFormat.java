package org.smash4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an MNIST-style pair of IDX files (28x28 grey images + labels), as used by MNIST and Fashion-MNIST,
 * and finds them under their usual names: {@code train-images-idx3-ubyte[.gz]} or the
 * {@code train-images.idx3-ubyte} spelling some archives use.
 */
public final class MnistFormat {
    public static final int SIDE = 28;

    /** Fashion-MNIST's classes, label 0..9. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's classes: the digits. */
    public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private MnistFormat() {
    }

    /** Reads one images/labels pair and checks that they agree. */
    public static ImageDataset read(Path images, Path labels, String name, List<String> classNames)
            throws IOException {
        PixelStore pixels = IdxFormat.readImages(images, SIDE, SIDE);
        int[] labelValues = IdxFormat.readLabels(labels);
        if (labelValues.length != pixels.count()) {
            throw new DataFormatException(labels, "image/label count mismatch: holds " + labelValues.length
                    + " labels but " + images + " holds " + pixels.count() + " images");
        }
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] >= classNames.size()) {
                throw new DataFormatException(labels, "label " + labelValues[i] + " of image " + i
                        + " is out of range 0.." + (classNames.size() - 1));
            }
        }
        return new ImageDataset(name, 1, SIDE, SIDE, pixels, labelValues, classNames);
    }

    /** The training pair in {@code dir} ("train-images", "train-labels"). */
    public static ImageDataset readTrain(Path dir, String name, List<String> classNames) throws IOException {
        return read(find(dir, "train-images", "idx3"), find(dir, "train-labels", "idx1"), name, classNames);
    }

    /** The test pair in {@code dir} ("t10k-images", "t10k-labels"). */
    public static ImageDataset readTest(Path dir, String name, List<String> classNames) throws IOException {
        return read(find(dir, "t10k-images", "idx3"), find(dir, "t10k-labels", "idx1"), name, classNames);
    }

    /** The first existing spelling of {@code stem}; a clear "not found" naming all tried spellings if none. */
    static Path find(Path dir, String stem, String idx) throws DataFormatException {
        List<Path> tried = new ArrayList<>();
        for (String base : List.of(stem + "-" + idx + "-ubyte", stem + "." + idx + "-ubyte")) {
            for (String suffix : List.of(".gz", "")) {
                Path candidate = dir.resolve(base + suffix);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate.getFileName());
            }
        }
        throw new DataFormatException(dir.resolve(tried.get(0)),
                "file not found (also tried " + tried.subList(1, tried.size()) + " in " + dir + ")");
    }
}
