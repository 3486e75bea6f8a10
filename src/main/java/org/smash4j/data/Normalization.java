package org.smash4j.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-channel normalisation x' = (x/255 - mean[c]) / std[c], with mean and std in [0,1] pixel units, as
 * torchvision's ToTensor + Normalize apply it. Either the published constants of a data set or statistics
 * computed from its training images.
 */
public record Normalization(List<Double> mean, List<Double> std) {

    /** CIFAR-10 training-set statistics (spec section 5). */
    public static final Normalization CIFAR10 = of(
            new double[] {0.49139968, 0.48215827, 0.44653124},
            new double[] {0.24703233, 0.24348505, 0.26158768});

    /** CIFAR-100 training-set statistics (spec section 5). */
    public static final Normalization CIFAR100 = of(
            new double[] {0.50707519, 0.48654887, 0.44091785},
            new double[] {0.26733428, 0.25643846, 0.27615049});

    /** STL-10 statistics as the original code uses them (data-formats.md). */
    public static final Normalization STL10 = of(
            new double[] {0.44671, 0.43981, 0.40665},
            new double[] {0.26034, 0.25658, 0.27127});

    /** ImageNet32x32 statistics as the original code uses them (data-formats.md). */
    public static final Normalization IMAGENET32 = of(
            new double[] {0.48110, 0.45747, 0.40786},
            new double[] {0.26041, 0.25321, 0.26821});

    /**
     * Voxel grids stored as 0 (empty) and 255 (occupied): SMASH's input scaling x*6-1, i.e. -1 and 5
     * ({@link VoxelDataset#SCALE}, {@link VoxelDataset#OFFSET}).
     */
    public static final Normalization VOXELS = of(new double[] {1 / 6.0}, new double[] {1 / 6.0});

    public Normalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.isEmpty() || mean.size() != std.size()) {
            throw new IllegalArgumentException(
                    "need one mean and one std per channel, got " + mean.size() + " means and " + std.size() + " stds");
        }
        for (int c = 0; c < mean.size(); c++) {
            double m = mean.get(c);
            double s = std.get(c);
            if (!(m >= 0 && m <= 1)) {
                throw new IllegalArgumentException("mean of channel " + c + " must be in [0,1] pixel units, got " + m);
            }
            if (!(s > 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("std of channel " + c + " must be positive, got " + s);
            }
        }
    }

    public static Normalization of(double[] mean, double[] std) {
        return new Normalization(Arrays.stream(mean).boxed().toList(),
                Arrays.stream(std).boxed().toList());
    }

    /**
     * The exact per-channel mean and population standard deviation of all pixels of {@code data}, in [0,1]
     * units ({@link DataSummary#of}).
     */
    public static Normalization compute(ImageDataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(data.name() + ": cannot compute statistics of an empty set");
        }
        DataSummary s = DataSummary.of(data);
        for (int c = 0; c < s.std().size(); c++) {
            if (s.std().get(c) == 0) {
                throw new IllegalArgumentException(data.name() + ": channel " + c
                        + " has the same value in every pixel, so it cannot be normalised (std 0)");
            }
        }
        return new Normalization(s.mean(), s.std());
    }

    public int channels() {
        return mean.size();
    }

    /** The normalised value of uint8 {@code value} in {@code channel}. */
    public float normalize(int channel, int value) {
        return (float) ((value / 255.0 - mean.get(channel)) / std.get(channel));
    }

    /** {@code table[c][v]} = normalised value of uint8 v in channel c; lets batching avoid per-pixel arithmetic. */
    public float[][] lookupTable() {
        float[][] table = new float[channels()][256];
        for (int c = 0; c < channels(); c++) {
            for (int v = 0; v < 256; v++) {
                table[c][v] = normalize(c, v);
            }
        }
        return table;
    }

    /** Normalises one or more uint8 CHW images (e.g. from {@link ImageFiles}) into floats, same layout. */
    public float[] apply(byte[] images, int height, int width) {
        int plane = height * width;
        if (plane <= 0 || images.length % (plane * channels()) != 0) {
            throw new IllegalArgumentException(images.length + " bytes are not whole " + channels() + "x"
                    + height + "x" + width + " images");
        }
        float[][] table = lookupTable();
        float[] out = new float[images.length];
        for (int p = 0; p < images.length; p++) {
            out[p] = table[(p / plane) % channels()][images[p] & 0xFF];
        }
        return out;
    }
}
