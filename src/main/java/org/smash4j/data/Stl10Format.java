package org.smash4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the binary version of STL-10 ({@code stl10_binary/}): headerless 3x96x96 images whose channel planes
 * are stored column-major (byte c*9216 + col*96 + row), which this loader transposes to our row-major CHW;
 * one label byte per image, 1..10 on disk and 0..9 here.
 */
public final class Stl10Format {
    public static final int SIDE = 96;
    public static final int CHANNELS = 3;
    private static final int PLANE = SIDE * SIDE;
    private static final int IMAGE_BYTES = CHANNELS * PLANE;

    private Stl10Format() {
    }

    /** train_X.bin + train_y.bin (5,000 images in the real files). */
    public static ImageDataset readTrain(Path dir) throws IOException {
        return read(dir, "train", "stl10/train");
    }

    /** test_X.bin + test_y.bin (8,000 images in the real files). */
    public static ImageDataset readTest(Path dir) throws IOException {
        return read(dir, "test", "stl10/test");
    }

    private static ImageDataset read(Path dir, String split, String name) throws IOException {
        List<String> classes = DataFiles.classNames(dir.resolve("class_names.txt"), 10);
        Path imagesFile = dir.resolve(split + "_X.bin");
        Path labelsFile = dir.resolve(split + "_y.bin");
        DataFiles.requireFile(imagesFile, "STL-10 images, " + IMAGE_BYTES + " bytes each");
        DataFiles.requireFile(labelsFile, "STL-10 labels, one byte (1..10) per image");
        long size = DataFiles.size(imagesFile);
        if (size == 0) {
            throw new DataFormatException(imagesFile, "file is empty (expected 3x96x96-byte images)");
        }
        if (size % IMAGE_BYTES != 0) {
            throw new DataFormatException(imagesFile, "truncated file: " + size + " bytes is not a whole number of "
                    + IMAGE_BYTES + "-byte (3x96x96) images; the last image has only " + size % IMAGE_BYTES
                    + " bytes");
        }
        int count = Math.toIntExact(size / IMAGE_BYTES);
        byte[] labelBytes = Files.readAllBytes(labelsFile);
        if (labelBytes.length != count) {
            throw new DataFormatException(labelsFile, "image/label count mismatch: holds " + labelBytes.length
                    + " labels but " + imagesFile + " holds " + count + " images");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int onDisk = labelBytes[i] & 0xFF;
            if (onDisk < 1 || onDisk > 10) {
                throw new DataFormatException(labelsFile, "label " + onDisk + " of image " + i
                        + " is out of range 1..10");
            }
            labels[i] = onDisk - 1;
        }
        PixelStore.Builder pixels = new PixelStore.Builder(count, IMAGE_BYTES);
        byte[] columnMajor = new byte[IMAGE_BYTES];
        byte[] rowMajor = new byte[IMAGE_BYTES];
        try (InputStream in = DataFiles.open(imagesFile, false)) {
            for (int i = 0; i < count; i++) {
                if (in.readNBytes(columnMajor, 0, IMAGE_BYTES) < IMAGE_BYTES) {
                    throw new DataFormatException(imagesFile, "truncated file: image " + i + " ends early");
                }
                for (int c = 0; c < CHANNELS; c++) {
                    int plane = c * PLANE;
                    for (int col = 0; col < SIDE; col++) {
                        for (int row = 0; row < SIDE; row++) {
                            rowMajor[plane + row * SIDE + col] = columnMajor[plane + col * SIDE + row];
                        }
                    }
                }
                pixels.set(i, rowMajor, 0);
            }
        }
        return new ImageDataset(name, CHANNELS, SIDE, SIDE, pixels.build(), labels, classes);
    }
}
