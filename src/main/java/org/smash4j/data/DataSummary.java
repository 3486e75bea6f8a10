package org.smash4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a split of a data set holds, recorded in the run.json of every training run so a run says which data it
 * saw: image count, images per class (in class order) and the per-channel pixel mean and population standard
 * deviation in [0,1] units. Also the one place that refuses data nothing can be learnt from.
 */
public record DataSummary(int images, List<Integer> classCounts, List<Double> mean, List<Double> std) {
    public DataSummary {
        classCounts = List.copyOf(classCounts);
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }

    /**
     * Counts classes and pixel values of {@code data}; a 256-bin histogram per channel keeps the statistics
     * exact and the pass fast. An empty set has no pixel statistics (empty lists).
     */
    public static DataSummary of(ImageDataset data) {
        int[] counts = new int[data.classCount()];
        for (int i = 0; i < data.size(); i++) {
            counts[data.label(i)]++;
        }
        int channels = data.channels();
        int plane = data.channelSize();
        long[][] histogram = new long[channels][256];
        byte[] image = new byte[data.imageSize()];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, image, 0);
            for (int c = 0; c < channels; c++) {
                long[] h = histogram[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    h[image[p] & 0xFF]++;
                }
            }
        }
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        double pixels = (double) data.size() * plane;
        for (int c = 0; c < channels && data.size() > 0; c++) {
            double sum = 0;
            for (int v = 0; v < 256; v++) {
                sum += histogram[c][v] * (v / 255.0);
            }
            double m = sum / pixels;
            double squares = 0;
            for (int v = 0; v < 256; v++) {
                double d = v / 255.0 - m;
                squares += histogram[c][v] * d * d;
            }
            mean.add(m);
            std.add(Math.sqrt(squares / pixels));
        }
        return new DataSummary(data.size(), Arrays.stream(counts).boxed().toList(), mean, std);
    }

    /**
     * Refuses a training set nothing can be learnt from: all labels one class, or all images identical (a blank
     * or overwritten file). The message names the set and what is wrong.
     */
    public static void requireLearnable(ImageDataset train) {
        if (train.size() < 2) {
            throw new IllegalArgumentException(train.name() + ": holds " + train.size()
                    + " image(s); training needs at least 2");
        }
        int first = train.label(0);
        boolean oneClass = true;
        for (int i = 1; i < train.size() && oneClass; i++) {
            oneClass = train.label(i) == first;
        }
        if (oneClass) {
            throw new IllegalArgumentException(train.name() + ": all " + train.size() + " training images are labelled"
                    + " class " + first + " (" + train.classNames().get(first) + "); a classifier needs at least two"
                    + " classes: check the label files");
        }
        byte[] reference = train.image(0);
        byte[] image = new byte[train.imageSize()];
        for (int i = 1; i < train.size(); i++) {
            train.copyImage(i, image, 0);
            if (!Arrays.equals(reference, image)) {
                return;
            }
        }
        throw new IllegalArgumentException(train.name() + ": all " + train.size() + " training images are identical;"
                + " the image files are probably blank or corrupt");
    }
}
